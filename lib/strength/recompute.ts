// Recomputes Edge rows from interactions, set-based (the full recompute is recompute-all.ts):
// - recomputePairs(client, pairs, asOf): the pairs a merge, erasure or override touched, each read in full:
//   one statement per batch aggregates every interaction of every pair (found through the GIN index on
//   participants: pair-history.ts); the aggregates are stored (PairAggregate, pair-store.ts).
// - recomputeNewInteractions(client, { since, sourceName }, asOf): what an import created. Its interactions
//   are folded per pair in memory (new-interactions.ts) and added to each pair's stored aggregate; only pairs
//   without a usable stored aggregate are read in full. So the cost follows the new interactions, not the
//   pairs' histories.
// Either way mutual connections, organizations and overrides are read, factors are computed in TypeScript
// (score-edge.ts) and both directed edges are written by one statement per slice of pairs over unnest
// arrays, batches pipelined on the caller's connection (batch-pipeline.ts). Both paths and
// the full recompute apply the same model (recompute-sql.ts, weights.ts); recompute.integration.test.ts
// checks that they give identical edges. Callers audit (the import run, the override, the job).
import { recomputeInBatches, type BatchOptions, type BatchResult, type RecomputePhase } from "./batch-pipeline";
import { EDGE_WRITE_SETTINGS } from "./edge-writer";
import { readNewInteractions, type NewInteractionsSelection } from "./new-interactions";
import { pairKey } from "./pair-key";
import { forgetPairsAmong, lockStoredPairs } from "./pair-store";
import { BULK_WORK_MEM, sqlRunner, withLocalSettings, type SqlClient } from "../db/sql-runner";

export { DECAY_REFERENCE_DATE } from "./pair-aggregate";
export { writeScoredPairs, type ScoredPair } from "./edge-writer";
export { pairKey } from "./pair-key";
export { overridesFor } from "./pair-reads";
export type { RecomputePhase } from "./batch-pipeline";

/**
 * Pairs per statement in the incremental path, and per cursor fetch in the full one. 5,000 rather than 2,000:
 * the incremental step of `bench:strength` (20,620 pairs) took 3.5 s against 3.7–4.0 s, fewer statements of
 * a few MB each. The benchmarks run with this default, as imports and the nightly job do.
 */
export const DEFAULT_PAIR_BATCH = 5_000;

export interface RecomputeResult {
  /** Pairs that had interactions and were written. */
  pairs: number;
  /** Directed Edge rows written (two per pair). */
  edges: number;
}

/** Parses "a b" pair keys (the import pipeline's touchedPairs) or passes [a, b] tuples through. */
export function toPairs(pairs: Iterable<string | readonly [string, string]>): Array<readonly [string, string]> {
  const seen = new Set<string>();
  const out: Array<readonly [string, string]> = [];
  for (const pair of pairs) {
    const [x, y] = typeof pair === "string" ? (pair.split(" ") as [string, string]) : pair;
    if (!x || !y || x === y) continue;
    const key = pairKey(x, y);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(x < y ? [x, y] : [y, x]);
  }
  return out.sort((p, q) => (p[0] < q[0] ? -1 : p[0] > q[0] ? 1 : p[1] < q[1] ? -1 : p[1] > q[1] ? 1 : 0));
}

export interface RecomputePairsOptions extends BatchOptions {
  batchSize?: number;
}

/**
 * Recomputes the given pairs. Each is read from all of its interactions (so the result does not depend on how
 * the history arrived) unless `newInteractions` lets its stored aggregate be added to. Pairs without
 * interactions, or with a deleted person, are left as they are (their stored aggregate is dropped). Mutual
 * connections come from the Edge table plus the pairs themselves; other pairs' counts catch up at the next
 * full recompute.
 */
export async function recomputePairs(
  client: SqlClient,
  pairs: Iterable<string | readonly [string, string]>,
  asOf: Date,
  options: RecomputePairsOptions = {},
): Promise<BatchResult> {
  const sql = sqlRunner(client);
  // Each batch's statements sort and materialize a few MB of factor documents: in memory, not on disk. The
  // edge writes' planner settings hold for the whole step (not set and reset around each write: other
  // statements run between them, and every extra round trip is one the pipeline waits for); every statement
  // here finds its rows through an index anyway.
  return withLocalSettings(sql, { work_mem: BULK_WORK_MEM, ...EDGE_WRITE_SETTINGS }, async () => {
    const all = toPairs(pairs);
    if (options.newInteractions && all.length > 0) await lockStoredPairs(sql);
    return recomputeInBatches(sql, all, options.batchSize ?? DEFAULT_PAIR_BATCH, asOf, options);
  });
}

/**
 * Recomputes what interactions created at or after `selection.since` (of one source, or all) touched: each
 * pair they involve (the starters' pairs only in a group past MAX_FULL_PAIR_GROUP, whose other pairs' stored
 * aggregates are dropped) gets them added to its stored aggregate, or is read in full when it has none.
 */
export async function recomputeNewInteractions(
  client: SqlClient,
  selection: NewInteractionsSelection,
  asOf: Date,
  options: { batchSize?: number; onPhase?: (phase: RecomputePhase | "interactions.read", ms: number) => void } = {},
): Promise<BatchResult & { interactions: number }> {
  const sql = sqlRunner(client);
  const started = performance.now();
  const read = await readNewInteractions(sql, selection);
  options.onPhase?.("interactions.read", performance.now() - started);
  await forgetPairsAmong(sql, read.largeGroupPeople);
  const result = await recomputePairs(client, read.pairs, asOf, { ...options, newInteractions: { since: selection.since, deltas: read.deltas } });
  return { ...result, interactions: read.interactions };
}

