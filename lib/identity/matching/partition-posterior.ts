// Pairwise probabilities of cluster pairs made consistent with "one person is one person". Pairwise
// scores can contradict each other: A~B 0.99 and B~Z 1.0 but A~Z 0.37 (the A–Z evidence alone is
// weaker), or X resembling two people Y and Z who are plainly different. The posterior of a pair is read
// off the posterior over every way of splitting the group of clusters into people (set partitions):
// with each pair's evidence taken as independent, a partition's odds are the product of the odds of
// the pairs it puts together, and P(i~j) is the share of partitions, by odds, that join i and j.
// For a cluster resembling two different people this is exactly o_Y / (1 + o_Y + o_Z), the rule of
// competing-candidates.ts; unlike that rule it lets strong pairs imply each other transitively.
// Connected groups up to MAX_EXACT_GROUP clusters are enumerated (Bell(9) = 21 147 partitions); larger
// groups (the common names) keep the competing-candidates rule.
import { adjustForCompetingCandidates, type ScoredClusterPair } from "./competing-candidates";
import { UnionFind } from "./union-find";

export const MAX_EXACT_GROUP = 9;

/** Probability assumed for two clusters of a group that no link connects (every record pair < 2%). */
export const UNLINKED_PAIR_PROBABILITY = 0.02;

const logOdds = (probability: number): number => {
  const bounded = Math.min(1 - 1e-12, Math.max(1e-12, probability));
  return Math.log(bounded / (1 - bounded));
};

/**
 * Calls visit with a restricted-growth labelling of 0..size−1 for every set partition, and the partition's
 * log-weight (the sum of `odds` over pairs it puts together), built up one element at a time.
 */
function forEachPartition(size: number, odds: readonly Float64Array[], visit: (labels: Int8Array, weight: number) => void): void {
  const labels = new Int8Array(size);
  const extend = (position: number, groups: number, weight: number) => {
    if (position === size) {
      visit(labels, weight);
      return;
    }
    const row = odds[position] as Float64Array;
    for (let group = 0; group <= groups; group += 1) {
      let added = 0;
      for (let earlier = 0; earlier < position; earlier += 1) if (labels[earlier] === group) added += row[earlier] ?? 0;
      labels[position] = group;
      extend(position + 1, Math.max(groups, group + 1), weight + added);
    }
  };
  extend(0, 0, 0);
}

export function partitionPosterior(pairs: readonly ScoredClusterPair[], recordCount: number): number[] {
  const fallback = adjustForCompetingCandidates(pairs, recordCount);
  // Groups are joined by pairs at least as probable as an unlinked pair: a weaker pair links nothing
  // (the model assumes as much without it), and chains of such pairs would make groups too large to
  // enumerate. Inside a group every scored pair counts, weak or not.
  const groups = new UnionFind(recordCount);
  for (const pair of pairs) if (pair.probability >= UNLINKED_PAIR_PROBABILITY) groups.union(pair.rootA, pair.rootB);
  const byGroup = new Map<number, number[]>();
  pairs.forEach((pair, index) => {
    const root = groups.find(pair.rootA);
    if (root !== groups.find(pair.rootB)) return; // between groups: the competing rule's value stands
    const group = byGroup.get(root);
    if (group) group.push(index);
    else byGroup.set(root, [index]);
  });
  const result = [...fallback];
  const unlinked = logOdds(UNLINKED_PAIR_PROBABILITY);
  for (const indices of byGroup.values()) {
    const members = [...new Set(indices.flatMap((index) => [pairs[index]?.rootA ?? 0, pairs[index]?.rootB ?? 0]))];
    const size = members.length;
    if (size > MAX_EXACT_GROUP) continue;
    const position = new Map(members.map((member, at) => [member, at]));
    const odds = Array.from({ length: size }, () => new Float64Array(size).fill(unlinked));
    for (const index of indices) {
      const pair = pairs[index];
      if (!pair) continue;
      const a = position.get(pair.rootA) ?? 0;
      const b = position.get(pair.rootB) ?? 0;
      const value = logOdds(pair.probability);
      (odds[a] as Float64Array)[b] = value;
      (odds[b] as Float64Array)[a] = value;
    }
    // One pass in log space: the sums are kept relative to the largest weight seen so far.
    let best = -Infinity;
    let total = 0;
    const together = new Float64Array(indices.length);
    const ends = indices.map((index) => [position.get(pairs[index]?.rootA ?? 0) ?? 0, position.get(pairs[index]?.rootB ?? 0) ?? 0] as const);
    forEachPartition(size, odds, (labels, logWeight) => {
      if (logWeight > best) {
        const scale = Math.exp(best - logWeight);
        total *= scale;
        for (let at = 0; at < together.length; at += 1) together[at] = (together[at] ?? 0) * scale;
        best = logWeight;
      }
      const weight = Math.exp(logWeight - best);
      total += weight;
      ends.forEach(([a, b], at) => {
        if (labels[a] === labels[b]) together[at] = (together[at] ?? 0) + weight;
      });
    });
    indices.forEach((index, at) => {
      result[index] = (together[at] ?? 0) / total;
    });
  }
  return result;
}
