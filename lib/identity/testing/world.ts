// Test helpers for merges (used by integration tests only): a full dump of every table a merge may touch,
// and a small seeded world with people, interactions, edges computed from them, identities, users,
// overrides, blocklist entries and candidates.
import { randomUUID } from "node:crypto";
import type { Db } from "../../db/client";
import { recomputeEdges } from "../../sources/pipeline/recompute-edges";

/** Every row (all columns, as JSON) of the tables merges and undos may change, ordered by id. Audit and Merge rows excluded. */
export async function dumpWorld(db: Db): Promise<Record<string, unknown[]>> {
  const tables = ["Person", "Edge", "PersonIdentity", "User", "StrengthOverride", "BlocklistEntry", "MergeCandidate", "MergeDecision", "Interaction", "Organization"];
  const result: Record<string, unknown[]> = {};
  for (const table of tables) {
    const rows = await db.$queryRawUnsafe<Array<{ row: unknown }>>(`SELECT to_jsonb(t) AS row FROM "${table}" t ORDER BY t.id`);
    result[table] = rows.map((entry) => entry.row);
  }
  return result;
}

export interface World {
  people: Array<{ id: string; email: string }>;
  userIds: string[];
}

/** A deterministic little world from a seed: n people, random interactions among them, edges computed from those. */
export async function seedWorld(db: Db, seed: number, count = 7): Promise<World> {
  let state = seed >>> 0 || 1;
  const random = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const org = await db.organization.create({ data: { name: `Org ${seed}`, domain: `org${seed}.example` } });
  const people: World["people"] = [];
  for (let index = 0; index < count; index += 1) {
    const email = `p${index}.${seed}@org${seed}.example`;
    const person = await db.person.create({
      data: {
        names: [`Person ${index}`, ...(random() < 0.3 ? [`P. ${index}`] : [])],
        emails: [email, ...(random() < 0.3 ? [`p${index}.${seed}@gmail.com`] : [])],
        phones: random() < 0.4 ? [`+1415555${String(1000 + index)}`] : [],
        socialHandles: random() < 0.5 ? { linkedin: `person-${index}-${seed}`, slack: `U${index}` } : undefined,
        title: random() < 0.5 ? "Engineer" : null,
        organizationId: random() < 0.6 ? org.id : null,
        metadata: { seed },
        createdAt: new Date(Date.UTC(2026, 0, 1 + index)),
      },
    });
    people.push({ id: person.id, email });
    await db.personIdentity.createMany({
      data: [
        { personId: person.id, sourceName: "crm", sourceId: `crm-${seed}-${index}`, observedAt: new Date("2026-02-01T00:00:00Z") },
        ...(random() < 0.5 ? [{ personId: person.id, sourceName: "linkedin", sourceId: `li-${seed}-${index}` }] : []),
      ],
    });
  }
  // Interactions among random pairs (and some groups), then edges from them as an import would.
  const pairs = new Set<string>();
  for (let index = 0; index < count * 3; index += 1) {
    const a = people[Math.floor(random() * count)];
    const b = people[Math.floor(random() * count)];
    if (!a || !b || a.id === b.id) continue;
    const third = random() < 0.2 ? people[Math.floor(random() * count)] : undefined;
    const participants = [...new Set([a.email, b.email, ...(third ? [third.email] : [])])];
    await db.interaction.create({
      data: {
        sourceId: `i-${seed}-${index}`,
        sourceName: random() < 0.5 ? "gmail" : "calendar",
        timestamp: new Date(Date.UTC(2026, Math.floor(random() * 10), 1 + Math.floor(random() * 27))),
        participants,
        channel: random() < 0.5 ? "email" : "meeting",
        direction: random() < 0.5 ? "two_way" : "one_way",
      },
    });
    const ids = participants.map((email) => people.find((person) => person.email === email)?.id ?? "");
    for (const x of ids) for (const y of ids) if (x < y) pairs.add(`${x} ${y}`);
  }
  await db.$transaction((tx) => recomputeEdges(tx, pairs, new Date("2026-11-01T00:00:00Z")), { timeout: 60_000 });

  const userIds: string[] = [];
  for (let index = 0; index < 2; index += 1) {
    const linked = people[index * 2];
    const user = await db.user.create({ data: { email: `user${index}.${seed}.${randomUUID().slice(0, 6)}@example.com`, personId: linked?.id ?? null } });
    userIds.push(user.id);
  }
  for (const person of people) {
    if (random() < 0.4) await db.strengthOverride.create({ data: { userId: userIds[0] as string, personId: person.id, level: random() < 0.5 ? "knows_well" : "barely_knows" } });
    if (random() < 0.2) await db.blocklistEntry.create({ data: { userId: userIds[1] as string, personId: person.id } });
  }
  for (let index = 0; index + 1 < count; index += 2) {
    const [a, b] = [people[index]?.id ?? "", people[index + 1]?.id ?? ""].sort();
    await db.mergeCandidate.create({
      data: { personAId: a as string, personBId: b as string, probability: random(), matchWeight: random() * 10, explanation: { priorWeight: -10, contributions: [], matchWeight: 1, probability: 0.5 } },
    });
  }
  return { people, userIds };
}
