// The two recompute paths agree: the full recompute (recompute-all.ts, hash join over every interaction)
// and the incremental one (recompute.ts, GIN probes per pair) write the same strengths and factors, through
// Prisma or node-postgres. Also: deleted people, organizations, overrides and mutual connections.
import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "../db";
import { usePgClient } from "../testing/pg-client";
import { resetDatabase } from "../testing/reset-database";
import { recomputeNewInteractions, recomputePairs } from "./recompute";
import { recomputeAllEdges } from "./recompute-all";
import { recomputeAllJob, runRecomputeAll } from "./recompute-job";
import { JOB_DEFINITIONS } from "../jobs/registry";
import { AS_OF, edges, expectSame, runStart, seedWorld, storedAggregates } from "./testing/strength-world";

const pgClient = usePgClient();
beforeEach(resetDatabase);

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
