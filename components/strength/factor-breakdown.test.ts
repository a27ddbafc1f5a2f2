import { describe, expect, it } from "vitest";
import { evidenceEntry } from "./factor-breakdown";

describe("evidenceEntry", () => {
  it("shows spans in whole days, weighted active days with one decimal, and counts as counts", () => {
    expect(evidenceEntry("days", 779.57)).toEqual({ label: "days", value: "780" });
    expect(evidenceEntry("activeDays", 0.25)).toEqual({ label: "active days (weighted)", value: "0.3" });
    expect(evidenceEntry("activeDays", 12)).toEqual({ label: "active days", value: "12" });
    expect(evidenceEntry("emailWeighted", 1.5)).toEqual({ label: "email weighted", value: "1.50" });
    expect(evidenceEntry("interactions", 1204)).toEqual({ label: "interactions", value: "1,204" });
  });
});
