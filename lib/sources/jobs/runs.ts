// The sync dashboard's (and the CLI's) operations on import runs: queue one, cancel one, run one again,
// read its progress. Inputs are validated with zod; every change writes its audit row in the same
// transaction. Expected failures are AppErrors (404 unknown run, 409 wrong state, 503 queue unavailable).
import { randomUUID } from "node:crypto";
import { stat } from "node:fs/promises";
import type PgBoss from "pg-boss";
import { z } from "zod";
import type { Prisma } from "../../../prisma/generated/client";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import { AppError } from "../../errors/app-error";
import { getSenderBoss } from "../../jobs/boss";
import { sendJob } from "../../jobs/send-job";
import { createQueuedRun } from "../pipeline/create-run";
import { ZImportRunOptions } from "../pipeline/import-options";
import { SQL_NOW } from "../pipeline/sql";
import { ZSourceName } from "../types";
import { importJob } from "./import-job";

export const ZQueueImportInput = z.object({
  sourceName: ZSourceName,
  /** Where the worker reads the file (an upload's stored path, or the CLI's argument). */
  filePath: z.string().min(1).max(4096),
  fileName: z.string().min(1).max(255),
  fileBytes: z.number().int().nonnegative(),
  startedById: z.uuid().nullable().optional(),
  options: ZImportRunOptions.optional(),
});
export type TQueueImportInput = z.input<typeof ZQueueImportInput>;

export const ZRunActionInput = z.object({ runId: z.uuid(), actorId: z.uuid().nullable() });
export type TRunActionInput = z.input<typeof ZRunActionInput>;

export interface QueuedImport {
  runId: string;
  jobId: string;
}

export interface RunsDeps {
  /** The pg-boss instance to send with (default: this process's sender for DATABASE_URL). */
  boss?: PgBoss;
}

function parse<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const fields: Record<string, string[]> = {};
    for (const issue of result.error.issues) (fields[issue.path.join(".") || "input"] ??= []).push(issue.message);
    throw new AppError("BAD_REQUEST", "The import request is invalid.", { fields });
  }
  return result.data;
}

/** Creates a `queued` SyncRun (audited `sync.queued`) and sends its import job. */
export async function queueImport(db: Db, input: TQueueImportInput, deps: RunsDeps & { retryOf?: string } = {}): Promise<QueuedImport> {
  const data = parse(ZQueueImportInput, input);
  const info = await stat(data.filePath).catch(() => null);
  if (!info) throw new AppError("NOT_FOUND", `The file ${data.fileName} is not available on the server. Upload it again.`);
  // The job's id is chosen here, so the run is created with it (and its sync.queued row names it): no
  // unaudited write of it after the send. A run whose send never happened is requeued at worker start
  // (recover-runs.ts: its job does not exist).
  const jobId = randomUUID();
  const run = await db.$transaction((tx) =>
    createQueuedRun(tx, {
      jobId,
      sourceName: data.sourceName,
      filePath: data.filePath,
      fileName: data.fileName,
      // The file on disk is the truth (resume checks it has not changed since).
      fileBytes: info.isDirectory() ? 0 : info.size,
      isDirectory: info.isDirectory(),
      startedById: data.startedById ?? null,
      options: data.options ?? {},
      ...(deps.retryOf ? { retryOf: deps.retryOf } : {}),
    }),
  );
  try {
    await sendJob(importJob, { runId: run.id }, { boss: deps.boss ?? (await getSenderBoss()), id: jobId });
  } catch (error) {
    const message = `The import could not be queued (${error instanceof Error ? error.message : String(error)}). Try again.`;
    await db.$transaction(async (tx) => {
      await tx.syncRun.update({ where: { id: run.id }, data: { status: "failed", error: message, finishedAt: new Date() } });
      await writeAudit(tx, { action: "sync.failed", entityType: "SyncRun", entityId: run.id, correlationId: run.correlationId, metadata: { error: message } });
    });
    throw new AppError("UNAVAILABLE", message, { cause: error });
  }
  return { runId: run.id, jobId };
}

const FINISHED = new Set(["success", "failed", "cancelled"]);

/**
 * Cancels a run. A queued run is cancelled at once; a running one stops at its next batch boundary (the
 * batch in flight rolls back, committed batches stay, the run ends `cancelled`). A finished run is a 409.
 */
export async function requestCancel(db: Db, input: TRunActionInput, deps: RunsDeps = {}): Promise<void> {
  const { runId, actorId } = parse(ZRunActionInput, input);
  const cancelledQueued = await db.$transaction(async (tx) => {
    const rows = await tx.$queryRawUnsafe<Array<{ status: string; jobId: string | null; correlationId: string; cancelRequestedAt: Date | null }>>(
      `SELECT status, "jobId", "correlationId", "cancelRequestedAt" FROM "SyncRun" WHERE id = $1::uuid FOR UPDATE`,
      runId,
    );
    const run = rows[0];
    if (!run) throw new AppError("NOT_FOUND", "This import run does not exist.");
    if (FINISHED.has(run.status)) throw new AppError("CONFLICT", `This import already ended (${run.status}); there is nothing to cancel.`);
    if (run.cancelRequestedAt) return null;
    const queued = run.status === "queued";
    await tx.$executeRawUnsafe(
      `UPDATE "SyncRun" SET "cancelRequestedAt" = ${SQL_NOW}, "updatedAt" = ${SQL_NOW}
              ${queued ? `, status = 'cancelled', "finishedAt" = ${SQL_NOW}` : ""}
        WHERE id = $1::uuid`,
      runId,
    );
    await writeAudit(tx, {
      action: queued ? "sync.cancelled" : "sync.cancel_requested",
      entityType: "SyncRun",
      entityId: runId,
      correlationId: run.correlationId,
      actorId,
      metadata: { status: run.status },
    });
    return queued ? run.jobId : null;
  });
  if (cancelledQueued) {
    // Best effort: a job that still runs finds its run cancelled and does nothing.
    const boss = deps.boss ?? (await getSenderBoss().catch(() => undefined));
    await boss?.cancel(importJob.name, cancelledQueued).catch(() => undefined);
  }
}

/** "Sync again": a new queued run for the same file and options (a retry of any finished run). */
export async function retryRun(db: Db, input: TRunActionInput, deps: RunsDeps = {}): Promise<QueuedImport> {
  const { runId, actorId } = parse(ZRunActionInput, input);
  const run = await db.syncRun.findUnique({ where: { id: runId } });
  if (!run) throw new AppError("NOT_FOUND", "This import run does not exist.");
  if (!FINISHED.has(run.status)) throw new AppError("CONFLICT", "This import is still queued or running; cancel it first or wait for it to end.");
  if (!run.filePath) throw new AppError("CONFLICT", "This run has no stored file to import again. Upload the file again.");
  return queueImport(
    db,
    {
      sourceName: ZSourceName.parse(run.sourceName),
      filePath: run.filePath,
      fileName: run.fileName ?? run.filePath,
      fileBytes: Number(run.fileBytes ?? 0),
      startedById: actorId,
      options: ZImportRunOptions.parse(run.options ?? {}),
    },
    { ...deps, retryOf: run.id },
  );
}

export const ZRunProgress = z.object({
  runId: z.string(),
  sourceName: z.string(),
  status: z.enum(["queued", "running", "success", "failed", "cancelled"]),
  fileName: z.string().nullable(),
  progressDone: z.number(),
  progressTotal: z.number().nullable(),
  progressUnit: z.enum(["bytes", "records"]),
  /** 0–100 when the total is known. */
  percent: z.number().nullable(),
  /** Records committed so far (the resume position). */
  cursor: z.number(),
  rowsRead: z.number(),
  created: z.number(),
  updated: z.number(),
  skipped: z.number(),
  failed: z.number(),
  suppressed: z.number(),
  error: z.string().nullable(),
  issues: z.array(z.unknown()),
  cancelRequested: z.boolean(),
  startedAt: z.date(),
  finishedAt: z.date().nullable(),
});
export type TRunProgress = z.infer<typeof ZRunProgress>;

/** A run's live state for the progress bar (JSON-safe: numbers, not BigInts). */
export async function getRunProgress(db: Pick<Db, "syncRun">, runId: string): Promise<TRunProgress> {
  const id = parse(z.uuid(), runId);
  const run = await db.syncRun.findUnique({ where: { id } });
  if (!run) throw new AppError("NOT_FOUND", "This import run does not exist.");
  const done = Number(run.progressDone);
  const total = run.progressTotal === null ? null : Number(run.progressTotal);
  return ZRunProgress.parse({
    runId: run.id,
    sourceName: run.sourceName,
    status: run.status,
    fileName: run.fileName,
    progressDone: done,
    progressTotal: total,
    progressUnit: run.progressUnit === "records" ? "records" : "bytes",
    percent: total && total > 0 ? Math.min(100, Math.round((done / total) * 1000) / 10) : run.status === "success" ? 100 : null,
    cursor: Number(run.cursor ?? 0) || 0,
    rowsRead: run.rowsRead,
    created: run.created,
    updated: run.updated,
    skipped: run.skipped,
    failed: run.failed,
    suppressed: run.suppressed,
    error: run.error,
    issues: Array.isArray(run.issues) ? (run.issues as Prisma.JsonArray) : [],
    cancelRequested: run.cancelRequestedAt !== null,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
  });
}
