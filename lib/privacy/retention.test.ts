import { describe, expect, it } from "vitest";
import { daysBefore, monthsBefore } from "./retention";

describe("retention cutoffs", () => {
  it("subtracts whole days", () => {
    expect(daysBefore(new Date("2026-03-01T03:15:00Z"), 30).toISOString()).toBe("2026-01-30T03:15:00.000Z");
  });

  it("subtracts months on the same day, clamped to the end of a shorter month, across years", () => {
    expect(monthsBefore(new Date("2026-11-26T03:15:00Z"), 12).toISOString()).toBe("2025-11-26T03:15:00.000Z");
    expect(monthsBefore(new Date("2026-03-31T00:00:00Z"), 1).toISOString()).toBe("2026-02-28T00:00:00.000Z");
    expect(monthsBefore(new Date("2026-01-15T00:00:00Z"), 25).toISOString()).toBe("2023-12-15T00:00:00.000Z");
  });
});
