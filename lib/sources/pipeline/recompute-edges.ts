// Recomputes the edges of the pairs a run touched, from all their interactions (not only the new ones), so
// the result is the same whether a history arrived in one file or in several. The work is lib/strength's
// set-based recompute (recompute.ts): one aggregation statement per batch of pairs, factors scored in
// TypeScript, both directed edges written by one statement.
import { recomputePairs } from "../../strength/recompute";
import type { Tx } from "./types";

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
