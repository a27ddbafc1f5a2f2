// The two recompute paths agree: the full recompute (recompute-all.ts, hash join over every interaction)
// and the incremental one (recompute.ts, GIN probes per pair) write the same strengths and factors, through
// Prisma or node-postgres. Also: deleted people, organizations, overrides and mutual connections.
import { beforeEach, describe, expect, it } from "vitest";
import type { InteractionChannel, InteractionDirection } from "../../prisma/generated/enums";
import { prisma } from "../db";
import { createRng } from "../seed/demo/prng";
import { usePgClient } from "../testing/pg-client";
import { resetDatabase } from "../testing/reset-database";
import { recomputeNewInteractions, recomputePairs } from "./recompute";
import { recomputeAllEdges } from "./recompute-all";
import { aggregateNumbers, unpackStoredAggregate } from "./stored-aggregate";
import { recomputeAllJob, runRecomputeAll } from "./recompute-job";
import { JOB_DEFINITIONS } from "../jobs/registry";
import { strengthFactorsOf } from "./testing/strength-factors-of";
import type { TStrengthFactors } from "./strength-factors.schema";

const AS_OF = new Date("2026-11-01T00:00:00Z");
const CHANNELS: InteractionChannel[] = ["email", "meeting", "call", "message", "linkedin", "other"];
const SOURCES = ["gmail", "calendar", "slack", "linkedin"];

const pgClient = usePgClient();
beforeEach(resetDatabase);

interface World {
  ids: string[];
  pairs: Array<[string, string]>;
}

/** 40 people in 4 organizations, a few with a second email or a Slack handle, and 400 varied interactions. */
async function seedWorld(seed = 7): Promise<World & { addInteractions: (count: number, tag: string) => Promise<void> }> {
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
  const generate = (count: number, tag: string) => Array.from({ length: count }, (_, index) => {
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
      sourceId: `${tag}-${index}`,
      timestamp: new Date(AS_OF.getTime() - rng.int(0, 3 * 365) * 86_400_000 - rng.int(0, 86_399) * 1000),
      participants,
      channel,
      direction,
      metadata: rng.chance(0.1) ? { groupSize: 30 } : undefined,
    };
  });
  await prisma.interaction.createMany({ data: generate(400, "i") });
  const addInteractions = async (count: number, tag: string) => {
    await prisma.interaction.createMany({ data: generate(count, tag) });
  };
  const pairs: Array<[string, string]> = [];
  for (let i = 0; i < ids.length; i += 1) for (let j = i + 1; j < ids.length; j += 1) pairs.push([ids[i] as string, ids[j] as string]);
  return { ids, pairs, addInteractions };
}

/** A run's start as the import pipeline takes it: every interaction created afterwards is at or after it. */
async function runStart(): Promise<Date> {
  const rows = await prisma.$queryRaw<Array<{ since: Date }>>`SELECT date_trunc('milliseconds', clock_timestamp() AT TIME ZONE 'UTC') + interval '2 milliseconds' AS since`;
  await new Promise((resolve) => setTimeout(resolve, 5));
  return rows[0]?.since as Date;
}

/** The PairAggregate table, numbers rounded past float noise (sums added in another order differ in the last bits). */
async function storedAggregates(): Promise<Map<string, { fingerprint: string }>> {
  const rows = await prisma.pairAggregate.findMany();
  const round = (values: ArrayLike<number>) => Array.from(values, (value) => Number(value.toPrecision(12)));
  return new Map(
    rows.map((row) => {
      const stored = unpackStoredAggregate(row.data, row.sources, row.through);
      if (!stored) throw new Error(`unreadable stored aggregate ${row.personAId} ${row.personBId}`);
      return [
        `${row.personAId} ${row.personBId}`,
        { fingerprint: row.keysFingerprint, through: row.through.getTime(), numbers: round(aggregateNumbers(stored.aggregate)), sources: [...row.sources].sort(), days: Array.from(stored.days), shares: round(stored.dayShares) },
      ];
    }),
  );
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
    expect(second).toEqual({ pairs: full.pairs, edges: full.edges, addedTo: 0 });
    expectSame(fromFull, await edges());

    const client = pgClient();
    await client.query("BEGIN");
    await recomputePairs(client, world.pairs, AS_OF);
    await client.query("COMMIT");
    expectSame(fromFull, await edges());
    await recomputeAllEdges(client, { asOf: AS_OF });
    expectSame(fromFull, await edges());
  });

  it("adds new interactions to the stored aggregates, exactly as reading every pair in full would", async () => {
    const world = await seedWorld(5);
    const catalog = () => prisma.$queryRaw<Array<{ definition: string }>>`
      SELECT pg_get_indexdef(i.indexrelid) || COALESCE(' ' || k.conname, '') AS definition FROM pg_index i
        LEFT JOIN pg_constraint k ON k.conindid = i.indexrelid AND k.contype = 'p'
       WHERE i.indrelid = '"PairAggregate"'::regclass ORDER BY 1`;
    const indexesBefore = await catalog();
    const full = await recomputeAllEdges(prisma, { asOf: AS_OF });
    expect(await prisma.pairAggregate.count()).toBe(full.pairs);
    // The full path drops the table's indexes while it refills it, and builds the same ones again.
    expect(await catalog()).toEqual(indexesBefore);
    expect(indexesBefore).toHaveLength(2);

    // A later import: interactions over the same three years (days already counted, earlier and later ones),
    // and a person who gained an address (their history is different: their pairs are read in full).
    const since = await runStart();
    await world.addInteractions(150, "later");
    const changed = world.ids[3] as string;
    await prisma.person.update({ where: { id: changed }, data: { emails: { push: "p3@alias.example" } } });
    const result = await prisma.$transaction((tx) => recomputeNewInteractions(tx, { since }, AS_OF), { timeout: 60_000 });
    expect(result.interactions).toBe(150);
    expect(result.addedTo).toBeGreaterThan(50);
    expect(result.pairs).toBeGreaterThan(result.addedTo);
    const added = await storedAggregates();

    // The same rows from scratch. Only the changed person's untouched pairs keep the old fingerprint (so the
    // next import reads them in full).
    await recomputeAllEdges(prisma, { asOf: AS_OF });
    const scratch = await storedAggregates();
    const withoutFingerprint = (rows: Map<string, { fingerprint: string }>) => new Map([...rows].map(([key, { fingerprint: _, ...rest }]) => [key, rest]));
    expect(withoutFingerprint(added)).toEqual(withoutFingerprint(scratch));
    const stale = [...added].filter(([key, row]) => row.fingerprint !== scratch.get(key)?.fingerprint).map(([key]) => key);
    expect(stale.length).toBeGreaterThan(0);
    for (const key of stale) expect(key).toContain(changed);
    const fromFull = await edges();

    // And the same edges, once the incremental path sees the same neighbours (mutual connections): a second
    // import adding nothing rescoring every pair from its stored aggregate.
    const now = await runStart();
    const rescored = await prisma.$transaction((tx) => recomputePairs(tx, world.pairs, AS_OF, { newInteractions: { since: now, deltas: new Map() } }), { timeout: 60_000 });
    expect(rescored.addedTo).toBe(await prisma.pairAggregate.count());
    expectSame(fromFull, await edges());
  });

  it("reads a pair in full when its stored aggregate was rewritten after the run began, or its people changed", async () => {
    const world = await seedWorld(9);
    const since = await runStart();
    await world.addInteractions(60, "run");
    // A merge or override recomputed every pair mid-run: the rows already hold the run's interactions.
    await prisma.$transaction((tx) => recomputePairs(tx, world.pairs, AS_OF), { timeout: 60_000 });
    const before = await storedAggregates();
    const result = await prisma.$transaction((tx) => recomputeNewInteractions(tx, { since }, AS_OF), { timeout: 60_000 });
    expect(result.addedTo).toBe(0);
    expect(await storedAggregates()).toEqual(before);

    // Forgotten rows (a soft delete, a merge) are rebuilt by the next recompute of their pairs.
    await prisma.pairAggregate.deleteMany({ where: { OR: [{ personAId: world.ids[0] as string }, { personBId: world.ids[0] as string }] } });
    await prisma.$transaction((tx) => recomputePairs(tx, world.pairs, AS_OF, { newInteractions: { since: new Date(), deltas: new Map() } }), { timeout: 60_000 });
    expect(await storedAggregates()).toEqual(before);
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
    expect(result).toEqual({ pairs: 1, edges: 2, addedTo: 0 });
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

  it("commits its audit row with the rebuilt edges, or neither", async () => {
    await seedWorld(3);
    const before = await prisma.edge.findMany({ orderBy: { id: "asc" } });
    const failing = recomputeAllEdges(pgClient(), {
      asOf: new Date(AS_OF.getTime() + 30 * 86_400_000),
      audit: () => ({ action: "strength.recomputed_all", entityType: null as unknown as string }),
    });
    // An audit row PostgreSQL refuses (entityType is NOT NULL) rolls the whole rebuild back.
    await expect(failing).rejects.toThrow();
    expect(await prisma.edge.findMany({ orderBy: { id: "asc" } })).toEqual(before);
    expect(await prisma.auditLog.count({ where: { action: "strength.recomputed_all" } })).toBe(0);
  });
});
