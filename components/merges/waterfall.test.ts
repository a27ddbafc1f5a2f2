import { describe, expect, it } from "vitest";
import { buildWaterfall, formatWeight, uncertainty } from "./waterfall";

const step = (label: string, weight: number) => ({ label, description: label, level: "x", weight, detail: null });

describe("buildWaterfall", () => {
  it("starts at the prior, runs each comparison from the running total and ends at the match weight", () => {
    const waterfall = buildWaterfall({ priorWeight: -10, steps: [step("Email", 12), step("Name", 3), step("Title", -2)], matchWeight: 3, probability: 0.889 });
    expect(waterfall.bars.map((bar) => [bar.kind, bar.from, bar.to, bar.tone])).toEqual([
      ["prior", 0, -10, "negative"],
      ["comparison", -10, 2, "positive"],
      ["comparison", 2, 5, "positive"],
      ["comparison", 5, 3, "negative"],
      ["final", 0, 3, "positive"],
    ]);
    expect(waterfall.min).toBe(-10);
    expect(waterfall.max).toBe(5);
  });

  it("treats missing comparisons as no evidence and always spans zero", () => {
    const waterfall = buildWaterfall({ priorWeight: 0, steps: [step("Phone", 0)], matchWeight: 0, probability: 0.5 });
    expect(waterfall.bars[1]?.tone).toBe("neutral");
    expect(waterfall.min).toBeLessThan(waterfall.max);
  });

  it("ignores non-finite weights instead of breaking the chart", () => {
    const waterfall = buildWaterfall({ priorWeight: Number.NaN, steps: [step("Email", Number.POSITIVE_INFINITY)], matchWeight: Number.NaN, probability: 1 });
    expect(waterfall.bars.every((bar) => Number.isFinite(bar.from) && Number.isFinite(bar.to))).toBe(true);
  });
});

describe("formatting", () => {
  it("signs weights with a real minus sign", () => {
    expect(formatWeight(3.2)).toBe("+3.20");
    expect(formatWeight(-1.049)).toBe("\u22121.05");
    expect(formatWeight(0.001)).toBe("0.00");
  });

  it("ranks 0.5 as the most uncertain", () => {
    expect(uncertainty(0.5)).toBe(1);
    expect(uncertainty(0.99)).toBeCloseTo(0.02);
    expect(uncertainty(0.6)).toBeGreaterThan(uncertainty(0.9));
  });
});
