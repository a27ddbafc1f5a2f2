// The "import.run" job: payload { runId } of a SyncRun that queueImport created. The handler executes the
// run (resuming it from its cursor when an earlier attempt died); `recover` re-queues runs whose executor
// died, so a restarted worker picks them up at once rather than after pg-boss's expiry.
import { z } from "zod";
import { defineJob } from "../../jobs/define-job";
import { requeueOrphanedRuns } from "./recover-runs";
import { runImportJobNow } from "./run-import-job";

export const ZImportJobPayload = z.object({ runId: z.uuid() });
export type TImportJobPayload = z.infer<typeof ZImportJobPayload>;

export const importJob = defineJob<TImportJobPayload>({
  name: "import.run",
  payload: ZImportJobPayload,
  async run(payload, context) {
    const summary = await runImportJobNow(context.db, payload.runId, { signal: context.signal, databaseUrl: context.databaseUrl });
    context.log?.(`import ${summary.runId} ${summary.status}: ${summary.rowsRead} rows, ${summary.created} created${summary.error ? ` (${summary.error})` : ""}`);
    if (summary.resolution) {
      const { autoMerged, queued, error } = summary.resolution;
      context.log?.(error ?? `resolution after import ${summary.runId}: ${autoMerged} merged, ${queued} queued for review`);
    }
  },
  // A run is retried by resuming it; bad input fails the run (not the job), so retries are for crashes.
  retryLimit: 3,
  expireInMinutes: 120,
  recover: (context) => requeueOrphanedRuns(context.db, { databaseUrl: context.databaseUrl, boss: context.boss, log: context.log }),
});
