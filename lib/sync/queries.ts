// Read models of the sync dashboard (/admin/sync) and its polling endpoints: every source with its
// SyncState and counts, the run history with who started each run, and the live progress of active runs.
// Every function takes the Prisma client, so integration tests pass theirs. Numbers leave as numbers
// (BigInt columns are converted), so the results serialize to JSON and to client components as they are.
import type { Db } from "../db/client";
import type { SyncRunStatus, SyncStatus } from "../../prisma/generated/enums";
import { ZSourceName, type TSourceName } from "../sources/types";
import { parseRunIssues, type RunIssue } from "./issues";

export const ACTIVE_RUN_STATUSES = ["queued", "running"] as const satisfies readonly SyncRunStatus[];
export const RUN_HISTORY_LIMIT = 50;

export interface RunCounts {
  rowsRead: number;
  created: number;
  updated: number;
  skipped: number;
  failed: number;
  suppressed: number;
}

export interface RunProgress {
  id: string;
  sourceName: string;
  status: SyncRunStatus;
  fileName: string | null;
  progressDone: number;
  progressTotal: number | null;
  progressUnit: "bytes" | "records";
  rowsRead: number;
  cancelRequested: boolean;
  startedAt: string;
  finishedAt: string | null;
  error: string | null;
}

export interface RunStarter {
  id: string;
  name: string | null;
  email: string;
}

export interface RunHistoryRow extends RunCounts {
  id: string;
  sourceName: string;
  status: SyncRunStatus;
  startedAt: Date;
  finishedAt: Date | null;
  /** null: the command line or the system. */
  startedBy: RunStarter | null;
  startedById: string | null;
  fileName: string | null;
  fileBytes: number | null;
  /** The worker still has the file, so "Sync again" can run it again. */
  hasFile: boolean;
  error: string | null;
  issues: RunIssue[];
  progress: RunProgress;
  correlationId: string;
}

export interface SourceOverview {
  sourceName: TSourceName;
  /** No SyncState row yet: never imported. */
  configured: boolean;
  status: SyncStatus;
  lastSyncAt: Date | null;
  lastSuccessAt: Date | null;
  lastError: string | null;
  cursor: string | null;
  counts: { runs: number; successfulRuns: number; people: number; interactions: number };
  lastRun: (RunCounts & { id: string; status: SyncRunStatus; startedAt: Date }) | null;
}

export interface SyncDashboard {
  sources: SourceOverview[];
  runs: RunHistoryRow[];
  /** Runs waiting for or held by the worker, oldest first. */
  active: RunProgress[];
}

const toNumber = (value: bigint | number | null | undefined): number | null => (value === null || value === undefined ? null : Number(value));

const progressSelect = {
  id: true,
  sourceName: true,
  status: true,
  fileName: true,
  progressDone: true,
  progressTotal: true,
  progressUnit: true,
  rowsRead: true,
  cancelRequestedAt: true,
  startedAt: true,
  finishedAt: true,
  error: true,
} as const;

type ProgressRow = {
  id: string;
  sourceName: string;
  status: SyncRunStatus;
  fileName: string | null;
  progressDone: bigint;
  progressTotal: bigint | null;
  progressUnit: string;
  rowsRead: number;
  cancelRequestedAt: Date | null;
  startedAt: Date;
  finishedAt: Date | null;
  error: string | null;
};

export function toRunProgress(row: ProgressRow): RunProgress {
  return {
    id: row.id,
    sourceName: row.sourceName,
    status: row.status,
    fileName: row.fileName,
    progressDone: Number(row.progressDone),
    progressTotal: toNumber(row.progressTotal),
    progressUnit: row.progressUnit === "records" ? "records" : "bytes",
    rowsRead: row.rowsRead,
    cancelRequested: row.cancelRequestedAt !== null,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    error: row.error,
  };
}

/** Queued and running runs with their progress, oldest first: what the live bar polls. */
export async function listActiveRuns(db: Db): Promise<RunProgress[]> {
  const rows = await db.syncRun.findMany({
    where: { status: { in: [...ACTIVE_RUN_STATUSES] } },
    orderBy: { startedAt: "asc" },
    select: progressSelect,
  });
  return rows.map(toRunProgress);
}

/** One run's progress and outcome (GET /api/sync/runs/[id]); null when there is no such run. */
export async function getRunStatus(db: Db, runId: string): Promise<(RunProgress & RunCounts & { issues: RunIssue[] }) | null> {
  const row = await db.syncRun.findUnique({
    where: { id: runId },
    select: { ...progressSelect, created: true, updated: true, skipped: true, failed: true, suppressed: true, issues: true },
  });
  if (!row) return null;
  return {
    ...toRunProgress(row),
    created: row.created,
    updated: row.updated,
    skipped: row.skipped,
    failed: row.failed,
    suppressed: row.suppressed,
    issues: parseRunIssues(row.issues),
  };
}

async function resolveStarters(db: Db, ids: readonly (string | null)[]): Promise<Map<string, RunStarter>> {
  const unique = [...new Set(ids.filter((id): id is string => id !== null))];
  if (unique.length === 0) return new Map();
  const users = await db.user.findMany({ where: { id: { in: unique } }, select: { id: true, name: true, email: true } });
  return new Map(users.map((user) => [user.id, user]));
}

/** The newest runs, optionally of one source, with who started them and their issues. */
export async function listRunHistory(db: Db, options: { sourceName?: string; limit?: number } = {}): Promise<RunHistoryRow[]> {
  const rows = await db.syncRun.findMany({
    where: options.sourceName ? { sourceName: options.sourceName } : {},
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    take: options.limit ?? RUN_HISTORY_LIMIT,
    select: {
      ...progressSelect,
      rowsRead: true,
      created: true,
      updated: true,
      skipped: true,
      failed: true,
      suppressed: true,
      issues: true,
      startedById: true,
      fileBytes: true,
      filePath: true,
      correlationId: true,
    },
  });
  const starters = await resolveStarters(db, rows.map((row) => row.startedById));
  return rows.map((row) => ({
    id: row.id,
    sourceName: row.sourceName,
    status: row.status,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    startedById: row.startedById,
    startedBy: row.startedById ? (starters.get(row.startedById) ?? null) : null,
    fileName: row.fileName,
    fileBytes: toNumber(row.fileBytes),
    hasFile: row.filePath !== null,
    error: row.error,
    issues: parseRunIssues(row.issues),
    rowsRead: row.rowsRead,
    created: row.created,
    updated: row.updated,
    skipped: row.skipped,
    failed: row.failed,
    suppressed: row.suppressed,
    progress: toRunProgress(row),
    correlationId: row.correlationId,
  }));
}

/** Every known source (configured or not), with its SyncState, counts and last run. */
export async function listSourceOverviews(db: Db): Promise<SourceOverview[]> {
  const [states, runCounts, successCounts, people, interactions, lastRuns] = await Promise.all([
    db.syncState.findMany({ select: { sourceName: true, status: true, lastSyncAt: true, lastSuccessAt: true, lastError: true, cursor: true } }),
    db.syncRun.groupBy({ by: ["sourceName"], _count: { _all: true } }),
    db.syncRun.groupBy({ by: ["sourceName"], where: { status: "success" }, _count: { _all: true } }),
    db.personIdentity.groupBy({ by: ["sourceName"], _count: { _all: true } }),
    db.interaction.groupBy({ by: ["sourceName"], _count: { _all: true } }),
    db.syncRun.findMany({
      distinct: ["sourceName"],
      orderBy: [{ sourceName: "asc" }, { startedAt: "desc" }],
      select: { id: true, sourceName: true, status: true, startedAt: true, rowsRead: true, created: true, updated: true, skipped: true, failed: true, suppressed: true },
    }),
  ]);
  const count = (groups: { sourceName: string; _count: { _all: number } }[], name: string) => groups.find((group) => group.sourceName === name)?._count._all ?? 0;
  const known: string[] = [...ZSourceName.options];
  // A source name the pipeline wrote that this build does not know still shows (sorted after the known ones).
  const extra = states.map((state) => state.sourceName).filter((name) => !known.includes(name)).sort();
  return [...known, ...extra].map((name) => {
    const state = states.find((entry) => entry.sourceName === name);
    const lastRun = lastRuns.find((run) => run.sourceName === name) ?? null;
    return {
      sourceName: name as TSourceName,
      configured: state !== undefined,
      status: state?.status ?? "idle",
      lastSyncAt: state?.lastSyncAt ?? null,
      lastSuccessAt: state?.lastSuccessAt ?? null,
      lastError: state?.lastError ?? null,
      cursor: state?.cursor ?? null,
      counts: { runs: count(runCounts, name), successfulRuns: count(successCounts, name), people: count(people, name), interactions: count(interactions, name) },
      lastRun: lastRun ? { ...lastRun } : null,
    };
  });
}

export async function getSyncDashboard(db: Db, options: { sourceName?: string } = {}): Promise<SyncDashboard> {
  const [sources, runs, active] = await Promise.all([listSourceOverviews(db), listRunHistory(db, options), listActiveRuns(db)]);
  return { sources, runs, active };
}
