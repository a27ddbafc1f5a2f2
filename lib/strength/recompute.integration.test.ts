// The two recompute paths agree: the full recompute (recompute-all.ts, hash join over every interaction)
// and the incremental one (recompute.ts, GIN probes per pair) write the same strengths and factors, through
// Prisma or node-postgres. Also: deleted people, organizations, overrides and mutual connections.
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { InteractionChannel, InteractionDirection } from "../../prisma/generated/enums";
import { prisma } from "../db";
import { createRng } from "../seed/demo/prng";
import { resetDatabase } from "../testing/reset-database";
import { recomputePairs } from "./recompute";
import { recomputeAllEdges } from "./recompute-all";
import { recomputeAllJob, runRecomputeAll } from "./recompute-job";
import { JOB_DEFINITIONS } from "../jobs/registry";
import { strengthFactorsOf } from "./testing/strength-factors-of";
import type { TStrengthFactors } from "./strength-factors.schema";

const AS_OF = new Date("2026-11-01T00:00:00Z");
const CHANNELS: InteractionChannel[] = ["email", "meeting", "call", "message", "linkedin", "other"];
const SOURCES = ["gmail", "calendar", "slack", "linkedin"];

let client: pg.Client;
beforeAll(async () => {
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
});
afterAll(async () => {
  await client.end();
});
beforeEach(resetDatabase);

interface World {
  ids: string[];
  pairs: Array<[string, string]>;
}

/** 40 people in 4 organizations, a few with a second email or a Slack handle, and 400 varied interactions. */
async function seedWorld(seed = 7): Promise<World> {
  const rng = createRng(seed);
  const organizations = await Promise.all([0, 1, 2, 3].map((index) => prisma.organization.create({ data: { name: `Org ${index}`, domain: `org${index}.example` } })));
  const ids: string[] = [];
  const keysOf: string[][] = [];
  for (let index = 0; index < 40; index += 1) {
    const emails = [`p${index}@org${index % 4}.example`, ...(index % 7 === 0 ? [`p${index}@home.example`] : [])];
    const person = await prisma.person.create({
      data: {
        names: [`Person ${index}`],
        emails,
        socialHandles: index % 5 === 0 ? { slack: `U${index}` } : undefined,
        organizationId: index % 3 === 0 ? null : organizations[index % 4]?.id,
      },
    });
    ids.push(person.id);
    keysOf.push([...emails, ...(index % 5 === 0 ? [`slack:U${index}`] : [])]);
  }
  const data = Array.from({ length: 400 }, (_, index) => {
    const size = rng.chance(0.6) ? 2 : rng.int(3, 7);
    const members = new Set<number>();
    const hub = rng.chance(0.3) ? 0 : rng.int(0, 39);
    members.add(hub);
    while (members.size < size) members.add(rng.int(0, 39));
    const participants = [...members].map((member) => rng.pick(keysOf[member] as string[]));
    if (rng.chance(0.05)) participants.push("stranger@nowhere.example");
    // Now and then the same person twice, under two keys.
    if (rng.chance(0.05) && (keysOf[hub]?.length ?? 0) > 1) participants.push((keysOf[hub] as string[])[1] as string);
    const channel = rng.pick(CHANNELS);
    const direction: InteractionDirection | null = channel === "linkedin" ? null : rng.chance(0.5) ? "two_way" : "one_way";
    return {
      sourceName: rng.pick(SOURCES),
      sourceId: `i-${index}`,
      timestamp: new Date(AS_OF.getTime() - rng.int(0, 3 * 365) * 86_400_000 - rng.int(0, 86_399) * 1000),
      participants,
      channel,
      direction,
      metadata: rng.chance(0.1) ? { groupSize: 30 } : undefined,
    };
  });
  await prisma.interaction.createMany({ data });
  const pairs: Array<[string, string]> = [];
  for (let i = 0; i < ids.length; i += 1) for (let j = i + 1; j < ids.length; j += 1) pairs.push([ids[i] as string, ids[j] as string]);
  return { ids, pairs };
}

type Stored = Map<string, { strength: number; factors: TStrengthFactors; count: number; sources: string[]; channels: string[] }>;

async function edges(): Promise<Stored> {
  const rows = await prisma.edge.findMany();
  return new Map(
    rows.map((row) => [
      `${row.fromPersonId}>${row.toPersonId}`,
      { strength: row.strength, factors: strengthFactorsOf(row.strengthFactors), count: row.interactionCount, sources: row.sources, channels: row.channels },
    ]),
  );
}

function expectSame(left: Stored, right: Stored): void {
  expect([...left.keys()].sort()).toEqual([...right.keys()].sort());
  for (const [key, value] of left) {
    const other = right.get(key);
    expect(other?.strength, key).toBeCloseTo(value.strength, 9);
    expect(other?.factors, key).toEqual(value.factors);
    expect(other?.count, key).toBe(value.count);
    expect(other?.sources, key).toEqual(value.sources);
  }
}

describe("recompute", () => {
  it("gives the same edges from the full recompute and from recomputePairs, through either driver", async () => {
    const world = await seedWorld();
    const full = await recomputeAllEdges(prisma, { asOf: AS_OF, batchSize: 37 });
    expect(full.pairs).toBeGreaterThan(100);
    expect(full.edges).toBe(full.pairs * 2);
    const fromFull = await edges();

    await prisma.edge.deleteMany();
    // The first pass counts mutual connections among edges that exist; the second sees them all.
    await prisma.$transaction((tx) => recomputePairs(tx, world.pairs, AS_OF, { batchSize: 50 }), { timeout: 60_000 });
    const second = await prisma.$transaction((tx) => recomputePairs(tx, world.pairs.map(([a, b]) => `${b} ${a}`), AS_OF), { timeout: 60_000 });
    expect(second).toEqual({ pairs: full.pairs, edges: full.edges });
    expectSame(fromFull, await edges());

    await client.query("BEGIN");
    await recomputePairs(client, world.pairs, AS_OF);
    await client.query("COMMIT");
    expectSame(fromFull, await edges());
    await recomputeAllEdges(client, { asOf: AS_OF });
    expectSame(fromFull, await edges());
  });

  it("explains every factor, counts mutual connections and organizations, and leaves deleted people out", async () => {
    const world = await seedWorld(11);
    const deleted = world.ids[5] as string;
    await prisma.person.update({ where: { id: deleted }, data: { deletedAt: new Date() } });
    await recomputeAllEdges(prisma, { asOf: AS_OF });
    const stored = await edges();
    for (const [key, edge] of stored) {
      expect(key.includes(deleted)).toBe(false);
      expect(edge.factors.factors.map((factor) => factor.key)).toEqual([
        "recency", "frequency", "reciprocity", "duration", "channel_richness", "corroboration", "mutual_connections", "shared_organization",
      ]);
      expect(edge.factors.score).toBeCloseTo(edge.strength, 9);
      expect(edge.count).toBeGreaterThan(0);
    }
    const values = [...stored.values()];
    expect(values.some((edge) => (edge.factors.factors.find((f) => f.key === "mutual_connections")?.raw as number) > 0)).toBe(true);
    expect(values.some((edge) => edge.factors.factors.find((f) => f.key === "shared_organization")?.raw === true)).toBe(true);
    // Both directions carry the same strength.
    for (const [key, edge] of stored) {
      const [from, to] = key.split(">");
      expect(stored.get(`${to}>${from}`)?.strength).toBe(edge.strength);
    }
  });

  it("updates an existing edge of another relationship type instead of adding a second one", async () => {
    const a = await prisma.person.create({ data: { names: ["A"], emails: ["a@x.example"] } });
    const b = await prisma.person.create({ data: { names: ["B"], emails: ["b@x.example"] } });
    await prisma.edge.create({ data: { fromPersonId: a.id, toPersonId: b.id, relationshipType: "colleague", strength: 0.1 } });
    await prisma.interaction.create({
      data: { sourceName: "gmail", sourceId: "m1", timestamp: new Date("2026-10-20T00:00:00Z"), participants: ["a@x.example", "b@x.example"], channel: "email", direction: "two_way" },
    });
    const result = await prisma.$transaction((tx) => recomputePairs(tx, [[a.id, b.id]], AS_OF));
    expect(result).toEqual({ pairs: 1, edges: 2 });
    const rows = await prisma.edge.findMany({ orderBy: { relationshipType: "asc" } });
    expect(rows.map((row) => [row.fromPersonId === a.id ? "a>b" : "b>a", row.relationshipType])).toEqual(
      expect.arrayContaining([["a>b", "colleague"], ["b>a", "knows"]]),
    );
    expect(rows).toHaveLength(2);
    expect(new Set(rows.map((row) => row.strength)).size).toBe(1);
    expect(rows[0]?.strength).toBeGreaterThan(0.1);
  });

  it("runs as the registered strength.recompute_all job, audited with its counts", async () => {
    await seedWorld(3);
    expect(JOB_DEFINITIONS.map((definition) => definition.name)).toContain("strength.recompute_all");
    expect(recomputeAllJob.payload.safeParse({ asOf: AS_OF.toISOString() }).success).toBe(true);
    const result = await runRecomputeAll({ db: prisma, asOf: AS_OF, correlationId: "test-recompute-1234" });
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "strength.recomputed_all" } });
    expect(audit.correlationId).toBe("test-recompute-1234");
    expect(audit.metadata).toMatchObject({ pairs: result.pairs, edges: result.edges, asOf: AS_OF.toISOString() });
    expect(await prisma.edge.count()).toBe(result.edges);
  });
});
