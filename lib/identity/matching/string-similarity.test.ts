import { describe, expect, it } from "vitest";
import { jaroWinkler } from "./jaro-winkler";
import { soundex } from "./phonetic";

describe("jaroWinkler", () => {
  it("matches the published reference values", () => {
    // Winkler's examples, as reproduced in most implementations.
    expect(jaroWinkler("martha", "marhta")).toBeCloseTo(0.9611, 4);
    expect(jaroWinkler("dwayne", "duane")).toBeCloseTo(0.84, 2);
    expect(jaroWinkler("dixon", "dicksonx")).toBeCloseTo(0.8133, 4);
  });

  it("is 1 for equal strings, 0 for nothing in common, and symmetric", () => {
    expect(jaroWinkler("jane", "jane")).toBe(1);
    expect(jaroWinkler("abc", "xyz")).toBe(0);
    expect(jaroWinkler("", "")).toBe(1);
    expect(jaroWinkler("", "a")).toBe(0);
    expect(jaroWinkler("jonathan smith", "jonathon smyth")).toBeCloseTo(jaroWinkler("jonathon smyth", "jonathan smith"), 10);
  });

  it("handles strings longer than its initial buffer", () => {
    const long = "a".repeat(100) + "b";
    expect(jaroWinkler(long, long + "c")).toBeGreaterThan(0.99);
  });
});

describe("soundex", () => {
  it.each([
    ["robert", "R163"], ["rupert", "R163"], ["rubin", "R150"], ["ashcraft", "A261"], ["tymczak", "T522"], ["pfister", "P236"],
    ["smith", "S530"], ["smyth", "S530"], ["lee", "L000"],
  ])("%s → %s", (name, code) => {
    expect(soundex(name)).toBe(code);
  });

  it("returns an empty code for input without letters", () => {
    expect(soundex("123")).toBe("");
  });
});
