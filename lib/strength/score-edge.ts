// One pair's strength and its explanation: measure the factors, weight them, add a member's override,
// combine (combine.ts explains the formula) and validate the result against ZStrengthFactors, so nothing
// malformed is ever written to Edge.strengthFactors.
import { applyOverride, combineLatent } from "./combine";
import { FACTOR_ORDER, OVERRIDE_LABELS, measureFactors, normalizeFactors, rawFactors, round } from "./factors";
import type { PairSummary } from "./pair-summary";
import { ZStrengthFactors, type TStrengthFactor, type TStrengthFactors } from "./strength-factors.schema";
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

export function scoreEdge(summary: PairSummary, options: ScoreEdgeOptions): TStrengthFactors {
  const measured = measureFactors(summary, options.asOf);
  let evidenceLatent = 0;
  const factors: TStrengthFactor[] = measured.map((factor) => {
    const weight = FACTOR_WEIGHTS[factor.key];
    const contribution = weight * factor.normalized;
    evidenceLatent += contribution;
    return {
      key: factor.key,
      label: factor.label,
      raw: typeof factor.raw === "number" ? round(factor.raw, 4) : factor.raw,
      normalized: round(factor.normalized, 4),
      weight,
      contribution: round(contribution, 4),
      evidence: factor.evidence,
    };
  });

  const override = summary.override ?? null;
  const { latent, shift } = applyOverride(evidenceLatent, override);
  if (override !== null) {
    factors.push({
      key: "override",
      label: OVERRIDE_LABELS[override],
      raw: override,
      normalized: 1,
      weight: round(shift, 4),
      contribution: round(shift, 4),
      evidence: {
        counts: override === "knows_well" ? { boost: OVERRIDE.knowsWellBoost } : { keepShare: OVERRIDE.barelyKnowsKeep },
        dates: {},
        sources: ["manual"],
      },
    });
  }

  const result: TStrengthFactors = {
    version: STRENGTH_VERSION,
    score: round(combineLatent(latent), 6),
    computedAt: options.asOf.toISOString(),
    halfLifeDays: summary.decayed.halfLifeDays,
    factors,
    override,
  };
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
