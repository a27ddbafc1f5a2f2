// Review candidates are pairs of clusters, not pairs of records: once auto-merges are applied the
// reviewer compares two people. Every link that did not merge (uncertain links, weak links just below the
// review threshold, links from conflicting clusters) is mapped to the pair of clusters it connects; per
// cluster pair the strongest record link is kept as the representative, and the pair is then re-scored on
// the merged clusters (see merge-normalized-records.ts). Pairs a human marked "different" are left out.

export interface ClusterLink {
  a: number;
  b: number;
  probability: number;
}

export interface ClusterPair<L extends ClusterLink> {
  rootA: number;
  rootB: number;
  /** The most probable record-level link between the two clusters. */
  link: L;
  /** True when an auto link between them was held back because its cluster was inconsistent. */
  conflict: boolean;
}

export const clusterPairKey = (a: number, b: number, count: number): number => (a < b ? a * count + b : b * count + a);

export function collectClusterPairs<L extends ClusterLink>(input: {
  recordCount: number;
  links: readonly L[];
  conflicts: readonly L[];
  clusterOf: (index: number) => number;
  /** Human "different people" pairs, by record index. */
  different: readonly (readonly [number, number])[];
}): ClusterPair<L>[] {
  const { recordCount, clusterOf } = input;
  const forbidden = new Set(input.different.map(([a, b]) => clusterPairKey(clusterOf(a), clusterOf(b), recordCount)));
  const pairs = new Map<number, ClusterPair<L>>();
  const add = (link: L, conflict: boolean) => {
    const rootA = clusterOf(link.a);
    const rootB = clusterOf(link.b);
    if (rootA === rootB) return;
    const key = clusterPairKey(rootA, rootB, recordCount);
    if (forbidden.has(key)) return;
    const kept = pairs.get(key);
    if (!kept) pairs.set(key, { rootA: Math.min(rootA, rootB), rootB: Math.max(rootA, rootB), link, conflict });
    else {
      if (link.probability > kept.link.probability) kept.link = link;
      kept.conflict ||= conflict;
    }
  };
  for (const link of input.conflicts) add(link, true);
  for (const link of input.links) add(link, false);
  return [...pairs.values()];
}
