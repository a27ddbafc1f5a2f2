// The daily retention job: pg-boss runs `privacy.retention` at 03:15 UTC (the worker schedules it from
// `schedule`); "Run now" on /admin/privacy and `npm run privacy -- purge` call runRetention directly.
import { z } from "zod";
import { defineJob } from "../jobs/define-job";
import { runRetention } from "./retention";

export const ZRetentionJobPayload = z.object({ dryRun: z.boolean().default(false) });

export const retentionJob = defineJob<z.output<typeof ZRetentionJobPayload>>({
  name: "privacy.retention",
  payload: ZRetentionJobPayload,
  schedule: { cron: "15 3 * * *", payload: { dryRun: false } },
  retryLimit: 1,
  expireInMinutes: 120,
  async run(payload, context) {
    await runRetention(context.db, { dryRun: payload.dryRun, now: new Date(), log: (line) => console.log(`[privacy.retention] ${line}`) });
  },
});
