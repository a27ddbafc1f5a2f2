// Recomputes the edges of the pairs a run touched, from all their interactions (not only the new ones), so
// the result is the same whether a history arrived in one file or in several. The work is lib/strength's
// set-based recompute (recompute.ts): one aggregation statement per batch of pairs, factors scored in
// TypeScript, both directed edges written by one statement.
import { recomputePairs, toPairs } from "../../strength/recompute";
import { recomputeAllEdgesWithin } from "../../strength/recompute-all";
import type { Tx } from "./types";

/** Below this many touched pairs an import always recomputes just its pairs. */
export const FULL_RECOMPUTE_MIN_PAIRS = 5_000;

export { DECAY_REFERENCE_DATE } from "../../strength/recompute";

/** Returns the number of directed edges written. `touchedPairs` holds "idA idB" keys. */
export async function recomputeEdges(tx: Tx, touchedPairs: Iterable<string>, asOf: Date): Promise<number> {
  // The run's own inserts are not in the planner's statistics yet (no ANALYZE inside a transaction), so it
  // would estimate a handful of rows and pick a sequential scan of Interaction for every batch.
  await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
  // The run's interactions sit in the GIN index's pending list, which every search scans linearly: merge it
  // once (in a subtransaction, so a role that may not do it just keeps the slower path).
  await tx.$executeRawUnsafe(
    `DO $$ BEGIN PERFORM gin_clean_pending_list('"Interaction_participants_idx"'::regclass); EXCEPTION WHEN OTHERS THEN NULL; END $$`,
  );
  try {
    const { edges } = await recomputePairs(tx, touchedPairs, asOf);
    return edges;
  } finally {
    await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = on");
  }
}

/**
 * An import's final recompute. When it touched at least as many pairs as the graph already had (a first
 * import, a big export into a small graph), reading each pair's history through the GIN index and upserting
 * its edges one statement per batch costs more than recomputing everything: the full path streams the
 * interactions once and writes a fresh Edge table (lib/strength/recompute-all.ts), in this transaction. The
 * graph's size comes from the planner's estimate (pg_class.reltuples, -1 before the first ANALYZE), which is
 * all this choice needs. Both paths give the same edges.
 */
export async function recomputeImportEdges(tx: Tx, touchedPairs: Iterable<string>, asOf: Date): Promise<number> {
  const pairs = toPairs(touchedPairs);
  if (pairs.length >= FULL_RECOMPUTE_MIN_PAIRS) {
    const [row] = await tx.$queryRawUnsafe<Array<{ edges: number }>>(
      `SELECT GREATEST(reltuples, 0)::float8 AS edges FROM pg_class WHERE oid = '"Edge"'::regclass`,
    );
    if (pairs.length * 2 >= Number(row?.edges ?? 0)) {
      const { edges } = await recomputeAllEdgesWithin(tx, { asOf });
      return edges;
    }
  }
  return recomputeEdges(tx, pairs.map(([a, b]) => `${a} ${b}`), asOf);
}
