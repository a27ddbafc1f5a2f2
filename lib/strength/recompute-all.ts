// The full recompute: every pair with interactions, in one transaction (all or nothing). Participants are
// joined to people by key once (a hash join over the whole Interaction table), pairs are aggregated into a
// temporary table with the same SQL as the incremental path (recompute-sql.ts), mutual connections are
// counted in memory over the complete pair list, and the pairs stream back through a cursor in batches that
// are scored in Node while PostgreSQL writes the previous batch. The rows go into a replacement Edge table
// that is indexed and swapped in at the end (edge-rebuild.ts): rewriting every row in place maintained eight
// indexes and two foreign-key triggers per row. Edges of pairs without interactions are copied as they are
// (contract seed edges, other relationship types); erasure and merges remove or move theirs.
import type pg from "pg";
import type { Db } from "../db/client";
import { countMutualConnections } from "./mutual-connections";
import { createRebuildTable, finishRebuild, lockForRebuild, writeRebuiltPairs } from "./edge-rebuild";
import { DEFAULT_PAIR_BATCH, overridesFor, pairKey, toAggregate, type AggregateRow, type RecomputeResult, type ScoredPair } from "./recompute";
import { aggregateEventsSql, directionSql, groupSizeSql, personKeysSql, twoWaySql, undirectedSql } from "./recompute-sql";
import { sqlRunner, type SqlRunner } from "./sql-runner";

const FULL_EVENTS_SQL = `
  SELECT pa.pid AS a, pb.pid AS b, x.ts, x.ch, x.share,
         ${directionSql("x.two_way", "x.undirected", "pa.pid = ANY(x.starters)", "pb.pid = ANY(x.starters)")} AS dir,
         x.src_bit
    FROM (
      SELECT i.id, i.ts, i.ch, i.share, i.two_way, i.undirected, i.src_bit,
             array_agg(k.idx) AS pids, array_agg(k.idx) FILTER (WHERE p.ord = 1) AS starters
        FROM (
          SELECT i.id, i.timestamp AS ts, i.channel::text AS ch, 1.0::float8 / (${groupSizeSql("i")} - 1) AS share,
                 ${twoWaySql("i")} AS two_way, ${undirectedSql("i")} AS undirected, s.bit AS src_bit, i.participants
            FROM "Interaction" i JOIN wig_sources s ON s.name = i."sourceName"
        ) i
        CROSS JOIN LATERAL unnest(i.participants) WITH ORDINALITY AS p(key, ord)
        JOIN wig_keys k ON k.key = p.key
       GROUP BY i.id, i.ts, i.ch, i.share, i.two_way, i.undirected, i.src_bit
      HAVING count(*) >= 2
    ) x
    CROSS JOIN LATERAL unnest(x.pids) WITH ORDINALITY AS pa(pid, i)
    CROSS JOIN LATERAL unnest(x.pids) WITH ORDINALITY AS pb(pid, j)
   WHERE pa.pid < pb.pid AND pa.pid <> ALL (x.pids[1:pa.i - 1]) AND pb.pid <> ALL (x.pids[1:pb.j - 1])`;

export interface RecomputeAllOptions {
  asOf: Date;
  /** Pairs per cursor fetch and per write statement (default 2,000). */
  batchSize?: number;
  /** Called after each written batch (progress, benchmarks). */
  onProgress?: (done: RecomputeResult & { total: number }) => void;
  /** Stops at the next batch boundary (the worker is shutting down); the transaction rolls back. */
  signal?: AbortSignal;
}

export interface RecomputeAllResult extends RecomputeResult {
  /** Milliseconds spent aggregating in SQL, counting mutual connections, scoring + writing, and indexing + swapping. */
  timings: { aggregateMs: number; mutualMs: number; writeMs: number; swapMs: number };
}

function isPrismaClient(client: Db | pg.ClientBase): client is Db {
  return typeof (client as Db).$transaction === "function";
}

/**
 * Recomputes every pair. Pass a node-postgres client for large graphs (the job does when it has a
 * connection string): Prisma's raw API moves the written factors an order of magnitude slower.
 */
export async function recomputeAllEdges(client: Db | pg.ClientBase, options: RecomputeAllOptions): Promise<RecomputeAllResult> {
  if (isPrismaClient(client)) {
    return client.$transaction((tx) => recomputeAllIn(sqlRunner(tx), options), { timeout: 60 * 60_000, maxWait: 60_000 });
  }
  await client.query("BEGIN");
  try {
    const result = await recomputeAllIn(sqlRunner(client), options);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}

async function recomputeAllIn(sql: SqlRunner, options: RecomputeAllOptions): Promise<RecomputeAllResult> {
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? DEFAULT_PAIR_BATCH));
  const started = performance.now();
  // Large hash aggregates: a few hundred MB for millions of pair-days, instead of spilling to disk.
  await sql.exec(`SET LOCAL work_mem = '256MB'`);
  // A recompute can always be re-run: do not wait for the WAL flush at commit.
  await sql.exec(`SET LOCAL synchronous_commit = off`);
  // Index builds of the replacement table sort in memory.
  await sql.exec(`SET LOCAL maintenance_work_mem = '512MB'`);
  await lockForRebuild(sql);
  await sql.exec(
    `CREATE TEMP TABLE wig_people ON COMMIT DROP AS
       SELECT (row_number() OVER (ORDER BY p.id) - 1)::int AS idx, p.id, CASE WHEN o."deletedAt" IS NULL THEN o.id END AS org
         FROM "Person" p LEFT JOIN "Organization" o ON o.id = p."organizationId" WHERE p."deletedAt" IS NULL`,
  );
  await sql.exec(
    `CREATE TEMP TABLE wig_keys ON COMMIT DROP AS
       SELECT k.key, w.idx FROM wig_people w JOIN "Person" p ON p.id = w.id CROSS JOIN LATERAL ${personKeysSql("p")} AS k(key)
        WHERE k.key IS NOT NULL`,
  );
  await sql.exec(
    `CREATE TEMP TABLE wig_sources ON COMMIT DROP AS
       SELECT name, (row_number() OVER (ORDER BY name) - 1)::int AS bit FROM (SELECT DISTINCT "sourceName" AS name FROM "Interaction") s`,
  );
  for (const table of ["wig_people", "wig_keys", "wig_sources"]) await sql.exec(`ANALYZE ${table}`);
  const [meta] = await sql.query<{ names: string[] | null; people: number }>(
    `SELECT (SELECT array_agg(name ORDER BY bit) FROM wig_sources) AS names, (SELECT count(*)::int FROM wig_people) AS people`,
  );
  const sourceNames = meta?.names ?? [];
  if (sourceNames.length > 63) throw new Error(`The recompute supports up to 63 source names, found ${sourceNames.length}.`);
  await sql.exec(`CREATE TEMP TABLE wig_agg ON COMMIT DROP AS ${aggregateEventsSql(FULL_EVENTS_SQL)}`);
  const aggregateMs = performance.now() - started;

  const mutualStarted = performance.now();
  const [pairList] = await sql.query<{ a: number[] | null; b: number[] | null }>(
    `SELECT array_agg(a ORDER BY a, b) AS a, array_agg(b ORDER BY a, b) AS b FROM wig_agg`,
  );
  const a = Int32Array.from(pairList?.a ?? []);
  const b = Int32Array.from(pairList?.b ?? []);
  const mutual = countMutualConnections(a, b, Number(meta?.people ?? 0));
  const overrides = await overridesFor(sql, null);
  const mutualMs = performance.now() - mutualStarted;

  const writeStarted = performance.now();
  // The cursor reads every row: plan it for the whole result (hash joins), not for the first rows.
  await sql.exec(`ANALYZE wig_agg`);
  await sql.exec(`SET LOCAL cursor_tuple_fraction = 1.0`);
  await sql.exec(
    `DECLARE wig_pairs NO SCROLL CURSOR FOR
       SELECT g.*, pa.id::text AS a_id, pb.id::text AS b_id, (pa.org IS NOT NULL AND pa.org = pb.org) AS shared
         FROM wig_agg g JOIN wig_people pa ON pa.idx = g.a JOIN wig_people pb ON pb.idx = g.b
        ORDER BY g.a, g.b`,
  );
  await createRebuildTable(sql);
  const result: RecomputeResult = { pairs: 0, edges: 0 };
  const fetch = () => sql.query<AggregateRow & { a_id: string; b_id: string; shared: boolean }>(`FETCH FORWARD ${batchSize} FROM wig_pairs`);
  // Pipelined: the next batch is requested before this one is scored, and this one's write is queued behind
  // it, so PostgreSQL writes batch n while Node scores batch n + 1 (one connection runs one statement at a time).
  let pending = fetch();
  pending.catch(() => undefined);
  let writing: Promise<number> | null = null;
  for (;;) {
    const rows = await pending;
    if (rows.length === 0) break;
    if (options.signal?.aborted) {
      await writing?.catch(() => undefined);
      throw new Error("The full recompute was stopped before it finished; nothing was changed.");
    }
    pending = fetch();
    pending.catch(() => undefined);
    const offset = result.pairs;
    const scored = rows.map(
      (row, index): ScoredPair => ({
        a: row.a_id,
        b: row.b_id,
        aggregate: toAggregate(row, sourceNames),
        context: {
          mutualConnections: mutual[offset + index] ?? 0,
          sharedOrganization: row.shared === true,
          override: overrides.get(pairKey(row.a_id, row.b_id)) ?? null,
        },
      }),
    );
    if (writing) result.edges += await writing;
    writing = writeRebuiltPairs(sql, scored, options.asOf);
    // A rejected write must not sit unobserved while the next fetch is awaited.
    writing.catch(() => undefined);
    result.pairs += rows.length;
    options.onProgress?.({ ...result, total: a.length });
  }
  if (writing) result.edges += await writing;
  await sql.exec(`CLOSE wig_pairs`);
  const writeMs = performance.now() - writeStarted;
  const swapStarted = performance.now();
  await sql.exec(
    `CREATE TEMP TABLE wig_recomputed ON COMMIT DROP AS
       SELECT pa.id AS a, pb.id AS b FROM wig_agg g JOIN wig_people pa ON pa.idx = g.a JOIN wig_people pb ON pb.idx = g.b`,
  );
  await sql.exec(`ANALYZE wig_recomputed`);
  await finishRebuild(sql, "wig_recomputed");
  return { ...result, timings: { aggregateMs, mutualMs, writeMs, swapMs: performance.now() - swapStarted } };
}
