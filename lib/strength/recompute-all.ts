// The full recompute: every pair with interactions, in one transaction (all or nothing). People and their
// keys are loaded once, the Interaction table streams through a cursor into an in-memory aggregation
// (pair-accumulator.ts: the same model as the incremental path's SQL), mutual connections are counted over
// the complete pair list, and the pairs are scored in Node while PostgreSQL writes the previous batch. The
// rows go into a replacement Edge table that is indexed and swapped in at the end (edge-rebuild.ts):
// rewriting every row in place maintained eight indexes and two foreign-key triggers per row. Edges of pairs
// without interactions are copied as they are (contract seed edges, other relationship types); erasure and
// merges remove or move theirs.
import type pg from "pg";
import { writeAuditSql, type AuditEntry } from "../audit/write-audit";
import type { Db } from "../db/client";
import { countMutualConnections } from "./mutual-connections";
import { createRebuildTable, finishRebuild, insertRebuiltColumns, lockForRebuild, type RebuiltBatch } from "./edge-rebuild";
import { scoredPairColumns } from "./edge-writer";
import { PairAccumulator } from "./pair-accumulator";
import { DEFAULT_PAIR_BATCH, overridesFor, pairKey, type RecomputeResult, type ScoredPair } from "./recompute";
import { appendStoredColumns, clearStoredPairs, lockStoredPairs, storedPairColumns, type StoredPair } from "./pair-store";
import { packedInteractionSql, personKeysSql, unpackInteraction } from "./recompute-sql";
import { pairFingerprint, personKeysHash } from "./stored-aggregate";
import { sqlRunner, type SqlClient, type SqlRunner } from "../db/sql-runner";

export interface RecomputeAllOptions {
  asOf: Date;
  /** Pairs per cursor fetch and per write statement (default 2,000). */
  batchSize?: number;
  /** Called after each written batch (progress, benchmarks). */
  onProgress?: (done: RecomputeResult & { total: number }) => void;
  /** Stops at the next batch boundary (the worker is shutting down); the transaction rolls back. */
  signal?: AbortSignal;
  /** The audit row to write in the recompute's own transaction (recomputeAllEdges), from its result. */
  audit?: (result: RecomputeAllResult) => AuditEntry;
}

export interface RecomputeAllResult extends RecomputeResult {
  /** Milliseconds spent aggregating (reading interactions), counting mutual connections, scoring + writing, and indexing + swapping. */
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
  const run = async (sql: SqlRunner) => {
    // Its own transaction, and it can always be re-run: do not wait for the WAL flush at commit.
    await sql.exec(`SET LOCAL synchronous_commit = off`);
    const result = await recomputeAllIn(sql, options);
    if (options.audit) await writeAuditSql(sql, options.audit(result));
    return result;
  };
  if (isPrismaClient(client)) {
    return client.$transaction((tx) => run(sqlRunner(tx)), { timeout: 60 * 60_000, maxWait: 60_000 });
  }
  await client.query("BEGIN");
  try {
    const result = await run(sqlRunner(client));
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}

/**
 * The same full recompute inside a transaction the caller holds (an import's final transaction, when its
 * pairs are most of the graph: recompute-edges.ts). Everything it does commits or rolls back with the caller.
 */
export async function recomputeAllEdgesWithin(client: SqlClient, options: RecomputeAllOptions): Promise<RecomputeAllResult> {
  return recomputeAllIn(sqlRunner(client), options);
}

/**
 * Interactions per cursor fetch: large enough that round trips do not matter, small enough that a fetch's
 * rows, as the driver materializes them (Prisma's raw API several times their size), stay a few MB inside an
 * import worker's memory budget.
 */
const INTERACTIONS_PER_FETCH = 5_000;

const stoppedError = (): Error => new Error("The full recompute was stopped before it finished; nothing was changed.");

async function recomputeAllIn(sql: SqlRunner, options: RecomputeAllOptions): Promise<RecomputeAllResult> {
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? DEFAULT_PAIR_BATCH));
  const started = performance.now();
  // Index builds of the replacement table sort in memory; the copy of untouched edges hashes ids.
  await sql.exec(`SET LOCAL maintenance_work_mem = '512MB'`);
  await sql.exec(`SET LOCAL work_mem = '256MB'`);
  await lockForRebuild(sql);

  const people = await sql.query<{ id: string; org: string | null }>(
    `SELECT p.id::text AS id, CASE WHEN o."deletedAt" IS NULL THEN o.id::text END AS org
       FROM "Person" p LEFT JOIN "Organization" o ON o.id = p."organizationId" WHERE p."deletedAt" IS NULL ORDER BY p.id`,
  );
  const indexOf = new Map(people.map((person, index) => [person.id, index]));
  const keyRows = await sql.query<{ id: string; key: string }>(
    `SELECT p.id::text AS id, k.key FROM "Person" p CROSS JOIN LATERAL ${personKeysSql("p")} AS k(key)
      WHERE p."deletedAt" IS NULL AND k.key IS NOT NULL`,
  );
  // An identifier two people share counts for both (as in the incremental path).
  const peopleByKey = new Map<string, number[]>();
  const keysOfPerson: string[][] = people.map(() => []);
  for (const row of keyRows) {
    const index = indexOf.get(row.id);
    if (index === undefined) continue;
    keysOfPerson[index]?.push(row.key);
    const list = peopleByKey.get(row.key);
    if (list) list.push(index);
    else peopleByKey.set(row.key, [index]);
  }

  const accumulator = new PairAccumulator();
  const peopleOf = (key: string) => peopleByKey.get(key);
  await streamInteractions(sql, INTERACTIONS_PER_FETCH, (fields) => {
    const interaction = unpackInteraction(fields, peopleOf);
    if (interaction) accumulator.add(interaction);
  }, options.signal);
  const dayMaps = accumulator.dayMaps();
  const sourceNames = accumulator.sourceNames();
  const aggregateMs = performance.now() - started;

  const mutualStarted = performance.now();
  const { a, b } = accumulator.pairIndices();
  const mutual = countMutualConnections(a, b, people.length);
  const overrides = await overridesFor(sql, null);
  const mutualMs = performance.now() - mutualStarted;

  const keyHashes = keysOfPerson.map((keys) => personKeysHash(keys));
  const writeStarted = performance.now();
  await createRebuildTable(sql);
  await lockStoredPairs(sql);
  const indexStoredPairs = await clearStoredPairs(sql);
  const total = accumulator.pairCount;
  const result: RecomputeResult = { pairs: 0, edges: 0 };
  // Pipelined: batch n is written by PostgreSQL while Node scores batch n + 1.
  let writing: Promise<RebuiltBatch> | null = null;
  let rewritten = 0;
  const wrote = (batch: RebuiltBatch) => {
    result.edges += batch.written;
    rewritten += batch.rewritten;
  };
  for (let start = 0; start < total; start += batchSize) {
    if (options.signal?.aborted) {
      await writing?.catch(() => undefined);
      throw stoppedError();
    }
    const scored: ScoredPair[] = [];
    const stored: StoredPair[] = [];
    for (let slot = start; slot < Math.min(total, start + batchSize); slot += 1) {
      const x = a[slot] as number;
      const y = b[slot] as number;
      const from = people[x] as { id: string; org: string | null };
      const to = people[y] as { id: string; org: string | null };
      const aggregate = accumulator.stored(slot, dayMaps, sourceNames);
      const mutualConnections = mutual[slot] ?? 0;
      scored.push({
        a: from.id,
        b: to.id,
        aggregate: aggregate.aggregate,
        context: {
          mutualConnections,
          sharedOrganization: from.org !== null && from.org === to.org,
          override: overrides.get(pairKey(from.id, to.id)) ?? null,
        },
      });
      stored.push({ a: from.id, b: to.id, fingerprint: pairFingerprint(keyHashes[x] as string, keyHashes[y] as string), stored: aggregate, mutualConnections });
    }
    // Scoring is the expensive half in Node: do it before waiting for the previous batch's write.
    const columns = scoredPairColumns(scored, options.asOf);
    const storedColumns = storedPairColumns(stored);
    if (writing) wrote(await writing);
    writing = insertRebuiltColumns(sql, columns).then(async (batch) => {
      await appendStoredColumns(sql, storedColumns);
      return batch;
    });
    // A rejected write must not sit unobserved while the next batch is scored.
    writing.catch(() => undefined);
    result.pairs += scored.length;
    options.onProgress?.({ ...result, total });
  }
  if (writing) wrote(await writing);
  const writeMs = performance.now() - writeStarted;
  const swapStarted = performance.now();
  await indexStoredPairs();
  await finishRebuild(sql, rewritten);
  return { ...result, timings: { aggregateMs, mutualMs, writeMs, swapMs: performance.now() - swapStarted } };
}

/** Every interaction, packed (recompute-sql.ts's packedInteractionSql), fetched ahead of folding. */
async function streamInteractions(sql: SqlRunner, fetchSize: number, visit: (fields: string[]) => void, signal: AbortSignal | undefined): Promise<void> {
  await sql.exec(
    `DECLARE wig_interactions NO SCROLL CURSOR FOR SELECT ${packedInteractionSql("i")} AS r FROM "Interaction" i`,
  );
  const fetch = () => sql.query<{ r: string }>(`FETCH FORWARD ${fetchSize} FROM wig_interactions`);
  // The next batch is requested before this one is folded in.
  let pending = fetch();
  pending.catch(() => undefined);
  for (;;) {
    const rows = await pending;
    if (rows.length === 0) break;
    if (signal?.aborted) throw stoppedError();
    pending = fetch();
    pending.catch(() => undefined);
    for (const row of rows) visit(row.r.split("\x1f"));
  }
  await sql.exec(`CLOSE wig_interactions`);
}

/**
 * After a full recompute has committed: VACUUM (ANALYZE) the two tables it rebuilt. A new table has no
 * visibility map, so until autovacuum reaches it every index-only scan (the path snapshot's load, mutual
 * connections, the probes of the next import's recompute) visits the heap. Cannot run in a transaction.
 */
export async function settleRebuiltTables(client: Db | pg.ClientBase): Promise<void> {
  for (const table of ['"Edge"', '"PairAggregate"']) {
    if (isPrismaClient(client)) await client.$executeRawUnsafe(`VACUUM (ANALYZE) ${table}`);
    else await client.query(`VACUUM (ANALYZE) ${table}`);
  }
}
