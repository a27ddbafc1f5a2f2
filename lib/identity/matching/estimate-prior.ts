// Estimates λ, the prior match probability, from the data: the fixed point of
//   λ = Σ_pairs P(match | weight, λ) / (N choose 2),
// i.e. the λ step of EM with m and u held fixed. Pairs that blocking never proposed count as certain
// non-matches. It matters because λ shifts every probability: a CRM fed by one source has far fewer
// duplicates per record than one fed by six, and a wrong prior moves pairs across the thresholds.

/**
 * @param weights match weights of the candidate pairs *without* the prior (Σ log2(m/u)).
 * @param recordCount N, for the number of all pairs.
 */
export function estimatePrior(weights: ArrayLike<number>, recordCount: number, options: { iterations?: number; initial?: number } = {}): number {
  const allPairs = (recordCount * (recordCount - 1)) / 2;
  if (allPairs <= 0 || weights.length === 0) return Math.min(0.5, 1 / Math.max(1, recordCount));
  return estimatePriorOverPairs(weights, allPairs, { ...options, initial: options.initial ?? 1 / recordCount });
}

/** The same fixed point when the candidates are drawn from `allPairs` pairs of anything (clusters, say). */
export function estimatePriorOverPairs(weights: ArrayLike<number>, allPairs: number, options: { iterations?: number; initial?: number } = {}): number {
  if (allPairs <= 0 || weights.length === 0) return Math.min(0.5, 1 / Math.max(1, allPairs));
  let lambda = options.initial ?? 1 / Math.sqrt(allPairs);
  for (let iteration = 0; iteration < (options.iterations ?? 25); iteration += 1) {
    const prior = Math.log2(lambda / (1 - lambda));
    let expected = 0;
    for (let index = 0; index < weights.length; index += 1) expected += 1 / (1 + 2 ** -((weights[index] ?? 0) + prior));
    const next = Math.min(0.5, Math.max(1e-12, expected / allPairs));
    if (Math.abs(next - lambda) <= lambda * 1e-4) return next;
    lambda = next;
  }
  return lambda;
}
