import { describe, expect, it } from "vitest";
import { adjustForCompetingCandidates } from "./competing-candidates";
import { MAX_EXACT_GROUP, partitionPosterior } from "./partition-posterior";

describe("partitionPosterior", () => {
  it("leaves a lone pair unchanged", () => {
    expect(partitionPosterior([{ rootA: 0, rootB: 1, probability: 0.8 }], 10)[0]).toBeCloseTo(0.8, 10);
  });

  it("splits one cluster between two plainly different people as the competing rule does", () => {
    // 1 and 2 unlinked (P 0.02): close to o / (1 + o + o) = 4/9.
    const [first, second] = partitionPosterior([
      { rootA: 0, rootB: 1, probability: 0.8 },
      { rootA: 0, rootB: 2, probability: 0.8 },
    ], 10);
    expect(first).toBeCloseTo(second ?? 0, 10);
    expect(first).toBeGreaterThan(4 / 9);
    expect(first).toBeLessThan(0.5);
  });

  it("lets strong pairs imply each other where the competing rule zeroes one", () => {
    // 0 = a phone contact "Leila L.", 1 = her LinkedIn rows, 2 = an initial-only record of the same
    // company: 0~1 0.99 and 1~2 1.0 make 0~2 likely even though its own evidence gives 0.37.
    const pairs = [
      { rootA: 0, rootB: 1, probability: 0.99 },
      { rootA: 0, rootB: 2, probability: 0.37 },
      { rootA: 1, rootB: 2, probability: 1 - 1e-9 },
    ];
    expect(adjustForCompetingCandidates(pairs, 10)[0]).toBeLessThan(0.01);
    const [strong, weak, same] = partitionPosterior(pairs, 10);
    expect(strong).toBeGreaterThan(0.95);
    expect(weak).toBeGreaterThan(0.95);
    expect(same).toBeGreaterThan(0.99);
  });

  it("keeps the competing rule for groups too large to enumerate", () => {
    const star = Array.from({ length: MAX_EXACT_GROUP + 1 }, (_, index) => ({ rootA: 0, rootB: index + 1, probability: 0.8 }));
    expect(partitionPosterior(star, 100)).toEqual(adjustForCompetingCandidates(star, 100));
  });
});

describe("partitionPosterior grouping", () => {
  it("does not let a link weaker than an unlinked pair glue two groups together", () => {
    // A strong trio (0,1,2) and a chain of eight records joined to it only by near-impossible links:
    // the trio is still enumerated, so its weak side is lifted by the strong ones.
    const trio = [
      { rootA: 0, rootB: 1, probability: 0.99 },
      { rootA: 0, rootB: 2, probability: 0.37 },
      { rootA: 1, rootB: 2, probability: 1 - 1e-9 },
    ];
    const far = Array.from({ length: MAX_EXACT_GROUP }, (_, index) => ({ rootA: 2 + index, rootB: 3 + index, probability: 0.001 }));
    const result = partitionPosterior([...trio, ...far], 100);
    expect(result[1]).toBeGreaterThan(0.95);
  });
});
