// npm run worker — the background job worker on its own (npm start also runs it, as a child process).
// Uses DATABASE_URL, or the embedded PostgreSQL that `npm start` runs (or starts one). Runs every job in
// lib/jobs/registry.ts; at start it re-queues import runs a killed worker left behind, which then resume
// from their cursor. SIGTERM/SIGINT stop it at the next batch boundary. `npm start` runs it with a capped
// heap (lib/jobs/node-flags.ts, WORKER_HEAP_FLAGS); run alone, pass the same flags in NODE_OPTIONS to keep its RSS as low.
import { createPrismaClient } from "../lib/db/client";
import { applyMigrations } from "../lib/db/migrations";
import { openDatabase } from "../lib/db/runtime";
import { stopSenderBoss } from "../lib/jobs/boss";
import { startWorker } from "../lib/jobs/worker";
import { CliUsageError, onStopSignals, parseCliArgs, runCli } from "./lib/cli";
import { useStoredAuthSecret } from "./lib/stored-secret";

const log = (line: string) => console.log(`[worker] ${line}`);
const USAGE = "usage: npm run worker   (no options; DATABASE_URL or the embedded PostgreSQL, Ctrl+C stops it after the current batch)";

runCli(
  "worker",
  async (cli) => {
    // No options: `npm run worker -- --help` (or a typo) must not start a worker.
    const [stray] = parseCliArgs({}).positionals;
    if (stray !== undefined) throw new CliUsageError(`Unexpected argument "${stray}".\n${USAGE}`);
    useStoredAuthSecret();
    const handle = await openDatabase({ allowShared: true, onNotice: log });
    // The job handlers read DATABASE_URL (run locks, the sender boss): point it at the database in use.
    process.env.DATABASE_URL = handle.url;
    const migrations = await applyMigrations(handle.url);
    if (migrations.applied.length > 0) log(`Applied ${migrations.applied.length} migration(s).`);
    const db = createPrismaClient(handle.url);
    const worker = await startWorker({ databaseUrl: handle.url, db, log });

    // Until here a signal ends the command through runCli, which stops a server it started (a signal while
    // it starts included); from now on it stops the worker after its current batch.
    cli.takeOverSignals();
    await new Promise<void>((resolve) => {
      // A second signal exits at once (onStopSignals); the interrupted import resumes from its last batch.
      const stop = (signal: string) => {
        log(`${signal}: stopping after the current batch…`);
        void worker
          .stop()
          .catch((error: unknown) => console.error(error))
          .then(() => stopSenderBoss())
          .then(() => db.$disconnect())
          .then(() => handle.close())
          .finally(resolve);
      };
      onStopSignals("worker", stop);
    });
    return 0;
  },
  { usage: USAGE },
);
