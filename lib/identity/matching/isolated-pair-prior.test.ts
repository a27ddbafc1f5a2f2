import { describe, expect, it } from "vitest";
import { ISOLATED_PAIR_BITS, raiseIsolatedPairs } from "./isolated-pair-prior";

const odds = (probability: number) => probability / (1 - probability);

describe("raiseIsolatedPairs", () => {
  it("multiplies a lone pair's odds by 2^ISOLATED_PAIR_BITS", () => {
    const [raised] = raiseIsolatedPairs([{ rootA: 0, rootB: 1, probability: 0.2 }], 10);
    expect(odds(raised?.probability ?? 0) / odds(0.2)).toBeCloseTo(2 ** ISOLATED_PAIR_BITS, 10);
  });

  it("leaves pairs in a group of three alone", () => {
    const pairs = [
      { rootA: 0, rootB: 1, probability: 0.6 },
      { rootA: 1, rootB: 2, probability: 0.05 },
    ];
    expect(raiseIsolatedPairs(pairs, 10)).toEqual(pairs);
  });

  it("counts a third cluster only when a pair ≥ 0.02 joins it", () => {
    // 2 resembles 0 below the weak-link floor: 0~1 still stands alone; the weak pair itself joins two groups.
    const [lone, weak] = raiseIsolatedPairs([
      { rootA: 0, rootB: 1, probability: 0.5 },
      { rootA: 0, rootB: 2, probability: 0.01 },
    ], 10);
    expect(lone?.probability).toBeCloseTo(odds(0.5) * 2 ** ISOLATED_PAIR_BITS / (1 + 2 ** ISOLATED_PAIR_BITS), 10);
    expect(weak?.probability).toBe(0.01);
  });

  it("keeps a certain pair certain", () => {
    expect(raiseIsolatedPairs([{ rootA: 3, rootB: 4, probability: 1 }], 10)[0]?.probability).toBe(1);
  });
});
