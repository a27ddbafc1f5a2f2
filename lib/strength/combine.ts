// How factors become one number. Why 1 − exp(−Σ weight × normalized) rather than a logistic:
// - no evidence gives exactly 0 (a logistic gives every stranger σ(bias) > 0, which would make
//   strangers a path hop);
// - it reads as a noisy-OR of independent evidence: each factor closes part of the remaining gap to 1,
//   so adding evidence never lowers the score and returns diminish smoothly (monotone, bounded);
// - contributions add up in the latent sum, so the breakdown shown to people is exact: the score is
//   1 − exp(−Σ contribution), not an opaque curve around it.
import { OVERRIDE } from "./weights";
import type { StrengthOverride } from "./pair-summary";

/** The score for a latent evidence sum; monotone, 0 at 0, approaching 1. */
export function combineLatent(latent: number): number {
  return 1 - Math.exp(-Math.max(0, latent));
}

/**
 * The latent sum after a member's override, and the shift it caused (its factor's contribution).
 * Both rules are monotone in the evidence, so the property "more evidence never lowers the score"
 * holds with an override too.
 */
export function applyOverride(evidenceLatent: number, override: StrengthOverride | null | undefined): { latent: number; shift: number } {
  if (override === "knows_well") return { latent: evidenceLatent + OVERRIDE.knowsWellBoost, shift: OVERRIDE.knowsWellBoost };
  if (override === "barely_knows") {
    const latent = evidenceLatent * OVERRIDE.barelyKnowsKeep;
    return { latent, shift: latent - evidenceLatent };
  }
  return { latent: evidenceLatent, shift: 0 };
}
