import { describe, expect, it } from "vitest";
import { estimatePrior, estimatePriorOverPairs } from "./estimate-prior";

describe("estimatePrior", () => {
  it("finds λ from candidate weights when the evidence is decisive", () => {
    // 100 records, 30 certain matches among the candidates and 200 certain non-matches.
    const weights = [...Array.from({ length: 30 }, () => 40), ...Array.from({ length: 200 }, () => -40)];
    expect(estimatePrior(weights, 100)).toBeCloseTo(30 / 4950, 6);
  });

  it("is a fixed point: λ equals the expected matches over all pairs", () => {
    const weights = Array.from({ length: 500 }, (_, index) => (index % 25) - 2);
    const lambda = estimatePrior(weights, 1_000, { iterations: 200 });
    const prior = Math.log2(lambda / (1 - lambda));
    const expected = weights.reduce((sum, weight) => sum + 1 / (1 + 2 ** -(weight + prior)), 0);
    expect(lambda).toBeCloseTo(expected / ((1_000 * 999) / 2), 6);
  });

  it("falls back to 1/N without candidates", () => {
    expect(estimatePrior([], 50)).toBeCloseTo(0.02, 10);
  });
});

describe("estimatePriorOverPairs", () => {
  it("finds λ over any number of possible pairs", () => {
    const weights = [...Array.from({ length: 12 }, () => 40), ...Array.from({ length: 100 }, () => -40)];
    expect(estimatePriorOverPairs(weights, 10_000)).toBeCloseTo(12 / 10_000, 8);
  });
});
