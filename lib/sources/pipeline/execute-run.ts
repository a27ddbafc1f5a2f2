// Executes one queued (or interrupted) import run: the import job's handler, `npm run import` and
// importFile all come here. See README.md ("A run", "Resume") for the guarantees.
//
//   lock the run (one executor at a time, across processes) → claim it (queued → running, sync.started)
//   or resume it (running, sync.resumed) → parse the file, skipping the records earlier attempts committed →
//   commit every BATCH_SIZE records: the rows, SyncRun.cursor, counts and progress in ONE transaction →
//   recompute the edges of every pair the run touched, and record the outcome with its audit row.
import { stat } from "node:fs/promises";
import type { SyncRun } from "../../../prisma/generated/client";
import { runInOperation } from "../../audit/correlation";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import { AppError } from "../../errors/app-error";
import { isSourceFormatError, SourceFormatError } from "../errors";
import { ZSourceName } from "../types";
import { ZImportRunOptions, type TImportRunOptions } from "./import-options";
import { importBatches, RunCancelled, RunInterrupted } from "./import-batches";
import { recomputeImportEdges } from "./recompute-edges";
import { withRunLock } from "./run-lock";
import { addIssue, auditCounts, runColumns, stateFromRun, summarize, type RunState } from "./run-state";
import { addPhaseTime, phaseTotal, timed } from "./phase-timings";
import { SQL_NOW } from "./sql";
import type { IdentityResolver, ImportSummary } from "./types";

export interface ExecuteRunOptions {
  /** The database the run lock is taken on (default DATABASE_URL). */
  databaseUrl?: string;
  /** A stopping worker: the run stops at its next batch boundary and stays `running`, to be resumed. */
  signal?: AbortSignal;
  resolver?: IdentityResolver;
  /** Records per committed batch (default 5,000). */
  batchSize?: number;
}

/** Generous: the last transaction recomputes every edge the run touched (30,000 pairs for a big export). */
const FINAL_TRANSACTION = { maxWait: 30_000, timeout: 60 * 60_000 } as const;
const FINISHED = new Set(["success", "failed", "cancelled"]);

export async function executeRun(db: Db, runId: string, options: ExecuteRunOptions = {}): Promise<ImportSummary> {
  return withRunLock(runId, { databaseUrl: options.databaseUrl, signal: options.signal }, async () => {
    const run = await db.syncRun.findUnique({ where: { id: runId } });
    if (!run) throw new AppError("NOT_FOUND", `Import run ${runId} does not exist.`);
    return runInOperation({ correlationId: run.correlationId, actorId: run.startedById }, () => execute(db, run, options));
  });
}

async function execute(db: Db, run: SyncRun, options: ExecuteRunOptions): Promise<ImportSummary> {
  const sourceName = ZSourceName.parse(run.sourceName);
  const state = stateFromRun(run, sourceName);
  if (FINISHED.has(run.status)) return summarize(state, run.status === "success" ? "success" : run.status === "cancelled" ? "cancelled" : "failed", run.error);

  const parsed = ZImportRunOptions.safeParse(run.options ?? {});
  const runOptions: TImportRunOptions = parsed.success ? parsed.data : {};
  let since: Date | null = null;
  let now = new Date();
  if (run.status === "queued" && !run.cancelRequestedAt) {
    since = await claim(db, run, runOptions);
    if (!since) {
      // Cancelled between our read and the claim: report the run as it now is.
      const current = await db.syncRun.findUniqueOrThrow({ where: { id: run.id } });
      return summarize(stateFromRun(current, sourceName), current.status === "cancelled" ? "cancelled" : current.status === "success" ? "success" : "failed", current.error);
    }
  }
  try {
    if (run.status === "queued" && run.cancelRequestedAt) throw new RunCancelled();
    since ??= await resume(db, run, state);
    now = runOptions.now ? new Date(runOptions.now) : since;
    if (!parsed.success) throw new SourceFormatError("invalid_options", `The run's options are invalid: ${parsed.error.issues[0]?.message ?? "unknown"}.`);
    const path = await checkedPath(run, state);
    await importBatches(db, state, {
      runId: run.id,
      path,
      now,
      ownerEmails: runOptions.ownerEmails ?? [],
      startedById: run.startedById,
      resolver: options.resolver,
      batchSize: options.batchSize,
      signal: options.signal,
      progressInRecords: run.progressUnit === "records",
    });
    return await finish(db, state, { status: "success", error: null, since, now });
  } catch (error) {
    if (error instanceof RunInterrupted) throw error;
    if (error instanceof RunCancelled) return finish(db, state, { status: "cancelled", error: null, since, now });
    if (isSourceFormatError(error)) addIssue(state, error.toIssue());
    return finish(db, state, { status: "failed", error: failureMessage(error, state), since, now });
  }
}

/** queued → running. startedAt is the database's clock rounded UP past the current millisecond: every
 *  interaction this run writes is created at or after it, every earlier one strictly before (recompute-edges.ts: the final recompute reads what the run created). */
async function claim(db: Db, run: SyncRun, options: TImportRunOptions): Promise<Date | null> {
  const since = await db.$transaction(async (tx) => {
    const rows = await tx.$queryRawUnsafe<Array<{ startedAt: Date }>>(
      `UPDATE "SyncRun" SET status = 'running', "startedAt" = date_trunc('milliseconds', clock_timestamp() AT TIME ZONE 'UTC') + interval '2 milliseconds',
              "updatedAt" = ${SQL_NOW}
        WHERE id = $1::uuid AND status = 'queued' RETURNING "startedAt"`,
      run.id,
    );
    const startedAt = rows[0]?.startedAt;
    if (!startedAt) return null;
    const lastSyncAt = options.now ? new Date(options.now) : startedAt;
    await tx.syncState.upsert({
      where: { sourceName: run.sourceName },
      create: { sourceName: run.sourceName, status: "running", lastSyncAt },
      update: { status: "running", lastSyncAt },
    });
    await writeAudit(tx, {
      action: "sync.started",
      entityType: "SyncRun",
      entityId: run.id,
      metadata: { sourceName: run.sourceName, fileName: run.fileName, fileBytes: Number(run.fileBytes ?? 0) },
    });
    return startedAt;
  });
  // Let the clock pass `since` before the first batch starts its transaction.
  if (since) await new Promise((resolve) => setTimeout(resolve, 5));
  return since;
}

/** A run found `running` with nobody holding its lock: its executor died. Carry on from its cursor. */
async function resume(db: Db, run: SyncRun, state: RunState): Promise<Date> {
  await db.$transaction(async (tx) => {
    await tx.syncState.upsert({
      where: { sourceName: run.sourceName },
      create: { sourceName: run.sourceName, status: "running", lastSyncAt: run.startedAt },
      update: { status: "running" },
    });
    await writeAudit(tx, { action: "sync.resumed", entityType: "SyncRun", entityId: run.id, metadata: { cursor: state.committed.cursor } });
  });
  return run.startedAt;
}

async function checkedPath(run: SyncRun, state: RunState): Promise<string> {
  const path = run.filePath;
  if (!path) throw new SourceFormatError("not_found", "The run has no file to read. Upload the file again.");
  const info = await stat(path).catch(() => null);
  if (!info) throw new SourceFormatError("not_found", `The file is no longer available on the server (${path}). Upload it again.`);
  if (state.committed.cursor > 0 && !info.isDirectory() && info.size !== state.fileBytes) {
    throw new SourceFormatError(
      "file_changed",
      `The file changed since this run started (${state.fileBytes} bytes then, ${info.size} now), so it cannot resume. Use Sync again to import it from the start; records already imported are not duplicated.`,
    );
  }
  return path;
}

interface Outcome {
  status: ImportSummary["status"];
  error: string | null;
  since: Date | null;
  now: Date;
}

const AUDIT_ACTION = { success: "sync.completed", failed: "sync.failed", cancelled: "sync.cancelled" } as const;

/**
 * Records the outcome in one transaction with the edge recompute of everything the run committed (also for
 * a failed or cancelled run, so committed batches never leave stale edges behind).
 */
async function finish(db: Db, state: RunState, outcome: Outcome): Promise<ImportSummary> {
  const record = async (withEdges: boolean) => {
    const started = performance.now();
    const innerBefore = phaseTotal(["final.pairs", "final.recompute"]);
    try {
      return await recordOutcome(withEdges);
    } finally {
      addPhaseTime("final.bookkeeping", performance.now() - started - (phaseTotal(["final.pairs", "final.recompute"]) - innerBefore));
    }
  };
  const recordOutcome = async (withEdges: boolean) =>
    db.$transaction(async (tx) => {
      if (withEdges && outcome.since && state.committed.cursor > 0) {
        const since = outcome.since;
        state.edges = (await recomputeImportEdges(tx, { sourceName: state.sourceName, since }, outcome.now)).edges;
      }
      const summary = summarize(state, outcome.status, outcome.error);
      const total = state.fileBytes > 0 ? state.fileBytes : state.committed.progressDone;
      await tx.syncRun.update({
        where: { id: state.runId },
        data: {
          ...runColumns(state),
          status: outcome.status,
          error: outcome.error,
          failed: summary.failed,
          finishedAt: new Date(),
          ...(outcome.status === "success" ? { progressDone: BigInt(total) } : {}),
        },
      });
      const stateData =
        outcome.status === "success"
          ? {
              status: "success" as const,
              lastSuccessAt: outcome.now,
              lastError: null,
              cursor: JSON.stringify({ runId: state.runId, fileName: state.fileName, fileBytes: state.fileBytes, rowsRead: summary.rowsRead }),
            }
          : outcome.status === "failed"
            ? { status: "failed" as const, lastError: outcome.error }
            : { status: "idle" as const };
      await tx.syncState.upsert({ where: { sourceName: state.sourceName }, create: { sourceName: state.sourceName, ...stateData }, update: stateData });
      await writeAudit(tx, {
        action: AUDIT_ACTION[outcome.status],
        entityType: "SyncRun",
        entityId: state.runId,
        metadata: { ...auditCounts(summary), ...(outcome.error ? { error: outcome.error } : {}) },
      });
      return summary;
    }, FINAL_TRANSACTION);
  if (outcome.status === "success") return record(true);
  // A failing database may fail the recompute too: the outcome must still be recorded.
  return record(true).catch(() => record(false));
}

/** A sentence a person can act on: the parser's own message for bad files, the cause for anything else. */
function failureMessage(error: unknown, state: RunState): string {
  const kept = state.committed.rowsRead;
  const after = kept > 0
    ? ` The first ${kept} records were imported and stay; fix or export the file again and use Sync again: records already imported are recognised, not duplicated.`
    : "";
  if (isSourceFormatError(error)) return `${state.fileName}: ${error.message}${after}`;
  const message = error instanceof Error ? error.message : String(error);
  return kept > 0
    ? `${state.fileName}: the import stopped (${message}).${after}`
    : `${state.fileName}: the import failed and nothing was saved (${message}). Try again; if it keeps failing, report this message.`;
}
