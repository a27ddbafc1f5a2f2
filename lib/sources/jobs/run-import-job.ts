// runImportJobNow: executes a queued import run in this process. The import job's handler (the worker)
// and `npm run import` both call it, so the dashboard and the command line run the same code and write
// the same audit rows. Safe to call twice or from two processes: the run lock serializes executors and a
// finished run is returned as it is.
import type { Db } from "../../db/client";
import { executeRun, type ExecuteRunOptions } from "../pipeline/execute-run";
import type { ImportSummary } from "../pipeline/types";

export function runImportJobNow(db: Db, runId: string, options: ExecuteRunOptions = {}): Promise<ImportSummary> {
  return executeRun(db, runId, options);
}
