// A background job type: its queue name, the zod schema of its payload, and the function that runs it.
// Definitions are plain data so the worker, the senders and the tests share one source of truth.
import type PgBoss from "pg-boss";
import type { z } from "zod";
import type { Db } from "../db/client";

export interface JobContext {
  /** The Prisma client of the worker process. */
  db: Db;
  /** pg-boss's id of this job. */
  jobId: string;
  /** How many times pg-boss has retried this job before (0 on the first attempt). */
  retryCount: number;
  /** Correlation id every audit row of this job shares (also set as the current operation). */
  correlationId: string;
  /** Aborted when the worker is stopping: long jobs stop at their next safe boundary. */
  signal: AbortSignal;
  /** The worker's database (for jobs that need their own connection, e.g. an advisory lock). */
  databaseUrl: string;
  log?: (line: string) => void;
}

/** What a job type's `recover` hook gets: the worker calls it at start and then every minute. */
export interface RecoverContext {
  db: Db;
  boss: PgBoss;
  databaseUrl: string;
  log?: (line: string) => void;
}

export interface JobDefinition<Payload = unknown> {
  /** Queue name, e.g. "import.run"; the prefix before the dot names the audit correlation id. */
  name: string;
  payload: z.ZodType<Payload>;
  run(payload: Payload, context: JobContext): Promise<void>;
  /** Daily/periodic jobs: a cron expression (UTC). Scheduling sends `scheduledPayload`. */
  schedule?: { cron: string; payload: Payload };
  /** Attempts after the first failure (default 2). */
  retryLimit?: number;
  /** A running job not finished after this long is considered crashed and retried (default 60). */
  expireInMinutes?: number;
  /**
   * Finds work a dead process left behind (e.g. an import run whose worker was killed) and queues it
   * again. Called when the worker starts and every minute; must be idempotent.
   */
  recover?: (context: RecoverContext) => Promise<unknown>;
}

export function defineJob<Payload>(definition: JobDefinition<Payload>): JobDefinition<Payload> {
  return definition;
}
