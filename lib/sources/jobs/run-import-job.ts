// runImportJobNow: executes a queued import run in this process. The import job's handler (the worker)
// and `npm run import` both call it, so the dashboard and the command line run the same code and write
// the same audit rows. Safe to call twice or from two processes: the run lock serializes executors and a
// finished run is returned as it is.
import type { Db } from "../../db/client";
import { executeRun, type ExecuteRunOptions } from "../pipeline/execute-run";
import type { ImportSummary } from "../pipeline/types";
import { resolveAfterImport } from "./resolve-after-import";

export interface RunImportJobOptions extends ExecuteRunOptions {
  /** Run entity resolution over the touched people after a successful import (default true). */
  resolve?: boolean;
}

export async function runImportJobNow(db: Db, runId: string, options: RunImportJobOptions = {}): Promise<ImportSummary> {
  const { resolve = true, ...executeOptions } = options;
  const summary = await executeRun(db, runId, executeOptions);
  if (!resolve) return summary;
  return { ...summary, resolution: await resolveAfterImport(db, summary) };
}
