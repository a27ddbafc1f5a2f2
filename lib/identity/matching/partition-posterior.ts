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

/** Calls visit with a restricted-growth labelling of 0..size−1 for every set partition. */
function forEachPartition(size: number, visit: (labels: Int8Array) => void): void {
  const labels = new Int8Array(size);
  const extend = (position: number, groups: number) => {
    if (position === size) {
      visit(labels);
      return;
    }
    for (let group = 0; group <= groups; group += 1) {
      labels[position] = group;
      extend(position + 1, Math.max(groups, group + 1));
    }
  };
  extend(0, 0);
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
    byGroup.set(root, [...(byGroup.get(root) ?? []), index]);
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
    // Two passes: the largest log-weight first, so the sums below never overflow.
    const weightOf = (labels: Int8Array): number => {
      let weight = 0;
      for (let i = 0; i < size; i += 1) for (let j = i + 1; j < size; j += 1) if (labels[i] === labels[j]) weight += (odds[i] as Float64Array)[j] ?? 0;
      return weight;
    };
    let best = -Infinity;
    forEachPartition(size, (labels) => {
      best = Math.max(best, weightOf(labels));
    });
    let total = 0;
    const together = indices.map(() => 0);
    forEachPartition(size, (labels) => {
      const weight = Math.exp(weightOf(labels) - best);
      total += weight;
      indices.forEach((index, at) => {
        const pair = pairs[index];
        if (pair && labels[position.get(pair.rootA) ?? 0] === labels[position.get(pair.rootB) ?? 0]) together[at] = (together[at] ?? 0) + weight;
      });
    });
    indices.forEach((index, at) => {
      result[index] = (together[at] ?? 0) / total;
    });
  }
  return result;
}
