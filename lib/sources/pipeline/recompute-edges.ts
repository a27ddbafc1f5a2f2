// Recomputes edges for the pipeline (imports) and for merges and erasure (recomputeEdges). The result is the
// same whether a history arrived in one file or in several: a pair is either read from all its interactions
// or its stored aggregate of all earlier ones gets the new ones added. The work is lib/strength's set-based
// recompute (recompute.ts): aggregates per batch of pairs, factors scored in TypeScript, both directed edges
// written by one statement.
import { estimateTouchedPairs, readNewInteractions, type NewInteractionDeltas, type NewInteractionsSelection } from "../../strength/new-interactions";
import { forgetPairsAmong } from "../../strength/pair-store";
import { recomputePairs } from "../../strength/recompute";
import { recomputeAllEdgesWithin } from "../../strength/recompute-all";
import { fullRecomputeIsCheaper } from "../../strength/recompute-cost";
import { sqlRunner, type SqlClient } from "../../db/sql-runner";
import { bulkClientOf } from "./bulk-sql";
import { addPhaseTime, timed } from "./phase-timings";
import type { Tx } from "./types";

/** Below this many touched pairs an import always recomputes just its pairs. */
export const FULL_RECOMPUTE_MIN_PAIRS = 5_000;

export { DECAY_REFERENCE_DATE } from "../../strength/recompute";

/** Returns the number of directed edges written. `touchedPairs` holds "idA idB" keys; each is read in full. */
export async function recomputeEdges(tx: Tx, touchedPairs: Iterable<string>, asOf: Date): Promise<number> {
  const sqlClient = await bulkClientOf(tx);
  return withIndexProbes(tx, async () => {
    const { edges } = await recomputePairs(sqlClient, touchedPairs, asOf);
    return edges;
  });
}

/** Runs a per-pair recompute with the planner steered to the index probes it needs. */
async function withIndexProbes<T>(tx: Tx, work: () => Promise<T>): Promise<T> {
  // The run's own inserts are not in the planner's statistics yet (no ANALYZE inside a transaction), so it
  // would estimate a handful of rows and pick a sequential scan of Interaction for every batch.
  await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
  // The run's interactions sit in the GIN index's pending list, which every search scans linearly: merge it
  // once (in a subtransaction, so a role that may not do it just keeps the slower path).
  await tx.$executeRawUnsafe(
    `DO $$ BEGIN PERFORM gin_clean_pending_list('"Interaction_participants_idx"'::regclass); EXCEPTION WHEN OTHERS THEN NULL; END $$`,
  );
  try {
    return await work();
  } finally {
    await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = on");
  }
}

/** What an import's final recompute did. */
export interface ImportRecompute {
  /** Directed edges written. */
  edges: number;
  /** "pairs": the touched pairs alone (recomputePairs); "full": every edge rebuilt (recompute-all.ts). */
  path: "pairs" | "full";
  /** Pairs whose stored aggregate had the run's interactions added (the rest were read in full). */
  addedTo: number;
}

/**
 * An import's final recompute, of everything the run created (its source's interactions created at or after
 * `since`, the run's start: every attempt's rows, so a resumed run recomputes what an uninterrupted one
 * would; every source's without `sourceName`, as bench:strength times it). The interactions are read once
 * and folded per pair (lib/strength/new-interactions.ts); each pair they touch gets them added to its stored
 * aggregate, or is read in full when it has none (a new pair, a person whose keys changed). The full path
 * (lib/strength/recompute-all.ts: every interaction streamed once, a fresh Edge table written in this
 * transaction) is taken instead when it is expected to be cheaper (lib/strength/recompute-cost.ts: touched
 * pairs against the graph's interactions and pairs). The touched pairs are first counted by participant key
 * in SQL, and only when that does not already choose the full path are the interactions folded and the
 * choice made again on the exact count; a run into a near-empty graph (runStartsTheGraph) goes to the full
 * path before either. The table sizes come from the planner's estimates (pg_class.reltuples, -1 before the
 * first ANALYZE), which is all this choice needs. Every path gives the same edges.
 */
export async function recomputeImportEdges(tx: Tx, selection: NewInteractionsSelection, asOf: Date): Promise<ImportRecompute> {
  const sqlClient = await bulkClientOf(tx);
  const sql = sqlRunner(sqlClient);
  const full = async (): Promise<ImportRecompute> => ({ edges: await fullRecompute(sqlClient, asOf), path: "full", addedTo: 0 });
  if (await timed("final.pairs", () => runStartsTheGraph(tx, selection))) return timed("final.recompute", full);
  // First by participant keys (one statement): when that already says the full path, the fold is skipped.
  const sizes = await timed("final.pairs", () => graphSizes(tx));
  const estimate = await timed("final.pairs", () => estimateTouchedPairs(sql, selection));
  if (prefersFullPath(estimate.pairs, estimate.interactions, sizes)) return timed("final.recompute", full);
  let read: NewInteractionDeltas | null = await timed("final.pairs", () => readNewInteractions(sql, selection));
  return timed("final.recompute", async () => {
    if (read && prefersFullPath(read.pairs.length, read.interactions, sizes)) {
      // The deltas are not needed: let them go before the full path builds its own aggregation.
      read = null;
      return full();
    }
    const none: ImportRecompute = { edges: 0, path: "pairs", addedTo: 0 };
    if (!read) return none;
    await forgetPairsAmong(sql, read.largeGroupPeople);
    return withIndexProbes(tx, async () => {
      if (!read) return none;
      const { edges, addedTo } = await recomputePairs(sqlClient, read.pairs, asOf, {
        newInteractions: { since: selection.since, deltas: read.deltas },
        onPhase: (phase, ms) => addPhaseTime(`recompute.${phase}`, ms),
      });
      return { edges, path: "pairs", addedTo };
    });
  });
}

interface GraphSizes {
  edges: number;
  interactions: number;
}

/** The planner's row estimates of Edge and Interaction (0 before the first ANALYZE). */
async function graphSizes(tx: Tx): Promise<GraphSizes> {
  const [row] = await tx.$queryRawUnsafe<Array<{ edges: number; interactions: number }>>(
    `SELECT GREATEST((SELECT reltuples FROM pg_class WHERE oid = '"Edge"'::regclass), 0)::float8 AS edges,
            GREATEST((SELECT reltuples FROM pg_class WHERE oid = '"Interaction"'::regclass), 0)::float8 AS interactions`,
  );
  return { edges: Number(row?.edges ?? 0), interactions: Number(row?.interactions ?? 0) };
}

/** Whether a run touching `touchedPairs` with its `runInteractions` should rebuild every edge (recompute-cost.ts). */
function prefersFullPath(touchedPairs: number, runInteractions: number, sizes: GraphSizes): boolean {
  if (touchedPairs < FULL_RECOMPUTE_MIN_PAIRS) return false;
  return fullRecomputeIsCheaper({
    touchedPairs,
    existingPairs: sizes.edges / 2,
    // The estimate may predate the run's own rows: count them on top, which only ever favours the per-pair path.
    interactions: sizes.interactions + runInteractions,
  });
}

/** The full path (recompute-all.ts) inside the import's transaction; its steps go to the phase timings. */
async function fullRecompute(sqlClient: SqlClient, asOf: Date): Promise<number> {
  const { edges, timings } = await recomputeAllEdgesWithin(sqlClient, { asOf });
  addPhaseTime("recompute.full.aggregate", timings.aggregateMs);
  addPhaseTime("recompute.full.mutual", timings.mutualMs);
  addPhaseTime("recompute.full.write", timings.writeMs);
  addPhaseTime("recompute.full.swap", timings.swapMs);
  return edges;
}

/**
 * Whether to take the full path without folding the run first (a first LinkedIn import saves 1.5 s): the
 * graph has fewer than FULL_RECOMPUTE_MIN_PAIRS edges and the run created at least that many interactions,
 * more than every earlier one together. The pairs rule would then pick the full path whenever the run
 * touches that many pairs, and otherwise the full path still reads little beyond the run's own rows. Each
 * count is bounded by that constant or the run's size.
 */
async function runStartsTheGraph(tx: Tx, selection: NewInteractionsSelection): Promise<boolean> {
  const [edges] = await tx.$queryRawUnsafe<Array<{ n: number }>>(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM "Edge" LIMIT $1) x`,
    FULL_RECOMPUTE_MIN_PAIRS,
  );
  if ((edges?.n ?? 0) >= FULL_RECOMPUTE_MIN_PAIRS) return false;
  const [created] = await tx.$queryRawUnsafe<Array<{ n: number }>>(
    `SELECT count(*)::int AS n FROM "Interaction" WHERE "createdAt" >= $1::timestamp AND ($2::text IS NULL OR "sourceName" = $2)`,
    selection.since.toISOString(),
    selection.sourceName ?? null,
  );
  const run = created?.n ?? 0;
  if (run < FULL_RECOMPUTE_MIN_PAIRS) return false;
  const [earlier] = await tx.$queryRawUnsafe<Array<{ n: number }>>(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM "Interaction" WHERE "createdAt" < $1::timestamp LIMIT $2) x`,
    selection.since.toISOString(),
    run,
  );
  return (earlier?.n ?? 0) < run;
}
