// The worker: subscribes to every registered queue and runs jobs one at a time per queue, each inside its
// own operation (correlation id) so audit rows group by job. `npm start` runs it next to the web server;
// `npm run worker` runs it alone. A worker killed mid-job leaves the job "active"; pg-boss expires it
// after the job's expireIn and retries it, and jobs resume from their own cursor (see lib/sources).
import type PgBoss from "pg-boss";
import { newCorrelationId, runInOperation } from "../audit/correlation";
import type { Db } from "../db/client";
import { createBoss } from "./boss";
import type { JobDefinition } from "./define-job";
import { JOB_DEFINITIONS } from "./registry";
import { ensureQueue } from "./send-job";

export interface RunningWorker {
  boss: PgBoss;
  stop(): Promise<void>;
}

export interface StartWorkerOptions {
  databaseUrl: string;
  db: Db;
  definitions?: readonly JobDefinition<never>[];
  /** Seconds between polls when idle (default 1). */
  pollingIntervalSeconds?: number;
  /** Seconds between `recover` sweeps after the one at start (default 60). */
  recoverIntervalSeconds?: number;
  log?: (line: string) => void;
}

export async function startWorker(options: StartWorkerOptions): Promise<RunningWorker> {
  const definitions = (options.definitions ?? JOB_DEFINITIONS) as readonly JobDefinition<unknown>[];
  const log = options.log ?? ((line: string) => console.log(`[worker] ${line}`));
  const boss = createBoss(options.databaseUrl, { supervise: true, schedule: true });
  await boss.start();
  const stopping = new AbortController();

  for (const definition of definitions) {
    await ensureQueue(boss, definition);
    await boss.work(
      definition.name,
      { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1 },
      async (jobs: PgBoss.JobWithMetadata<unknown>[]) => {
        for (const job of jobs) {
          const correlationId = newCorrelationId(definition.name.split(".")[0]);
          const payload = definition.payload.parse(job.data);
          const started = Date.now();
          log(`${definition.name} ${job.id} started${job.retryCount ? ` (retry ${job.retryCount})` : ""}`);
          try {
            await runInOperation({ correlationId, actorId: null }, () =>
              definition.run(payload, {
                db: options.db,
                jobId: job.id,
                retryCount: job.retryCount,
                correlationId,
                signal: stopping.signal,
                databaseUrl: options.databaseUrl,
                log,
              }),
            );
            log(`${definition.name} ${job.id} finished in ${Date.now() - started} ms`);
          } catch (error) {
            log(`${definition.name} ${job.id} failed: ${error instanceof Error ? error.message : String(error)}`);
            throw error;
          }
        }
      },
    );
    if (definition.schedule) {
      await boss.schedule(definition.name, definition.schedule.cron, definition.schedule.payload as object, { tz: "UTC" });
    }
  }
  log(`listening on ${definitions.length} queue(s): ${definitions.map((definition) => definition.name).join(", ") || "none"}`);

  // Work a dead process left behind (a killed worker's import run) is queued again now and every minute.
  const recover = async () => {
    for (const definition of definitions) {
      if (!definition.recover || stopping.signal.aborted) continue;
      try {
        await definition.recover({ db: options.db, boss, databaseUrl: options.databaseUrl, log });
      } catch (error) {
        log(`${definition.name} recovery failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  };
  await recover();
  const sweeping = setInterval(() => void recover(), (options.recoverIntervalSeconds ?? 60) * 1000);
  sweeping.unref();

  return {
    boss,
    async stop() {
      clearInterval(sweeping);
      stopping.abort();
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}
