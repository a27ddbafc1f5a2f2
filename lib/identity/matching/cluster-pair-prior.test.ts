import { describe, expect, it } from "vitest";
import { clusterPairPriors, MIN_PAIRS_PER_CLASS } from "./cluster-pair-prior";

// Roots 0..999 are single records, 1000..1299 clusters of two.
const sizeOf = (root: number) => (root < 1000 ? 1 : 2);
const clusterSizes = [...Array.from({ length: 1000 }, () => 1), ...Array.from({ length: 300 }, () => 2)];
const pairsOf = (first: number, count: number, matches: number) =>
  Array.from({ length: count }, (_, index) => ({ rootA: first + index, rootB: first + index + 1, weight: index < matches ? 40 : -40 }));

describe("clusterPairPriors", () => {
  it("scales the record-level λ by each size class's estimated prior relative to single records", () => {
    // Singles: 150 matches among 499 500 pairs; pairs of 2-clusters: 30 matches among 44 850 pairs.
    const pairs = [...pairsOf(0, 200, 150), ...pairsOf(1000, 120, 30)];
    const priors = clusterPairPriors(pairs, sizeOf, clusterSizes, 0.0002);
    expect(priors[0]).toBeCloseTo(0.0002, 10);
    expect(priors[250]).toBeCloseTo(0.0002 * (30 / 44_850) / (150 / 499_500), 7);
  });

  it("keeps λ for a class with too few candidates to estimate", () => {
    const pairs = [...pairsOf(0, 200, 150), ...pairsOf(1000, MIN_PAIRS_PER_CLASS - 1, 30)];
    const priors = clusterPairPriors(pairs, sizeOf, clusterSizes, 0.0002);
    expect(priors.at(-1)).toBe(0.0002);
  });

  it("keeps λ everywhere without enough single-record pairs to anchor on", () => {
    const priors = clusterPairPriors(pairsOf(1000, 150, 30), sizeOf, clusterSizes, 0.0002);
    expect(new Set(priors)).toEqual(new Set([0.0002]));
  });
});
