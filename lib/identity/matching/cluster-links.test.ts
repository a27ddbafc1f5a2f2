import { describe, expect, it } from "vitest";
import { clusterLinks, type PairLink } from "./cluster-links";
import { collectClusterPairs } from "./review-candidates";
import { UnionFind } from "./union-find";

const auto = (a: number, b: number): PairLink & { probability: number } => ({ a, b, decision: "auto", probability: 0.999 });
const review = (a: number, b: number, probability = 0.7): PairLink & { probability: number } => ({ a, b, decision: "review", probability });
const sorted = (groups: number[][]) => groups.map((group) => [...group].sort((x, y) => x - y)).sort((x, y) => (x[0] ?? 0) - (y[0] ?? 0));

describe("UnionFind", () => {
  it("joins sets transitively and lists groups", () => {
    const sets = new UnionFind(5);
    expect(sets.union(0, 1)).toBe(true);
    expect(sets.union(1, 2)).toBe(true);
    expect(sets.union(0, 2)).toBe(false);
    expect(sets.find(2)).toBe(sets.find(0));
    expect(sorted(sets.groups())).toEqual([[0, 1, 2]]);
    expect(sets.groups(1)).toHaveLength(3);
  });
});

describe("clusterLinks", () => {
  const slugs: Record<number, string> = { 0: "jane-doe", 3: "jane-doe-2" };
  const linkedinOf = (index: number) => slugs[index] ?? null;

  it("merges connected auto links and leaves review links out of clusters", () => {
    const result = clusterLinks({ recordCount: 5, links: [auto(0, 1), auto(1, 2), review(2, 4)], same: [], different: [], linkedinOf });
    expect(sorted(result.clusters)).toEqual([[0, 1, 2]]);
    expect(result.merged).toHaveLength(2);
    expect(result.conflicts).toEqual([]);
  });

  it("does not merge a component that would join two LinkedIn profiles; its links go to review", () => {
    const result = clusterLinks({ recordCount: 5, links: [auto(0, 1), auto(1, 3), auto(2, 4)], same: [], different: [], linkedinOf });
    expect(sorted(result.clusters)).toEqual([[2, 4]]);
    expect(result.conflicts.map((link) => [link.a, link.b])).toEqual([[0, 1], [1, 3]]);
    expect(result.conflictedComponents).toBe(1);
  });

  it("never merges across a remembered 'different' decision, and always joins 'same' ones", () => {
    const different = clusterLinks({ recordCount: 4, links: [auto(0, 1), auto(1, 2)], same: [], different: [[0, 2]], linkedinOf: () => null });
    expect(different.clusters).toEqual([]);
    const same = clusterLinks({ recordCount: 4, links: [], same: [[0, 3]], different: [], linkedinOf });
    expect(sorted(same.clusters)).toEqual([[0, 3]]);
  });

  it("trusts a human 'same' decision over the LinkedIn rule", () => {
    const result = clusterLinks({ recordCount: 5, links: [auto(3, 4)], same: [[0, 3]], different: [], linkedinOf });
    expect(sorted(result.clusters)).toEqual([[0, 3, 4]]);
  });
});

describe("collectClusterPairs", () => {
  it("keeps one candidate per pair of clusters (the most probable link) and drops links inside a cluster", () => {
    const sets = new UnionFind(6);
    sets.union(0, 1);
    sets.union(2, 3);
    const pairs = collectClusterPairs({
      recordCount: 6,
      links: [review(0, 2, 0.6), review(1, 3, 0.8), review(0, 1, 0.9), review(4, 5, 0.7)],
      conflicts: [],
      clusterOf: (index) => sets.find(index),
      different: [[4, 5]],
    });
    expect(pairs).toHaveLength(1);
    expect(pairs[0]).toMatchObject({ link: { a: 1, b: 3, probability: 0.8 }, conflict: false });
  });
});
