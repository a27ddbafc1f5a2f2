// Decides which PostgreSQL a process uses: DATABASE_URL when set, otherwise the embedded default.
// Shared by `npm start`, the CLIs and the test harness so they all agree on ports, folders and messages.
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import pg from "pg";
import { parseServerEnv } from "../env";
import { explainConnectionError } from "./connection-errors";
import { parseDatabaseUrl } from "./connection-url";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "./embedded";

export interface DatabaseHandle {
  url: string;
  /** "external" (DATABASE_URL), "embedded" (started here) or "shared" (an embedded server another WIG process runs). */
  kind: "external" | "embedded" | "shared";
  close(): Promise<void>;
}

const openHandles = new Set<DatabaseHandle>();

/** Closes every database this process opened (CLIs call it on errors and signals). */
export async function closeAllDatabases(): Promise<void> {
  const handles = [...openHandles];
  openHandles.clear();
  await Promise.all(handles.map((handle) => handle.close().catch(() => undefined)));
}

function track(handle: DatabaseHandle): DatabaseHandle {
  const close = handle.close;
  const tracked: DatabaseHandle = {
    ...handle,
    close: async () => {
      openHandles.delete(tracked);
      await close();
    },
  };
  openHandles.add(tracked);
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

function runningEmbeddedServerPort(dataDir: string): number | undefined {
  const lockFile = join(dataDir, "postmaster.pid");
  if (!existsSync(lockFile)) return undefined;
  const lines = readFileSync(lockFile, "utf8").split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  try {
    process.kill(pid, 0);
  } catch {
    return undefined;
  }
  return Number.isInteger(port) && port > 0 ? port : undefined;
}

export interface OpenDatabaseOptions {
  /** Reuse an embedded server that another WIG process already runs on the same data folder (CLIs do). */
  allowShared?: boolean;
  onNotice?: (line: string) => void;
  onLog?: (line: string) => void;
}

export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<DatabaseHandle> {
  const env = parseServerEnv();
  if (env.DATABASE_URL) {
    await verifyConnection(env.DATABASE_URL);
    return { url: env.DATABASE_URL, kind: "external", close: async () => undefined };
  }
  const dataDir = embeddedDataDir();
  if (options.allowShared) {
    const port = runningEmbeddedServerPort(dataDir);
    if (port) {
      const url = `postgresql://postgres:postgres@127.0.0.1:${port}/wig`;
      await verifyConnection(url);
      return { url, kind: "shared", close: async () => undefined };
    }
  }
  // Tracked from the start: a CLI interrupted while the server starts (closeAllDatabases) aborts the start,
  // which stops the server spawned so far, instead of exiting with that server left running.
  const abort = new AbortController();
  const starting = startEmbeddedDatabase({
    dataDir,
    port: env.WIG_EMBEDDED_PG_PORT,
    onNotice: options.onNotice,
    onLog: options.onLog,
    signal: abort.signal,
  });
  const pending = track({
    url: "",
    kind: "embedded",
    close: async () => {
      abort.abort();
      const started = await starting.catch(() => undefined);
      await started?.stop();
    },
  });
  let embedded: EmbeddedDatabase;
  try {
    embedded = await starting;
  } catch (error) {
    openHandles.delete(pending);
    throw new DatabaseUnavailableError(error instanceof Error ? error.message : String(error));
  }
  if (!openHandles.delete(pending)) {
    // closeAllDatabases ran while the server started and has stopped it: this command is ending.
    throw new DatabaseUnavailableError("The embedded PostgreSQL was stopped while it started (the command was interrupted).");
  }
  return track({ url: embedded.url, kind: "embedded", close: () => embedded.stop() });
}
