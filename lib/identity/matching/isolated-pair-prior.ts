// The prior of a cluster pair that stands alone: two clusters that resemble each other and nobody else
// (no third cluster scores ≥ UNLINKED_PAIR_PROBABILITY against either). A pairwise prior λ treats "A and
// B are two people" as costing nothing, but for two people each to be one lone cluster, *both* must be
// people with no other cluster anywhere: had either person a second cluster, it would usually show the same
// name and be a candidate too, and the pair would not be alone. One person with exactly two clusters explains
// a lone pair on its own.
//
// Counting set partitions of K clusters into people (n_k people with k clusters), the prior odds that two
// given clusters form one person of two clusters, against both being people of one cluster, are
// (n_2 / C(K, 2)) / (n_1 / K)² ≈ 2 n_2 / n_1². The pairwise prior is the average rate over all pairs,
// Σ_k C(k, 2) n_k / C(K, 2). Their ratio, (K / n_1)² · n_2 / Σ_k C(k, 2) n_k, is how much the pairwise
// prior understates a lone pair. (Pairs in larger groups are left to the partition posterior, whose
// competitors already stand in for the other clusters.)
//
// Measured on the labelled 10k population, on the clusters auto-merge leaves (n_k by person): seeds 1–5
// give 1.63 / 1.66 / 1.60 / 1.51 / 1.57 bits (100k seed 1: 1.61), so ISOLATED_PAIR_BITS = 1.6. About
// 45 % of the clusters are a person's only one (n_1 / K ≈ 0.45), which alone is 2.3 bits; people with
// three or more clusters add to the average rate and take 0.7 of it back. (Against the labels, lone
// pairs at 100k were 2.5 bits under-confident before, uniformly across cluster sizes and comparison
// patterns, as a prior error should be; the rest is the general ≈ 0.6–0.9 bit under-confidence that
// pairs in groups of 3–9 show at 100k too.)
import type { ScoredClusterPair } from "./competing-candidates";
import { UNLINKED_PAIR_PROBABILITY } from "./partition-posterior";
import { UnionFind } from "./union-find";

/** log2 of the factor by which a lone pair's prior odds exceed the pairwise prior (see above). */
export const ISOLATED_PAIR_BITS = 1.6;

/**
 * The pairs with their probability raised by `bits` of prior odds where the pair is alone: its two
 * clusters form a group of two, groups joined by pairs ≥ UNLINKED_PAIR_PROBABILITY as in
 * partition-posterior.ts. Other pairs are returned unchanged (the same objects).
 */
export function raiseIsolatedPairs<P extends ScoredClusterPair>(pairs: readonly P[], recordCount: number, bits = ISOLATED_PAIR_BITS): P[] {
  const groups = new UnionFind(recordCount);
  for (const pair of pairs) if (pair.probability >= UNLINKED_PAIR_PROBABILITY) groups.union(pair.rootA, pair.rootB);
  const clusters = new Set<number>();
  for (const pair of pairs) {
    clusters.add(pair.rootA);
    clusters.add(pair.rootB);
  }
  const groupSize = new Map<number, number>();
  for (const cluster of clusters) {
    const group = groups.find(cluster);
    groupSize.set(group, (groupSize.get(group) ?? 0) + 1);
  }
  const factor = 2 ** bits;
  return pairs.map((pair) => {
    const group = groups.find(pair.rootA);
    if (group !== groups.find(pair.rootB) || groupSize.get(group) !== 2) return pair;
    const odds = (pair.probability / (1 - pair.probability)) * factor;
    return { ...pair, probability: Number.isFinite(odds) ? odds / (1 + odds) : 1 };
  });
}
