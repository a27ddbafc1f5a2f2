import { describe, expect, it } from "vitest";
import { ZImportRunOptions } from "./import-options";
import { runLockKey } from "./run-lock";
import { addIssue, applyCommit, MAX_STORED_ISSUES, nextCommitted, runColumns, stateFromRun, summarize } from "./run-state";
import { emptyBatchStats } from "./write-batch";

const row = {
  id: "7d0f2a4e-2f3c-4a55-9d2e-0a1b2c3d4e5f",
  correlationId: "sync-1-abcdef12",
  fileName: "Connections.csv",
  fileBytes: 1000n,
  cursor: "300",
  rowsRead: 300,
  created: 500,
  updated: 2,
  skipped: 1,
  suppressed: 0,
  progressDone: 400n,
  issues: [{ kind: "issue", severity: "warn", code: "invalid_date", reason: "r", position: { row: 9 } }],
};

describe("run state", () => {
  it("resumes from the committed columns of an earlier attempt", () => {
    const state = stateFromRun(row, "linkedin");
    expect(state.committed).toEqual({ cursor: 300, rowsRead: 300, created: 500, updated: 2, skipped: 1, suppressed: 0, progressDone: 400 });
    expect(state.resumedFrom).toBe(300);
    expect(state.issues).toHaveLength(1);
  });

  it("adds a batch to the totals only when it commits", () => {
    const state = stateFromRun({ ...row, cursor: null, rowsRead: 0, created: 0, updated: 0, skipped: 0, progressDone: 0n, issues: null }, "gmail");
    state.pendingRows = 10;
    state.pendingSkips = 1;
    const batch = { ...emptyBatchStats(), peopleCreated: 3, interactionsCreated: 7, interactionsExisting: 1, suppressed: 2 };
    const next = nextCommitted(state, batch, 12, 900);
    expect(state.committed.cursor).toBe(0);
    expect(next).toEqual({ cursor: 12, rowsRead: 10, created: 10, updated: 0, skipped: 2, suppressed: 2, progressDone: 900 });
    expect(runColumns(state, next)).toMatchObject({ cursor: "12", rowsRead: 10, progressDone: 900n });
    applyCommit(state, next, batch);
    expect(state.pendingRows).toBe(0);
    expect(summarize(state, "success", null)).toMatchObject({ rowsRead: 10, created: 10, failed: 0, people: { created: 3, matched: 0 }, interactions: { created: 7, existing: 1 } });
  });

  it("reports rows read after the last commit as failed", () => {
    const state = stateFromRun(row, "linkedin");
    state.pendingRows = 42;
    expect(summarize(state, "failed", "bad")).toMatchObject({ rowsRead: 342, failed: 42, created: 500, error: "bad" });
  });

  it("keeps at most 200 issues but counts them all", () => {
    const state = stateFromRun({ ...row, issues: [] }, "linkedin");
    for (let i = 0; i < MAX_STORED_ISSUES + 5; i += 1) addIssue(state, { kind: "issue", severity: "skip", code: "x", reason: "r", position: { row: i + 1 } });
    expect(state.issues).toHaveLength(MAX_STORED_ISSUES);
    expect(state.issueCount).toBe(MAX_STORED_ISSUES + 5);
  });
});

describe("run lock key and options", () => {
  it("is a stable signed 64-bit integer per run", () => {
    expect(runLockKey(row.id)).toBe(runLockKey(row.id));
    expect(runLockKey(row.id)).not.toBe(runLockKey("00000000-0000-4000-8000-000000000000"));
    const key = BigInt(runLockKey(row.id));
    expect(key >= -(2n ** 63n) && key < 2n ** 63n).toBe(true);
  });

  it("accepts owner addresses and a pinned clock, nothing else", () => {
    expect(ZImportRunOptions.parse({ ownerEmails: ["a@b.com"], now: "2026-10-01T00:00:00.000Z" })).toBeTruthy();
    expect(ZImportRunOptions.safeParse({ ownerEmails: ["not an email"] }).success).toBe(false);
    expect(ZImportRunOptions.safeParse({ body: true }).success).toBe(false);
  });
});
