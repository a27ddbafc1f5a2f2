// Which scored pairs merge on their own, which wait for a person, and which are dropped. Probability alone
// never auto-merges: a pair must also share a strong identifier (an address, a LinkedIn profile, or a
// phone together with the name), because the cost of a wrong merge (two people's relationships fused)
// is far higher than the cost of a review. Both thresholds are configurable; the defaults were chosen on
// the benchmark population (see lib/identity/README.md for the measured precision/recall trade-off).
import { COMPARISON_INDEX as C, LEVEL_INDEX as L } from "./comparison-levels";
import type { ComparisonVector } from "./compare-records";

export interface ResolutionThresholds {
  /** Minimum probability for an automatic merge (which also needs a strong identifier). */
  autoMerge: number;
  /** Minimum probability for a review candidate; below it a pair is dropped. */
  review: number;
}

/**
 * autoMerge 0.99: with the strong-identifier rule, no wrong auto-merge on the 10k and 100k benchmarks
 * (pairs that share an identifier score far above it, so the value is not delicate).
 * review 0.49: for calibrated probabilities the threshold that maximizes F1 is half the F1 reached
 * (Lipton, Elkan & Naryanaswamy 2014), and "auto + every candidate approved" reaches 0.97–0.985 on the
 * benchmark. It was 0.3 while lone cluster pairs were about 2.5 bits under-confident (a low threshold
 * partly stood in for their missing prior, isolated-pair-prior.ts); with that prior 0.3 queues pairs
 * that are one person only a third of the time. Lower it to show reviewers more doubtful pairs (the
 * queue's recall ceiling rises, "approve all" precision falls).
 */
export const DEFAULT_THRESHOLDS: ResolutionThresholds = { autoMerge: 0.99, review: 0.49 };

export type StrongIdentifier = "email" | "linkedin" | "phone+name";
export type LinkDecision = "auto" | "review" | "drop";

// Name levels that, with a shared phone, identify a person (a switchboard number shared by colleagues
// comes with different names; a family landline with different given names).
const NAME_LEVELS_FOR_PHONE: ReadonlySet<number> = new Set([L.name.exact, L.name.nickname, L.name.jw95, L.name.swapped]);

export function strongIdentifier(vector: ComparisonVector): StrongIdentifier | null {
  // Two different LinkedIn profiles contradict every other identifier.
  if (vector.levels[C.linkedin] === L.linkedin.different) return null;
  if (vector.levels[C.linkedin] === L.linkedin.exact) return "linkedin";
  if (vector.levels[C.email] === L.email.exact) return "email";
  if (vector.levels[C.phone] === L.phone.exact && NAME_LEVELS_FOR_PHONE.has(vector.levels[C.name] ?? -1)) return "phone+name";
  return null;
}

export function classifyLink(probability: number, vector: ComparisonVector, thresholds: ResolutionThresholds): LinkDecision {
  if (probability >= thresholds.autoMerge && strongIdentifier(vector) !== null) return "auto";
  return probability >= thresholds.review ? "review" : "drop";
}
