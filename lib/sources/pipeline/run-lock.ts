// One executor per import run, across processes: a PostgreSQL session-level advisory lock held on a
// dedicated connection for as long as the run executes. A crashed worker's connection dies with it, so the
// lock is released by PostgreSQL itself; "status = running and nobody holds the lock" therefore means the
// run was orphaned and may be resumed (lib/sources/jobs/recover-runs.ts).
import { createHash } from "node:crypto";
import pg from "pg";
import { parseDatabaseUrl } from "../../db/connection-url";

/** A stable signed 64-bit key per run id (PostgreSQL's advisory locks take a bigint). */
export function runLockKey(runId: string): string {
  return createHash("sha256").update(`wig-import-run:${runId}`).digest().readBigInt64BE(0).toString();
}

function lockDatabaseUrl(databaseUrl: string | undefined): string {
  const url = databaseUrl ?? process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set; an import run needs it to take its run lock.");
  return parseDatabaseUrl(url).connectionString;
}

async function connect(databaseUrl: string | undefined): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: lockDatabaseUrl(databaseUrl), application_name: "wig-import-lock" });
  // A dropped connection loses the lock; the run then fails at its next write or is resumed later.
  client.on("error", () => undefined);
  await client.connect();
  return client;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface RunLockOptions {
  databaseUrl?: string;
  /** Aborts the wait (a worker that is stopping). */
  signal?: AbortSignal;
  /** How often to try again while another process holds the lock (default 1 s). */
  pollMs?: number;
}

/** Runs `fn` while holding the run's lock, waiting for another executor of the same run to finish first. */
export async function withRunLock<T>(runId: string, options: RunLockOptions, fn: () => Promise<T>): Promise<T> {
  const client = await connect(options.databaseUrl);
  const key = runLockKey(runId);
  try {
    for (;;) {
      const { rows } = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1::bigint) AS ok", [key]);
      if (rows[0]?.ok) break;
      options.signal?.throwIfAborted();
      await sleep(options.pollMs ?? 1000);
    }
    try {
      return await fn();
    } finally {
      await client.query("SELECT pg_advisory_unlock($1::bigint)", [key]).catch(() => undefined);
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The ids among `runIds` that some live process is executing right now. */
export async function lockedRuns(runIds: readonly string[], databaseUrl?: string): Promise<Set<string>> {
  const locked = new Set<string>();
  if (runIds.length === 0) return locked;
  const client = await connect(databaseUrl);
  try {
    for (const runId of runIds) {
      const key = runLockKey(runId);
      const { rows } = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1::bigint) AS ok", [key]);
      if (rows[0]?.ok) await client.query("SELECT pg_advisory_unlock($1::bigint)", [key]);
      else locked.add(runId);
    }
  } finally {
    await client.end().catch(() => undefined);
  }
  return locked;
}
