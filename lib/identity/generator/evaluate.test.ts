import { describe, expect, it } from "vitest";
import { evaluateResolution, scoreClustering } from "./evaluate";

describe("scoreClustering", () => {
  it("counts pairs through the contingency table", () => {
    // Truth: {0,1,2} and {3,4}. Predicted: {0,1}, {2,3,4}.
    const scores = scoreClustering(["a", "a", "a", "b", "b"], [0, 0, 1, 1, 1]);
    expect(scores).toMatchObject({ truePairs: 4, predictedPairs: 4, truePositives: 2 });
    expect(scores.precision).toBeCloseTo(0.5, 12);
    expect(scores.recall).toBeCloseTo(0.5, 12);
    expect(scores.f1).toBeCloseTo(0.5, 12);
  });

  it("is perfect for a perfect clustering and defines empty cases", () => {
    expect(scoreClustering(["a", "a", "b"], [7, 7, 8])).toMatchObject({ precision: 1, recall: 1, f1: 1 });
    expect(scoreClustering(["a", "b"], [1, 2])).toMatchObject({ precision: 1, recall: 1, predictedPairs: 0, truePairs: 0 });
    expect(scoreClustering(["a", "a"], [1, 2])).toMatchObject({ precision: 1, recall: 0, f1: 0 });
  });
});

describe("evaluateResolution", () => {
  it("scores auto-merges alone, with every review candidate approved, and with only the correct ones", () => {
    const records = ["a", "a", "a", "b"].map((entityId, index) => ({ id: `r${index}`, entityId }));
    const result = {
      clusters: [{ recordIds: ["r0", "r1"] }],
      reviewCandidates: [{ a: "r1", b: "r2" }, { a: "r2", b: "r3" }],
    };
    const evaluation = evaluateResolution(records, result);
    expect(evaluation.auto).toMatchObject({ truePositives: 1, predictedPairs: 1, truePairs: 3, precision: 1 });
    expect(evaluation.autoPlusReview).toMatchObject({ truePositives: 3, predictedPairs: 6, recall: 1, precision: 0.5 });
    expect(evaluation.autoPlusCorrectReview).toMatchObject({ truePositives: 3, predictedPairs: 3, recall: 1, precision: 1 });
  });
});
