// The counters of one import run: what earlier attempts committed (read back from the SyncRun row) plus
// what this attempt has committed and read. Turned into the SyncRun columns and into the ImportSummary.
import type { Prisma } from "../../../prisma/generated/client";
import type { SourceFormat } from "../detect-format";
import type { TParseIssue, TSourceName } from "../types";
import type { ImportSummary } from "./types";
import { emptyBatchStats, type BatchStats } from "./write-batch";

export const MAX_STORED_ISSUES = 200;

export interface CommittedCounts {
  /** Parser items (records and issues) committed: the resume position. */
  cursor: number;
  rowsRead: number;
  created: number;
  updated: number;
  skipped: number;
  suppressed: number;
  progressDone: number;
}

export interface RunState {
  runId: string;
  correlationId: string;
  sourceName: TSourceName;
  fileName: string;
  fileBytes: number;
  format: SourceFormat | null;
  committed: CommittedCounts;
  /** Rows read since the last commit (lost, and read again, if the attempt stops). */
  pendingRows: number;
  pendingSkips: number;
  issues: TParseIssue[];
  issueCount: number;
  filtered: Record<string, number>;
  /** This attempt's committed breakdown. */
  stats: BatchStats;
  edges: number;
  resumedFrom: number;
  startedMs: number;
}

interface RunRow {
  id: string;
  correlationId: string;
  fileName: string | null;
  fileBytes: bigint | null;
  cursor: string | null;
  rowsRead: number;
  created: number;
  updated: number;
  skipped: number;
  suppressed: number;
  progressDone: bigint;
  issues: Prisma.JsonValue;
}

export function stateFromRun(run: RunRow, sourceName: TSourceName): RunState {
  const issues = Array.isArray(run.issues) ? (run.issues as unknown as TParseIssue[]) : [];
  const cursor = Number(run.cursor ?? 0) || 0;
  return {
    runId: run.id,
    correlationId: run.correlationId,
    sourceName,
    fileName: run.fileName ?? "",
    fileBytes: Number(run.fileBytes ?? 0),
    format: null,
    committed: {
      cursor,
      rowsRead: run.rowsRead,
      created: run.created,
      updated: run.updated,
      skipped: run.skipped,
      suppressed: run.suppressed,
      progressDone: Number(run.progressDone),
    },
    pendingRows: 0,
    pendingSkips: 0,
    issues,
    issueCount: issues.length,
    filtered: {},
    stats: emptyBatchStats(),
    edges: 0,
    resumedFrom: cursor,
    startedMs: performance.now(),
  };
}

export function addIssue(state: RunState, issue: TParseIssue): void {
  state.issueCount += 1;
  if (state.issues.length < MAX_STORED_ISSUES) state.issues.push(issue);
}

/** The run's totals once a batch with these numbers commits (written in the batch's own transaction). */
export function nextCommitted(state: RunState, batch: BatchStats, cursor: number, progressDone: number): CommittedCounts {
  const c = state.committed;
  return {
    cursor,
    rowsRead: c.rowsRead + state.pendingRows,
    created: c.created + batch.peopleCreated + batch.interactionsCreated,
    updated: c.updated + batch.peopleUpdated,
    skipped: c.skipped + state.pendingSkips + batch.interactionsExisting + batch.interactionsUnusable,
    suppressed: c.suppressed + batch.suppressed,
    progressDone,
  };
}

/** Records a committed batch: its totals become the run's, its breakdown joins this attempt's. */
export function applyCommit(state: RunState, next: CommittedCounts, batch: BatchStats): void {
  state.committed = next;
  state.pendingRows = 0;
  state.pendingSkips = 0;
  for (const key of Object.keys(batch) as Array<keyof BatchStats>) state.stats[key] += batch[key];
}

/** The SyncRun columns for the run's counters (the batch transaction and the final one write them). */
export function runColumns(state: RunState, committed: CommittedCounts = state.committed) {
  return {
    cursor: String(committed.cursor),
    rowsRead: committed.rowsRead,
    created: committed.created,
    updated: committed.updated,
    skipped: committed.skipped,
    suppressed: committed.suppressed,
    progressDone: BigInt(committed.progressDone),
    issues: state.issues as unknown as Prisma.InputJsonValue,
  };
}

export function summarize(state: RunState, status: ImportSummary["status"], error: string | null): ImportSummary {
  const { stats, committed } = state;
  return {
    runId: state.runId,
    correlationId: state.correlationId,
    sourceName: state.sourceName,
    format: state.format,
    fileName: state.fileName,
    fileBytes: state.fileBytes,
    status,
    error,
    rowsRead: committed.rowsRead + state.pendingRows,
    created: committed.created,
    updated: committed.updated,
    skipped: committed.skipped,
    failed: state.pendingRows,
    suppressed: committed.suppressed,
    resumedFrom: state.resumedFrom,
    people: { created: stats.peopleCreated, matched: stats.peopleMatched },
    organizations: { created: stats.organizationsCreated },
    interactions: { created: stats.interactionsCreated, existing: stats.interactionsExisting },
    edges: { recomputed: state.edges },
    issues: state.issues,
    issueCount: state.issueCount,
    filtered: state.filtered,
    durationMs: Math.round(performance.now() - state.startedMs),
  };
}

export function auditCounts(summary: ImportSummary) {
  return {
    sourceName: summary.sourceName,
    fileName: summary.fileName,
    rowsRead: summary.rowsRead,
    created: summary.created,
    updated: summary.updated,
    skipped: summary.skipped,
    failed: summary.failed,
    suppressed: summary.suppressed,
    peopleCreated: summary.people.created,
    interactionsCreated: summary.interactions.created,
    edgesRecomputed: summary.edges.recomputed,
    issueCount: summary.issueCount,
    resumedFrom: summary.resumedFrom,
  };
}
