// Expectation–maximization for the Fellegi–Sunter m and u probabilities from unlabelled pairs (Winkler
// 1988; what Splink's `estimate_parameters_using_expectation_maximisation` does). Each pair is a
// comparison vector; EM alternates between the match probability of every pair under the current
// parameters (E) and the level frequencies weighted by those probabilities (M). Term-frequency
// adjustments are not part of it: it estimates the average m and u of each level.
//
// Two cautions, as in Splink. On blocked pairs the estimated u and λ describe *blocked* pairs, which
// agree far more often than random ones, so keep `fixU` and take u from random pairs (or the defaults).
// And EM treats every level as unconditional, so the conditional levels (email "sameDomainOnly" and
// "otherEmployers", name "handle" and "handleDiffers"; see match-parameters.ts) should keep their defaults.
import { COMPARISON_LEVELS, COMPARISON_NAMES } from "./comparison-levels";
import type { MatchParameters } from "./match-parameters";
import { levelParameters } from "./match-weight";

export interface EstimateOptions {
  /** Maximum EM iterations. Default 50. */
  iterations?: number;
  /** Stop when no m, u or λ moves more than this. Default 1e-5. */
  tolerance?: number;
  /** Keep u at its initial values and estimate only m and λ. */
  fixU?: boolean;
}

export interface EstimateResult {
  parameters: MatchParameters;
  lambda: number;
  iterations: number;
  converged: boolean;
}

// Keeps every level possible: a level never seen among matches must not get m = 0 (an infinite weight).
const SMOOTHING = 1e-6;

function toParameters(m: readonly Float64Array[], u: readonly Float64Array[]): MatchParameters {
  const result: Record<string, Record<string, { m: number; u: number }>> = {};
  COMPARISON_NAMES.forEach((comparison, index) => {
    const levels: Record<string, { m: number; u: number }> = {};
    COMPARISON_LEVELS[comparison].forEach((level, levelIndex) => {
      levels[level] = { m: m[index]?.[levelIndex] ?? SMOOTHING, u: u[index]?.[levelIndex] ?? SMOOTHING };
    });
    result[comparison] = levels;
  });
  return result as MatchParameters;
}

/** Estimates m, u and λ from comparison-vector levels (one Int8Array per pair, −1 for null). */
export function estimateParameters(vectors: readonly Int8Array[], initial: MatchParameters, initialLambda: number, options: EstimateOptions = {}): EstimateResult {
  const m = COMPARISON_NAMES.map((name) => Float64Array.from(levelParameters(initial, name), (level) => level.m));
  const u = COMPARISON_NAMES.map((name) => Float64Array.from(levelParameters(initial, name), (level) => level.u));
  let lambda = initialLambda;
  const maxIterations = options.iterations ?? 50;
  const tolerance = options.tolerance ?? 1e-5;
  const probabilities = new Float64Array(vectors.length);

  for (let iteration = 1; iteration <= maxIterations; iteration += 1) {
    // E: P(match | vector) for every pair, in log space for stability.
    const prior = Math.log2(lambda / (1 - lambda));
    vectors.forEach((levels, pair) => {
      let weight = prior;
      for (let comparison = 0; comparison < levels.length; comparison += 1) {
        const level = levels[comparison] ?? -1;
        if (level >= 0) weight += Math.log2((m[comparison]?.[level] ?? SMOOTHING) / (u[comparison]?.[level] ?? SMOOTHING));
      }
      probabilities[pair] = 1 / (1 + 2 ** -weight);
    });
    // M: weighted level frequencies among non-null comparisons.
    let change = 0;
    let expectedMatches = 0;
    for (const p of probabilities) expectedMatches += p;
    const nextLambda = Math.min(1 - SMOOTHING, Math.max(SMOOTHING, expectedMatches / Math.max(1, vectors.length)));
    change = Math.max(change, Math.abs(nextLambda - lambda));
    lambda = nextLambda;
    COMPARISON_NAMES.forEach((_, comparison) => {
      const levelCount = m[comparison]?.length ?? 0;
      const matchCounts = new Float64Array(levelCount).fill(SMOOTHING);
      const nonMatchCounts = new Float64Array(levelCount).fill(SMOOTHING);
      vectors.forEach((levels, pair) => {
        const level = levels[comparison] ?? -1;
        if (level < 0) return;
        const p = probabilities[pair] ?? 0;
        matchCounts[level] = (matchCounts[level] ?? 0) + p;
        nonMatchCounts[level] = (nonMatchCounts[level] ?? 0) + 1 - p;
      });
      const normalize = (counts: Float64Array, into: Float64Array | undefined) => {
        if (!into) return;
        const total = counts.reduce((sum, count) => sum + count, 0);
        counts.forEach((count, level) => {
          const next = count / total;
          change = Math.max(change, Math.abs(next - (into[level] ?? 0)));
          into[level] = next;
        });
      };
      normalize(matchCounts, m[comparison]);
      if (!options.fixU) normalize(nonMatchCounts, u[comparison]);
    });
    if (change < tolerance) return { parameters: toParameters(m, u), lambda, iterations: iteration, converged: true };
  }
  return { parameters: toParameters(m, u), lambda, iterations: maxIterations, converged: false };
}
