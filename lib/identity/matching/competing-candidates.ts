// Pairwise match probabilities ignore that a person is only one person. If cluster X resembles both Y
// and Z, and Y and Z are different people, X can be at most one of them: P(X~Y) + P(X~Z) ≤ 1. Under that
// exclusive model, with the evidence for each partner independent, P(X~Y) = o_Y / (1 + Σ o), the odds o
// summed over X's competing partners. Partners that are themselves probably one person (their own pair
// scores ≥ 0.5) do not compete. Each pair takes the smaller of the values seen from either side. Without
// competitors the probability is unchanged.

export interface ScoredClusterPair {
  rootA: number;
  rootB: number;
  probability: number;
}

const odds = (probability: number): number => {
  const bounded = Math.min(probability, 1 - 1e-12);
  return bounded / (1 - bounded);
};

export function adjustForCompetingCandidates(pairs: readonly ScoredClusterPair[], recordCount: number): number[] {
  const key = (a: number, b: number) => (a < b ? a * recordCount + b : b * recordCount + a);
  const probabilityOf = new Map(pairs.map((pair) => [key(pair.rootA, pair.rootB), pair.probability]));
  const partners = new Map<number, Array<{ partner: number; odds: number }>>();
  for (const pair of pairs) {
    const entry = { odds: odds(pair.probability) };
    partners.set(pair.rootA, [...(partners.get(pair.rootA) ?? []), { partner: pair.rootB, ...entry }]);
    partners.set(pair.rootB, [...(partners.get(pair.rootB) ?? []), { partner: pair.rootA, ...entry }]);
  }
  const fromSide = (side: number, other: number, own: number): number => {
    let competing = 0;
    for (const { partner, odds: partnerOdds } of partners.get(side) ?? []) {
      if (partner === other) continue;
      if ((probabilityOf.get(key(partner, other)) ?? 0) >= 0.5) continue; // probably the same person as `other`
      competing += partnerOdds;
    }
    return own / (1 + own + competing);
  };
  return pairs.map((pair) => {
    const own = odds(pair.probability);
    return Math.min(fromSide(pair.rootA, pair.rootB, own), fromSide(pair.rootB, pair.rootA, own));
  });
}
