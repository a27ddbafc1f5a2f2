// Creates a queued SyncRun and its `sync.queued` audit row in the caller's transaction. Shared by
// queueImport (the dashboard and the CLI, lib/sources/jobs/runs.ts) and importFile (in-process callers).
import type { Prisma } from "../../../prisma/generated/client";
import { currentOperation, newCorrelationId } from "../../audit/correlation";
import { writeAudit } from "../../audit/write-audit";
import type { TSourceName } from "../types";
import type { TImportRunOptions } from "./import-options";
import type { Tx } from "./types";

export interface NewRun {
  sourceName: TSourceName;
  filePath: string;
  fileName: string;
  /** 0 for a folder (a Slack export folder): progress is then counted in records. */
  fileBytes: number;
  isDirectory: boolean;
  startedById: string | null;
  options: TImportRunOptions;
  /** The run this one repeats ("Sync again"). */
  retryOf?: string;
  /** The id its import job will be sent under (queueImport picks it first, so the row and its audit hold it). */
  jobId?: string;
}

export async function createQueuedRun(tx: Tx, run: NewRun): Promise<{ id: string; correlationId: string }> {
  // Inside a request the run joins its operation; otherwise (CLI) it starts one. Every audit row of the
  // run, from queued to completed, carries this id.
  const correlationId = currentOperation()?.correlationId ?? newCorrelationId("sync");
  const created = await tx.syncRun.create({
    data: {
      sourceName: run.sourceName,
      status: "queued",
      filePath: run.filePath,
      fileName: run.fileName,
      fileBytes: BigInt(run.fileBytes),
      options: run.options as Prisma.InputJsonValue,
      startedById: run.startedById,
      correlationId,
      ...(run.jobId ? { jobId: run.jobId } : {}),
      cursor: "0",
      progressUnit: run.isDirectory ? "records" : "bytes",
      progressTotal: run.isDirectory ? null : BigInt(run.fileBytes),
    },
    select: { id: true },
  });
  await writeAudit(tx, {
    action: "sync.queued",
    entityType: "SyncRun",
    entityId: created.id,
    correlationId,
    ...(run.startedById ? { actorId: run.startedById } : {}),
    metadata: {
      sourceName: run.sourceName,
      fileName: run.fileName,
      fileBytes: run.fileBytes,
      ...(run.retryOf ? { retryOf: run.retryOf } : {}),
      ...(run.jobId ? { jobId: run.jobId } : {}),
    },
  });
  return { id: created.id, correlationId };
}
