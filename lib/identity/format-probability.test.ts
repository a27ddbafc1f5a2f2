import { describe, expect, it } from "vitest";
import { formatProbability } from "./format-probability";

describe("formatProbability", () => {
  it("keeps precision near certainty", () => {
    expect(formatProbability(0.9734)).toBe("97.3%");
    expect(formatProbability(0.99996)).toBe("99.996%");
    // Rounding must not claim a certainty the model never gives (it used to print "100.%").
    expect(formatProbability(0.9999999)).toBe(">99.999%");
    expect(formatProbability(0.999)).toBe("99.9%");
    expect(formatProbability(0.5)).toBe("50.0%");
  });

  it("keeps precision near zero instead of rounding a small chance to nothing", () => {
    expect(formatProbability(0.000000001)).toBe("<0.001%");
    expect(formatProbability(0.00002)).toBe("0.002%");
    expect(formatProbability(0.0004)).toBe("0.04%");
  });
});
