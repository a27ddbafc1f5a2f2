// The per-pair recompute's pipeline on a real PostgreSQL (batch-pipeline.ts): batches read while earlier ones
// are written still count mutual connections as batches run one after the other would; a pair with a hub
// is read by the other person's key alone, with the same result; and a statement that fails mid-pipeline
// is the error reported, with nothing left running on the connection.
import type pg from "pg";
import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "../db";
import { sqlRunner } from "../db/sql-runner";
import { usePgClient } from "../testing/pg-client";
import { resetDatabase } from "../testing/reset-database";
import { aggregateInFull } from "./pair-history";
import { keysOf } from "./pair-reads";
import { recomputePairs, toPairs } from "./recompute";
import { recomputeAllEdges } from "./recompute-all";
import { AS_OF, edges, expectSame, seedWorld } from "./testing/strength-world";

const pgClient = usePgClient();
beforeEach(resetDatabase);

describe("the per-pair recompute's pipeline", () => {
  it("counts mutual connections batch after batch, as one recompute per batch in turn would", async () => {
    const world = await seedWorld(11);
    const pairs = toPairs(world.pairs);
    const client = pgClient();
    await client.query("BEGIN");
    for (let start = 0; start < pairs.length; start += 25) await recomputePairs(client, pairs.slice(start, start + 25), AS_OF);
    await client.query("COMMIT");
    const oneAfterTheOther = await edges();
    expect(oneAfterTheOther.size).toBeGreaterThan(200);

    await prisma.edge.deleteMany();
    await prisma.pairAggregate.deleteMany();
    await client.query("BEGIN");
    const result = await recomputePairs(client, pairs, AS_OF, { batchSize: 25 });
    await client.query("COMMIT");
    expect(result.edges).toBe(oneAfterTheOther.size);
    expectSame(oneAfterTheOther, await edges());
  });

  it("reads a hub's pairs by the other person's key alone, and finds the same interactions", async () => {
    const world = await seedWorld(5);
    const sql = sqlRunner(pgClient());
    const keys = await keysOf(sql, world.ids);
    const pairs = toPairs(world.pairs);
    const byBothKeys = await aggregateInFull(sql, pairs, keys);
    expect(byBothKeys.size).toBeGreaterThan(200);
    // Person 0 is in about a third of the world's interactions.
    expect(await aggregateInFull(sql, pairs, keys, (id) => id === world.ids[0])).toEqual(byBothKeys);
    expect(await aggregateInFull(sql, pairs, keys, () => true)).toEqual(byBothKeys);
  });

  it("reports the statement that failed, not those the aborted transaction refused after it, and leaves nothing running", async () => {
    const world = await seedWorld(3);
    await recomputeAllEdges(prisma, { asOf: AS_OF });
    const before = await edges();
    const client = pgClient();
    // The second batch's stored aggregates fail; later batches' reads are queued by then, and fail after it.
    let storedWrites = 0;
    const failures: string[] = [];
    const failingOnce = new Proxy(client, {
      get(target, property, receiver) {
        if (property !== "query") return Reflect.get(target, property, receiver);
        return (text: string, params?: unknown[]) => {
          const sent = text.startsWith(`INSERT INTO "PairAggregate"`) && (storedWrites += 1) === 2 ? target.query("SELECT 1 / 0") : target.query(text, params);
          sent.catch((error: { code?: string }) => failures.push(error.code ?? "?"));
          return sent;
        };
      },
    }) as pg.Client;
    await client.query("BEGIN");
    const recompute = recomputePairs(failingOnce, world.pairs, AS_OF, { batchSize: 40, newInteractions: { since: new Date(), deltas: new Map() } });
    await expect(recompute).rejects.toThrow(/division by zero/);
    await client.query("ROLLBACK");
    // The cause, then statements refused because of it ("current transaction is aborted").
    expect(failures[0]).toBe("22012");
    expect(failures.slice(1)).toContain("25P02");
    expect((await client.query<{ one: number }>("SELECT 1 AS one")).rows[0]?.one).toBe(1);
    expectSame(before, await edges());
  });
});
