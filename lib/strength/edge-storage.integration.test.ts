// Edge rows are rewritten by every recompute; the schema keeps those writes in place (heap-only tuples: no
// index entry, see the edge_hot_updates migration and lib/strength/README.md, "Edge storage"). These tests
// fail if an index on a column the recompute changes (a B-tree on strength, a covering INCLUDE (strength))
// comes back, or if the full recompute's replacement table loses the table's fillfactor.
import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "../db";
import { usePgClient } from "../testing/pg-client";
import { resetDatabase } from "../testing/reset-database";
import { recomputeNewInteractions } from "./recompute";
import { recomputeAllEdges } from "./recompute-all";

const AS_OF = new Date("2026-11-01T00:00:00Z");
const PEOPLE = ["a", "b", "c", "d", "e"];

const pgClient = usePgClient();
beforeEach(resetDatabase);

const reloptions = async (table: string): Promise<string[] | null> =>
  (await pgClient().query<{ options: string[] | null }>(`SELECT reloptions AS options FROM pg_class WHERE oid = $1::regclass`, [`"${table}"`])).rows[0]?.options ?? null;

async function seedWorld(): Promise<void> {
  await prisma.person.createMany({ data: PEOPLE.map((name) => ({ names: [name.toUpperCase()], emails: [`${name}@x.example`] })) });
  const data = PEOPLE.flatMap((x, i) =>
    PEOPLE.slice(i + 1).map((y, j) => ({
      sourceName: "gmail",
      sourceId: `m-${x}-${y}`,
      timestamp: new Date(Date.UTC(2026, 8, 1 + i + j)),
      participants: [`${x}@x.example`, `${y}@x.example`],
      channel: "email" as const,
      direction: "two_way" as const,
    })),
  );
  await prisma.interaction.createMany({ data });
}

describe("edge storage", () => {
  it("keeps the fillfactor of Edge and PairAggregate across a full recompute", async () => {
    expect(await reloptions("Edge")).toEqual(["fillfactor=70"]);
    expect(await reloptions("PairAggregate")).toEqual(["fillfactor=80"]);
    await seedWorld();
    await recomputeAllEdges(prisma, { asOf: AS_OF });
    expect(await reloptions("Edge")).toEqual(["fillfactor=70"]);
    expect(await reloptions("PairAggregate")).toEqual(["fillfactor=80"]);
  });

  it("updates the edges an import touched in place (HOT), on PostgreSQL 16 and later", async () => {
    const client = pgClient();
    const version = Number((await client.query<{ v: string }>(`SELECT current_setting('server_version_num') AS v`)).rows[0]?.v);
    await seedWorld();
    await recomputeAllEdges(prisma, { asOf: AS_OF });
    const before = await prisma.edge.findMany({ orderBy: { id: "asc" } });
    expect(before).toHaveLength(20);

    await client.query("BEGIN");
    try {
      const [{ since }] = (await client.query<{ since: Date }>(`SELECT now() AT TIME ZONE 'UTC' AS since`)).rows as [{ since: Date }];
      await client.query(
        `INSERT INTO "Interaction" (id, "sourceId", "sourceName", timestamp, participants, channel, direction)
         VALUES (gen_random_uuid(), 'new-1', 'gmail', '2026-10-30T10:00:00Z', ARRAY['a@x.example', 'b@x.example'], 'email', 'two_way')`,
      );
      // One pair: its two rows sit side by side, and the page keeps room for both new versions (a real
      // import touches a few pairs among thousands of pages; three pairs on one page would not all fit).
      const result = await recomputeNewInteractions(client, { since }, AS_OF);
      expect(result.edges).toBe(2);
      // This transaction's own counters (pg_stat_get_xact_*): every edge update, and how many were HOT.
      const [counts] = (await client.query<{ updated: string; hot: string }>(
        `SELECT pg_stat_get_xact_tuples_updated('"Edge"'::regclass) AS updated, pg_stat_get_xact_tuples_hot_updated('"Edge"'::regclass) AS hot`,
      )).rows;
      expect(Number(counts?.updated)).toBe(2);
      if (version >= 160000) expect(Number(counts?.hot)).toBe(2);
    } finally {
      await client.query("ROLLBACK");
    }
  });
});
