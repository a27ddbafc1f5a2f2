import { describe, expect, it } from "vitest";
import { adjustForCompetingCandidates } from "./competing-candidates";

describe("adjustForCompetingCandidates", () => {
  it("leaves a pair without competitors unchanged", () => {
    expect(adjustForCompetingCandidates([{ rootA: 0, rootB: 1, probability: 0.8 }], 10)[0]).toBeCloseTo(0.8, 10);
  });

  it("splits one cluster between two different people it resembles", () => {
    // 0 resembles 1 and 2 equally (odds 4 each); 1 and 2 are not a pair: P = 4 / (1 + 4 + 4).
    const [first, second] = adjustForCompetingCandidates([
      { rootA: 0, rootB: 1, probability: 0.8 },
      { rootA: 0, rootB: 2, probability: 0.8 },
    ], 10);
    expect(first).toBeCloseTo(4 / 9, 10);
    expect(second).toBeCloseTo(4 / 9, 10);
  });

  it("does not make two parts of one person compete", () => {
    const adjusted = adjustForCompetingCandidates([
      { rootA: 0, rootB: 1, probability: 0.8 },
      { rootA: 0, rootB: 2, probability: 0.8 },
      { rootA: 1, rootB: 2, probability: 0.9 },
    ], 10);
    expect(adjusted[0]).toBeCloseTo(0.8, 10);
    expect(adjusted[1]).toBeCloseTo(0.8, 10);
  });

  it("lets a strong candidate keep most of its probability against a weak one", () => {
    const [strong, weak] = adjustForCompetingCandidates([
      { rootA: 0, rootB: 1, probability: 0.99 },
      { rootA: 0, rootB: 2, probability: 0.2 },
    ], 10);
    expect(strong).toBeGreaterThan(0.98);
    expect(weak).toBeLessThan(0.01);
  });
});
