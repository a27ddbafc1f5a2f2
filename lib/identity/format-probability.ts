// How a match probability is shown to people, everywhere: the review queue, the waterfall, merge history,
// the explanation stored with a merge, a proposal's result. Pure, so lib and components share it.

/** 0.9734 -> "97.3%"; keeps precision near the ends (0.99996 -> "99.996%") where it matters for review. */
export function formatProbability(probability: number): string {
  const percent = probability * 100;
  // Near the ends three decimals say more than one, but must not round to a certainty the model never gives.
  const fine = (value: number) => value.toFixed(3).replace(/0+$/, "").replace(/\.$/, "");
  if (percent >= 99.9 && percent < 100) return percent >= 99.9995 ? ">99.999%" : `${fine(percent)}%`;
  if (percent > 0 && percent <= 0.1) return percent < 0.0005 ? "<0.001%" : `${fine(percent)}%`;
  return `${percent.toFixed(1)}%`;
}
