import { describe, expect, it } from "vitest";
import { COMPARISON_INDEX as C, LEVEL_INDEX as L } from "./comparison-levels";
import { createComparisonVector, type ComparisonVector } from "./compare-records";
import { classifyLink, DEFAULT_THRESHOLDS, strongIdentifier } from "./thresholds";

function vectorWith(levels: Partial<Record<keyof typeof C, number>>): ComparisonVector {
  const vector = createComparisonVector();
  vector.levels.fill(-1);
  for (const [comparison, level] of Object.entries(levels)) vector.levels[C[comparison as keyof typeof C]] = level;
  return vector;
}

describe("strongIdentifier", () => {
  it("recognizes a shared address, profile, or phone with an agreeing name", () => {
    expect(strongIdentifier(vectorWith({ email: L.email.exact }))).toBe("email");
    expect(strongIdentifier(vectorWith({ linkedin: L.linkedin.exact }))).toBe("linkedin");
    expect(strongIdentifier(vectorWith({ phone: L.phone.exact, name: L.name.nickname }))).toBe("phone+name");
  });

  it("does not count a phone alone, a phone with a weak name, or anything against different profiles", () => {
    expect(strongIdentifier(vectorWith({ phone: L.phone.exact }))).toBeNull();
    expect(strongIdentifier(vectorWith({ phone: L.phone.exact, name: L.name.jw80 }))).toBeNull();
    expect(strongIdentifier(vectorWith({ email: L.email.exact, linkedin: L.linkedin.different }))).toBeNull();
  });
});

describe("classifyLink", () => {
  it("auto-merges only with a strong identifier and a high probability", () => {
    const email = vectorWith({ email: L.email.exact });
    const nameOnly = vectorWith({ name: L.name.exact });
    expect(classifyLink(0.9999, email, DEFAULT_THRESHOLDS)).toBe("auto");
    expect(classifyLink(0.9999, nameOnly, DEFAULT_THRESHOLDS)).toBe("review");
    expect(classifyLink(0.8, email, DEFAULT_THRESHOLDS)).toBe("review");
    expect(classifyLink(0.1, nameOnly, DEFAULT_THRESHOLDS)).toBe("drop");
  });

  it("follows configured thresholds", () => {
    const thresholds = { autoMerge: 0.95, review: 0.05 };
    expect(classifyLink(0.96, vectorWith({ linkedin: L.linkedin.exact }), thresholds)).toBe("auto");
    expect(classifyLink(0.06, vectorWith({}), thresholds)).toBe("review");
  });
});
