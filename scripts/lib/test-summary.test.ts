import { describe, expect, it } from "vitest";
import {
  countTypeErrors,
  exitCodeFor,
  formatFinalLine,
  formatTable,
  notRun,
  parsePlaywrightReport,
  parseVitestReport,
  selectTiers,
  settleTier,
  settleTypecheck,
  sumResults,
  TierSelectionError,
} from "./test-summary";

describe("selectTiers", () => {
  it("runs every tier in order by default", () => {
    expect(selectTiers()).toEqual(["typecheck", "unit", "integration", "e2e"]);
  });

  it("keeps the canonical order whatever order --only lists", () => {
    expect(selectTiers("e2e,unit")).toEqual(["unit", "e2e"]);
    expect(selectTiers(["integration", "typecheck"])).toEqual(["typecheck", "integration"]);
  });

  it("applies --skip after --only", () => {
    expect(selectTiers(undefined, "e2e")).toEqual(["typecheck", "unit", "integration"]);
    expect(selectTiers("unit,integration", "integration")).toEqual(["unit"]);
  });

  it("rejects unknown tiers and an empty selection", () => {
    expect(() => selectTiers("units")).toThrow(TierSelectionError);
    expect(() => selectTiers("unit", "unit")).toThrow(/no tier left/);
    expect(() => selectTiers(",")).toThrow(/at least one tier/);
  });
});

describe("parseVitestReport", () => {
  const report = {
    numTotalTests: 6,
    numPassedTests: 3,
    numFailedTests: 1,
    numPendingTests: 1,
    numTodoTests: 1,
    success: false,
    testResults: [
      { name: "a.test.ts", status: "passed", assertionResults: [{ status: "passed" }, { status: "passed" }] },
      { name: "b.test.ts", status: "failed", assertionResults: [{ status: "passed" }, { status: "failed" }] },
      { name: "c.test.ts", status: "failed", message: "Failed to load url ./missing", assertionResults: [] },
    ],
  };

  it("counts passed, failed and skipped (pending + todo) tests", () => {
    expect(parseVitestReport(report)).toEqual({ passed: 3, failed: 2, skipped: 2 });
  });

  it("counts a file that failed without a failing test as one failure", () => {
    const onlyBroken = { ...report, numPassedTests: 0, numFailedTests: 0, testResults: [report.testResults[2]] };
    expect(parseVitestReport(onlyBroken).failed).toBe(1);
  });

  it("rejects something that is not a Vitest report", () => {
    expect(() => parseVitestReport(null)).toThrow();
    expect(() => parseVitestReport({ numPassedTests: 1 })).toThrow(/numFailedTests/);
  });
});

describe("parsePlaywrightReport", () => {
  it("counts flaky tests as passed and top-level errors as failures", () => {
    const report = { stats: { expected: 4, unexpected: 1, flaky: 1, skipped: 2, duration: 1234 }, errors: [{ message: "boom" }], suites: [] };
    expect(parsePlaywrightReport(report)).toEqual({ passed: 5, failed: 2, skipped: 2 });
  });

  it("rejects a report without stats", () => {
    expect(() => parsePlaywrightReport({ suites: [] })).toThrow(/stats/);
  });
});

describe("settleTier", () => {
  it("trusts the report when it agrees with the exit code", () => {
    expect(settleTier("unit", { exitCode: 0, counts: { passed: 10, failed: 0, skipped: 1 } }, 50)).toMatchObject({
      passed: 10,
      failed: 0,
      skipped: 1,
      ran: true,
    });
    expect(settleTier("unit", { exitCode: 1, counts: { passed: 9, failed: 1, skipped: 0 } }, 50).failed).toBe(1);
  });

  it("counts a tier without a report as one failure, never 0/0", () => {
    const result = settleTier("integration", { exitCode: 1, error: "no report was written" }, 50);
    expect(result).toMatchObject({ passed: 0, failed: 1, note: "no report was written" });
  });

  it("counts a non-zero exit without a failing test as one failure", () => {
    expect(settleTier("e2e", { exitCode: 1, counts: { passed: 3, failed: 0, skipped: 0 } }, 50)).toMatchObject({ passed: 3, failed: 1 });
    expect(settleTier("e2e", { exitCode: null, counts: { passed: 3, failed: 0, skipped: 0 } }, 50).note).toMatch(/killed/);
  });

  it("counts a run in which nothing ran as one failure", () => {
    expect(settleTier("unit", { exitCode: 0, counts: { passed: 0, failed: 0, skipped: 0 } }, 50)).toMatchObject({ failed: 1, note: "no tests ran" });
  });
});

describe("settleTypecheck", () => {
  it("is one check", () => {
    expect(settleTypecheck(0, 0, 10)).toMatchObject({ passed: 1, failed: 0 });
    expect(settleTypecheck(2, 3, 10)).toMatchObject({ passed: 0, failed: 1, note: "3 type errors" });
  });
});

describe("countTypeErrors", () => {
  it("counts tsc diagnostics, not their continuation lines", () => {
    const output = [
      "app/page.tsx(3,7): error TS2322: Type 'string' is not assignable to type 'number'.",
      "  Some continuation line.",
      "lib/x.ts(1,1): error TS2307: Cannot find module './y'.",
    ].join("\n");
    expect(countTypeErrors(output)).toBe(2);
  });
});

describe("summary output", () => {
  const results = [
    settleTypecheck(0, 0, 12_300),
    settleTier("unit", { exitCode: 0, counts: { passed: 40, failed: 0, skipped: 2 } }, 6_000),
    settleTier("integration", { exitCode: 1, counts: { passed: 11, failed: 1, skipped: 0 } }, 75_000),
    notRun("e2e", "skipped by --skip"),
  ];

  it("sums every tier into one final line", () => {
    expect(sumResults(results)).toEqual({ passed: 52, failed: 1, skipped: 2 });
    expect(formatFinalLine(sumResults(results))).toBe("52 passed, 1 failed, 2 skipped");
    expect(formatFinalLine({ passed: 3, failed: 0, skipped: 0 })).toBe("3 passed, 0 failed");
  });

  it("renders one row per tier", () => {
    const lines = formatTable(results).split("\n");
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/^tier\s+passed\s+failed\s+skipped\s+time\s+note$/);
    expect(lines[3]).toMatch(/^integration\s+11\s+1\s+0\s+1m15s$/);
    expect(lines[4]).toMatch(/^e2e\s+-\s+-\s+-\s+-\s+skipped by --skip$/);
  });

  it("exits non-zero when anything failed or the run was interrupted", () => {
    expect(exitCodeFor({ passed: 5, failed: 0, skipped: 0 })).toBe(0);
    expect(exitCodeFor({ passed: 5, failed: 1, skipped: 0 })).toBe(1);
    expect(exitCodeFor({ passed: 5, failed: 0, skipped: 0 }, "SIGINT")).toBe(130);
    expect(exitCodeFor({ passed: 5, failed: 0, skipped: 0 }, "SIGTERM")).toBe(143);
  });
});
