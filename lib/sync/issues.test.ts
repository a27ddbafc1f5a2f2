import { describe, expect, it } from "vitest";
import { describePosition, parseRunIssues } from "./issues";

describe("parseRunIssues", () => {
  it("reads the pipeline's issues and survives entries it cannot read", () => {
    const issues = parseRunIssues([
      { kind: "issue", severity: "skip", code: "invalid_row", reason: "The row has no name.", position: { row: 4, line: 9 } },
      "garbage",
      { severity: "odd", reason: 42 },
    ]);
    expect(issues[0]).toEqual({ severity: "skip", code: "invalid_row", reason: "The row has no name.", position: { row: 4, line: 9 } });
    expect(issues[1]).toMatchObject({ code: "unreadable" });
    expect(issues[2]).toMatchObject({ severity: "warn", code: "unknown", reason: "No reason was recorded." });
  });

  it("is empty for anything but an array", () => {
    expect(parseRunIssues(null)).toEqual([]);
    expect(parseRunIssues({ row: 1 })).toEqual([]);
  });
});

describe("describePosition", () => {
  it("names whichever coordinates the format has", () => {
    expect(describePosition({ row: 12, line: 14 })).toBe("row 12 · line 14");
    expect(describePosition({ entry: "general/2026-09-02.json", row: 3 })).toBe("general/2026-09-02.json · row 3");
    expect(describePosition({ byteOffset: 2048 })).toBe("byte 2048");
    expect(describePosition({})).toBe("");
  });
});
