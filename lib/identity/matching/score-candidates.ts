// The hot loop of resolution. Pass 1 compares every candidate pair from blocking once, keeping only its
// evidence weight in flat arrays (no object per pair); the prior is then estimated from those weights
// unless one was given. Pass 2 keeps the pairs that can still matter (auto and review links, plus "weak"
// links just below the review threshold, which may cross it once their clusters are compared as wholes)
// and re-compares just those to keep their comparison vectors for the explanation.
import type { NormalizedRecord } from "../normalize/normalize-record";
import { forEachCandidatePair, type BlockingOptions, type BlockingStats } from "./blocking";
import { compareRecords, createComparisonVector, type ComparisonVector } from "./compare-records";
import { estimatePrior } from "./estimate-prior";
import { GrowableFloat64, GrowableInt32 } from "./growable-array";
import { log2Odds, matchWeight, probabilityFromWeight, type CompiledModel } from "./match-weight";
import type { TermFrequencies } from "./term-frequencies";
import { classifyLink, type ResolutionThresholds } from "./thresholds";

export interface ScoredPair {
  a: number;
  b: number;
  probability: number;
  decision: "auto" | "review" | "weak";
  vector: ComparisonVector;
}

export interface ScoringResult {
  /** Model links, auto / review / weak. */
  pairs: ScoredPair[];
  /** Human "same person" pairs, scored for their explanation. */
  humanPairs: ScoredPair[];
  blocking: BlockingStats;
  /** The prior used (given or estimated) and its weight log2(λ/(1−λ)). */
  lambda: number;
  priorWeight: number;
}

/** Links below this probability cannot plausibly reach the review threshold on cluster evidence. */
export const WEAK_LINK_FLOOR = 0.02;

export function scoreCandidatePairs(input: {
  records: readonly NormalizedRecord[];
  tf: TermFrequencies;
  compiled: CompiledModel;
  /** Prior λ; estimated from the candidate pairs' weights when absent (estimate-prior.ts). */
  lambda?: number;
  thresholds: ResolutionThresholds;
  same: readonly (readonly [number, number])[];
  different: readonly (readonly [number, number])[];
  blocking?: BlockingOptions;
}): ScoringResult {
  const { records, tf, compiled, thresholds } = input;
  const count = records.length;
  const skip = new Set([...input.same, ...input.different].map(([a, b]) => a * count + b));
  const vector = createComparisonVector();
  // Pass 1: the evidence weight of every candidate pair (without the prior), kept in flat arrays.
  const left = new GrowableInt32();
  const right = new GrowableInt32();
  const weights = new GrowableFloat64();
  const blocking = forEachCandidatePair(records, (a, b) => {
    if (skip.has(a * count + b)) return;
    left.push(a);
    right.push(b);
    weights.push(matchWeight(compareRecords(records[a] as NormalizedRecord, records[b] as NormalizedRecord, tf, vector), compiled) - compiled.priorWeight);
  }, input.blocking);
  const lambda = input.lambda ?? estimatePrior(weights.view(), count);
  const priorWeight = log2Odds(lambda);

  // Pass 2: keep what can still matter, re-comparing only those pairs to keep their vectors.
  const floor = Math.min(WEAK_LINK_FLOOR, thresholds.review);
  const pairs: ScoredPair[] = [];
  for (let index = 0; index < weights.length; index += 1) {
    const probability = probabilityFromWeight(weights.at(index) + priorWeight);
    if (probability < floor) continue;
    const a = left.at(index);
    const b = right.at(index);
    const kept = compareRecords(records[a] as NormalizedRecord, records[b] as NormalizedRecord, tf, createComparisonVector());
    const decision = classifyLink(probability, kept, thresholds);
    pairs.push({ a, b, probability, decision: decision === "drop" ? "weak" : decision, vector: kept });
  }
  const humanPairs = input.same.map(([a, b]): ScoredPair => {
    const own = compareRecords(records[a] as NormalizedRecord, records[b] as NormalizedRecord, tf, createComparisonVector());
    return { a, b, probability: probabilityFromWeight(matchWeight(own, compiled) - compiled.priorWeight + priorWeight), decision: "auto", vector: own };
  });
  return { pairs, humanPairs, blocking, lambda, priorWeight };
}
