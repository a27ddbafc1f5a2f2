// importFile: one export file (or Slack folder) imported in this process, through the same run lifecycle as
// the import job (execute-run.ts): a queued SyncRun is created and executed at once. Library callers and
// tests use it; the dashboard and `npm run import` go through lib/sources/jobs (queueImport + the job).
import { stat } from "node:fs/promises";
import { basename, resolve } from "node:path";
import { SourceFormatError } from "../errors";
import { ZSourceName } from "../types";
import { createQueuedRun } from "./create-run";
import { executeRun } from "./execute-run";
import type { ImportFileOptions, ImportSummary } from "./types";

export async function importFile(options: ImportFileOptions & { databaseUrl?: string; batchSize?: number }): Promise<ImportSummary> {
  const sourceName = ZSourceName.parse(options.sourceName);
  const info = await stat(options.path).catch((error: unknown) => {
    throw new SourceFormatError("not_found", `Cannot read ${options.path}: ${(error as Error).message}.`, { cause: error });
  });
  const { db } = options;
  const run = await db.$transaction((tx) =>
    createQueuedRun(tx, {
      sourceName,
      filePath: resolve(options.path),
      fileName: options.fileName ?? basename(options.path),
      fileBytes: info.isDirectory() ? 0 : info.size,
      isDirectory: info.isDirectory(),
      startedById: options.startedById ?? null,
      options: {
        ...(options.ownerEmails && options.ownerEmails.length > 0 ? { ownerEmails: [...options.ownerEmails] } : {}),
        ...(options.now ? { now: options.now.toISOString() } : {}),
      },
    }),
  );
  return executeRun(db, run.id, { databaseUrl: options.databaseUrl, resolver: options.resolver, batchSize: options.batchSize });
}
