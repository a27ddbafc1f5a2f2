// Which recompute an import's final step should run: the per-pair path (recompute.ts: each touched pair's
// stored aggregate added to, or its history read in full) or the full path (recompute-all.ts: every
// interaction streamed once, every edge written into a fresh table). Both give the same edges, so this is
// only a cost estimate. The per-pair path costs per touched pair; the full path per interaction and per
// pair of the whole graph. The constants are this 2-core machine's measurements (README, "Recompute"):
// - per-pair path: 550–970 µs a touched pair (an mbox into a 30k-edge graph 650, the 2M-interaction
//   benchmark's 1.8M-edge table 970: every probe and update is into a bigger index there);
// - full path: 9–11 µs an interaction read and folded, and 110–160 µs a pair scored, written, indexed and
//   swapped in (a first LinkedIn import, an mbox after it, the 2M-interaction benchmark).
// The figures only need to be right within a factor of about two: where the two paths cost about the same,
// either choice is fine.

/** Microseconds per touched pair on the per-pair path. */
export const PER_PAIR_PATH_US_PER_PAIR = 650;
/** Microseconds per interaction on the full path (streamed once and folded). */
export const FULL_PATH_US_PER_INTERACTION = 10;
/** Microseconds per pair of the whole graph on the full path (scored, written, indexed, swapped in). */
export const FULL_PATH_US_PER_PAIR = 150;

export interface RecomputeCostInput {
  /** Pairs the run's interactions touch. */
  touchedPairs: number;
  /** Pairs the graph had before the run (directed Edge rows / 2; an estimate is fine). */
  existingPairs: number;
  /** Interactions in the table, the run's own included (an estimate is fine). */
  interactions: number;
}

export interface RecomputeCostEstimate {
  perPairMs: number;
  fullMs: number;
}

export function estimateRecomputeCost(input: RecomputeCostInput): RecomputeCostEstimate {
  const touched = Math.max(0, input.touchedPairs);
  // Some touched pairs already exist, so this counts the graph after the run from above: the full path is
  // never made to look cheaper than it is.
  const pairsAfter = Math.max(0, input.existingPairs) + touched;
  return {
    perPairMs: (touched * PER_PAIR_PATH_US_PER_PAIR) / 1000,
    fullMs: (Math.max(0, input.interactions) * FULL_PATH_US_PER_INTERACTION + pairsAfter * FULL_PATH_US_PER_PAIR) / 1000,
  };
}

/** True when rebuilding every edge is expected to be cheaper than recomputing the touched pairs. */
export function fullRecomputeIsCheaper(input: RecomputeCostInput): boolean {
  const { perPairMs, fullMs } = estimateRecomputeCost(input);
  return fullMs <= perPairMs;
}
