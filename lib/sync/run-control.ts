// The sync dashboard's seam to the import jobs (lib/sources/jobs/runs.ts, owned by the import backend):
// queue a run for a stored upload, cancel one, run one again. Kept in one place so the route and the
// actions do not each depend on the backend's exact signatures.
import type { Db } from "../db/client";
import { queueImport, requestCancel, retryRun } from "../sources/jobs/runs";
import type { TSourceName } from "../sources/types";

export interface QueuedRun {
  runId: string;
  jobId: string;
}

export function queueUploadedImport(
  db: Db,
  input: { sourceName: TSourceName; filePath: string; fileName: string; fileBytes: number; startedById: string },
): Promise<QueuedRun> {
  return queueImport(db, input);
}

export function cancelSyncRun(db: Db, input: { runId: string; actorId: string }): Promise<void> {
  return requestCancel(db, input);
}

export function retrySyncRun(db: Db, input: { runId: string; actorId: string }): Promise<QueuedRun> {
  return retryRun(db, input);
}
