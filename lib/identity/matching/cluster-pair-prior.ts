// The prior of a review candidate depends on the sizes of the two clusters it compares. Review pairs are
// what auto-merge left apart: two records of one person that shared an address, a profile or a phone
// and name are already one cluster. The more records a cluster holds, the more identifiers it shows,
// so the less likely it is that a person's other cluster shares none of them: two large clusters left
// apart are less often one person than two single records that share only a name. Scoring every pair
// with the record-level prior λ makes pairs of single records under-confident and pairs of large
// clusters over-confident (on the 100k benchmark, cluster pairs scored 0.25 were 44 % true between two
// single records and 2–17 % between clusters of 2–4).
//
// The size effect is estimated from the data, without labels: the λ step of EM (estimate-prior.ts) is
// run separately per size class (the two sizes, capped at SIZE_CLASSES), over the candidate pairs of
// that class against all cluster pairs of that class. Those estimates share the bias of counting only
// candidate pairs, so only their ratio to the single-record class is used, anchored at the record-level
// λ (a pair of two single records is a record pair). A class with too few candidates to estimate keeps λ.
import { estimatePriorOverPairs } from "./estimate-prior";

/** Cluster sizes 1, 2, 3 and "4 or more" form the classes. */
export const SIZE_CLASSES = 4;
/** Fewer candidate pairs than this in a class (or in the single-record class) and λ is kept. */
export const MIN_PAIRS_PER_CLASS = 100;

export interface SizedPair {
  rootA: number;
  rootB: number;
  /** Match weight without the prior, log2. */
  weight: number;
}

/**
 * λ per pair. `sizeOf(root)` is a cluster's record count; `clusterSizes` every cluster's size (singletons
 * included), for the number of possible pairs per class.
 */
export function clusterPairPriors(pairs: readonly SizedPair[], sizeOf: (root: number) => number, clusterSizes: Iterable<number>, recordLambda: number): number[] {
  const sizeClass = (size: number) => Math.min(SIZE_CLASSES, Math.max(1, size));
  const clustersPerClass = new Array<number>(SIZE_CLASSES + 1).fill(0);
  for (const size of clusterSizes) clustersPerClass[sizeClass(size)] = (clustersPerClass[sizeClass(size)] ?? 0) + 1;
  const classKey = (pair: SizedPair): number => {
    const x = sizeClass(sizeOf(pair.rootA));
    const y = sizeClass(sizeOf(pair.rootB));
    return Math.min(x, y) * (SIZE_CLASSES + 1) + Math.max(x, y);
  };
  const members = new Map<number, number[]>();
  pairs.forEach((pair, index) => {
    const key = classKey(pair);
    const list = members.get(key);
    if (list) list.push(index);
    else members.set(key, [index]);
  });
  const estimates = new Map<number, number>();
  for (const [key, indices] of members) {
    if (indices.length < MIN_PAIRS_PER_CLASS) continue;
    const small = Math.floor(key / (SIZE_CLASSES + 1));
    const large = key % (SIZE_CLASSES + 1);
    const countSmall = clustersPerClass[small] ?? 0;
    const countLarge = clustersPerClass[large] ?? 0;
    const allPairs = small === large ? (countSmall * (countSmall - 1)) / 2 : countSmall * countLarge;
    estimates.set(key, estimatePriorOverPairs(indices.map((index) => pairs[index]?.weight ?? 0), allPairs, { iterations: 100 }));
  }
  const singles = estimates.get(1 * (SIZE_CLASSES + 1) + 1);
  return pairs.map((pair) => {
    const estimate = estimates.get(classKey(pair));
    if (singles === undefined || estimate === undefined) return recordLambda;
    return Math.min(0.5, recordLambda * (estimate / singles));
  });
}
