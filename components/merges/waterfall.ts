// The geometry of the match-weight waterfall (Splink style), pure so it can be unit-tested: the prior is
// the first bar (from 0), each comparison is a bar from the running total to the new total, and the final
// bar spans 0 to the match weight. The axis always includes 0 and is padded to whole units.
import type { ExplanationView } from "./types";

export type WaterfallBarKind = "prior" | "comparison" | "final";

export interface WaterfallBar {
  kind: WaterfallBarKind;
  label: string;
  description: string;
  detail: string | null;
  /** This bar's contribution (for prior and final: the value itself). */
  weight: number;
  /** Running total before and after the bar. */
  from: number;
  to: number;
  tone: "positive" | "negative" | "neutral";
}

export interface Waterfall {
  bars: WaterfallBar[];
  min: number;
  max: number;
  probability: number;
}

/** Below this magnitude a weight is shown as "no evidence" (grey), e.g. a comparison that was not made. */
const NEUTRAL_EPSILON = 1e-9;

const toneOf = (weight: number): WaterfallBar["tone"] => (weight > NEUTRAL_EPSILON ? "positive" : weight < -NEUTRAL_EPSILON ? "negative" : "neutral");

export function buildWaterfall(explanation: ExplanationView): Waterfall {
  const bars: WaterfallBar[] = [];
  const prior = finite(explanation.priorWeight);
  bars.push({ kind: "prior", label: "Prior", description: "How likely any two records are to match, before comparing them", detail: null, weight: prior, from: 0, to: prior, tone: toneOf(prior) });
  let total = prior;
  for (const step of explanation.steps) {
    const weight = finite(step.weight);
    bars.push({ kind: "comparison", label: step.label, description: step.description, detail: step.detail, weight, from: total, to: total + weight, tone: toneOf(weight) });
    total += weight;
  }
  // The stored match weight is authoritative; it equals the sum unless the model rounded or clipped.
  const final = Number.isFinite(explanation.matchWeight) ? explanation.matchWeight : total;
  bars.push({ kind: "final", label: "Match weight", description: "Prior plus every comparison", detail: null, weight: final, from: 0, to: final, tone: toneOf(final) });
  const values = bars.flatMap((bar) => [bar.from, bar.to]);
  const min = Math.floor(Math.min(0, ...values));
  const max = Math.ceil(Math.max(0, ...values));
  return { bars, min: min === max ? min - 1 : min, max, probability: explanation.probability };
}

function finite(value: number): number {
  return Number.isFinite(value) ? value : 0;
}

/** "+3.20", "−1.05", "0.00": signed, with a real minus sign. */
export function formatWeight(weight: number): string {
  const rounded = Math.abs(weight) < 0.005 ? 0 : weight;
  const text = Math.abs(rounded).toFixed(2);
  return rounded > 0 ? `+${text}` : rounded < 0 ? `\u2212${text}` : text;
}

// Shared with merge history and the explanations stored with merges (lib/identity/format-probability.ts).
export { formatProbability } from "@/lib/identity/format-probability";

/** 1 at p = 0.5, 0 at p = 0 or 1: the order of the review queue (most uncertain first). */
export function uncertainty(probability: number): number {
  return 1 - Math.abs(2 * probability - 1);
}
