import { describe, expect, it } from "vitest";
import { normalizeTitle } from "./normalize-title";

describe("normalizeTitle", () => {
  it("expands abbreviations and drops filler words", () => {
    expect(normalizeTitle("Sr. Eng. Mgr")).toEqual(normalizeTitle("Senior Engineering Manager"));
    expect(normalizeTitle("Head of Sales")).toEqual(normalizeTitle("Sales Head"));
    expect(normalizeTitle("VP, Marketing")).toEqual(["marketing", "president", "vice"]);
  });

  it("returns null for an empty title", () => {
    expect(normalizeTitle(" - ")).toBeNull();
  });
});
