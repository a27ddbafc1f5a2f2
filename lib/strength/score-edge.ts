// One pair's strength and its explanation: measure the factors, weight them, add a member's override,
// combine (combine.ts explains the formula). scoreStoredFactors builds the explanation in the layout it is
// stored in (stored-factors.ts: the pair's dates and sources once, no labels), which is what every edge
// writer needs; scoreEdge expands it into the full document readers see and validates it against
// ZStrengthFactors, so nothing malformed is ever shown or written.
import { applyOverride, combineLatent } from "./combine";
import { FACTOR_ORDER, measureFactors, normalizeFactors, rawFactors, round } from "./factors";
import type { PairSummary } from "./pair-summary";
import { expandStrengthFactors, type TStoredFactor, type TStoredStrengthFactors } from "./stored-factors";
import { ZStrengthFactors, type TStrengthFactors } from "./strength-factors.schema";
import { FACTOR_WEIGHTS, OVERRIDE, STRENGTH_VERSION } from "./weights";

export interface ScoreEdgeOptions {
  /** The instant recency is evaluated at; also recorded as computedAt. Never read from the clock here. */
  asOf: Date;
  /**
   * Validate the output with zod (default true). A batch job scoring millions of pairs may turn it off
   * after validating a sample: the output shape is fixed by this function, the check guards regressions.
   */
  validate?: boolean;
}

/** The explanation in its stored layout ("compact"): expandStrengthFactors gives scoreEdge's document. */
export function scoreStoredFactors(summary: PairSummary, asOf: Date): TStoredStrengthFactors {
  const { factors: measured, evidence } = measureFactors(summary, asOf);
  let evidenceLatent = 0;
  const factors: TStoredFactor[] = measured.map((factor) => {
    const weight = FACTOR_WEIGHTS[factor.key];
    const contribution = weight * factor.normalized;
    evidenceLatent += contribution;
    return {
      key: factor.key,
      raw: typeof factor.raw === "number" ? round(factor.raw, 4) : factor.raw,
      normalized: round(factor.normalized, 4),
      weight,
      contribution: round(contribution, 4),
      counts: factor.counts,
    };
  });

  const override = summary.override ?? null;
  const { latent, shift } = applyOverride(evidenceLatent, override);
  if (override !== null) {
    factors.push({
      key: "override",
      raw: override,
      normalized: 1,
      weight: round(shift, 4),
      contribution: round(shift, 4),
      counts: override === "knows_well" ? { boost: OVERRIDE.knowsWellBoost } : { keepShare: OVERRIDE.barelyKnowsKeep },
    });
  }

  return {
    version: STRENGTH_VERSION,
    encoding: "compact",
    score: round(combineLatent(latent), 6),
    computedAt: asOf.toISOString(),
    halfLifeDays: summary.decayed.halfLifeDays,
    override,
    firstSeenAt: evidence.firstSeenAt,
    lastSeenAt: evidence.lastSeenAt,
    sources: evidence.sources,
    factors,
  };
}

/** The full explanation (ZStrengthFactors): every factor with its label, weight, contribution and evidence. */
export function scoreEdge(summary: PairSummary, options: ScoreEdgeOptions): TStrengthFactors {
  const result = expandStrengthFactors(scoreStoredFactors(summary, options.asOf));
  return options.validate === false ? result : ZStrengthFactors.parse(result);
}

/**
 * Just the number, for callers that do not store the explanation (path benchmarks, what-if checks, a
 * batch that only needs the score): same formula as scoreEdge, without building evidence.
 */
export function strengthScore(summary: PairSummary, asOf: Date): number {
  const normalized = normalizeFactors(rawFactors(summary, asOf));
  let evidenceLatent = 0;
  for (const key of FACTOR_ORDER) evidenceLatent += FACTOR_WEIGHTS[key] * normalized[key];
  return round(combineLatent(applyOverride(evidenceLatent, summary.override).latent), 6);
}
