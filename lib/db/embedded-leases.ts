// Cross-process bookkeeping for one embedded PostgreSQL data directory, shared by every WIG process on
// the machine (npm start, the CLIs, the worker):
//   <dataDir>.lock         an exclusive lock (O_EXCL) held around every attach, start and stop decision;
//   <dataDir>.leases/<pid>-<n>.json   one lease per open database handle, written atomically (rename).
// Invariant: a process uses the server only while its lease exists, and leases change only under the
// lock, so "no other live lease" seen under the lock means nobody else uses the server or is about to.
// A lease or lock whose process is gone (a SIGKILL, a crash) is stale: ignored and removed.
import { closeSync, linkSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from "node:fs";
import { dirname, join } from "node:path";

export interface Lease {
  file: string;
  pid: number;
  /** The process's start time (Linux /proc), so a recycled pid does not pass for the lease holder. */
  startTime: string;
  role: "owner" | "attached";
  command: string;
}

export class EmbeddedLockTimeoutError extends Error {
  override name = "EmbeddedLockTimeoutError";
}

/** A process's start time in clock ticks since boot ("" where /proc is not available). */
export function processStartTime(pid: number): string {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may contain spaces and parentheses: count fields after the last ")".
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? "";
  } catch {
    return "";
  }
}

/** True while pid runs; a zombie (exited, not reaped yet by a parent that does not reap) counts as gone. */
export function isProcessRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return true;
  }
}

function isSameProcess(pid: number, startTime: string): boolean {
  if (!isProcessRunning(pid)) return false;
  const now = processStartTime(pid);
  return startTime === "" || now === "" || now === startTime;
}

export const lockFile = (dataDir: string) => `${dataDir}.lock`;
export const leasesDirectory = (dataDir: string) => `${dataDir}.leases`;

const ownStartTime = processStartTime(process.pid);
const heldLocks = new Set<string>();
const ownLeases = new Set<string>();
let exitHookInstalled = false;

/** A process that exits without closing (process.exit in a crash path) must not leave its lock or leases. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on("exit", () => {
    for (const file of [...heldLocks, ...ownLeases]) rmSync(file, { force: true });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Reads a lock file's holder; undefined when it is being written or unreadable. */
function lockHolder(file: string): { pid: number; startTime: string } | undefined {
  try {
    const [pid, startTime = ""] = readFileSync(file, "utf8").trim().split(" ");
    return Number.isInteger(Number(pid)) && Number(pid) > 0 ? { pid: Number(pid), startTime } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Removes a lock whose holder is gone. Rename is atomic, so of several processes breaking the same stale
 * lock one wins; if what it took turns out to be a fresh lock (taken between the read and the rename), it
 * is put back (link fails if yet another process holds the lock by then, which is then the valid one).
 */
function breakStaleLock(file: string, seen: string): void {
  const taken = `${file}.stale-${process.pid}-${Date.now()}`;
  try {
    renameSync(file, taken);
  } catch {
    return;
  }
  try {
    if (readFileSync(taken, "utf8") !== seen) linkSync(taken, file);
  } catch {
    // Another process holds the lock now: that one is valid.
  } finally {
    rmSync(taken, { force: true });
  }
}

export interface LockOptions {
  /** How long to wait for another process's start or stop (a first start runs initdb). */
  timeoutMs?: number;
}

/** Runs fn while holding the data directory's lock (not re-entrant: never nest it). */
export async function withServerLock<T>(dataDir: string, fn: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const file = lockFile(dataDir);
  mkdirSync(dirname(file), { recursive: true });
  installExitHook();
  const deadline = Date.now() + (options.timeoutMs ?? 180_000);
  const content = `${process.pid} ${ownStartTime}\n`;
  for (;;) {
    try {
      const fd = openSync(file, "wx", 0o644);
      heldLocks.add(file);
      try {
        writeSync(fd, content);
      } finally {
        closeSync(fd);
      }
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    let seen = "";
    try {
      seen = readFileSync(file, "utf8");
    } catch {
      continue; // released between our open and read
    }
    const holder = lockHolder(file);
    const stale = holder
      ? !isSameProcess(holder.pid, holder.startTime)
      : // Empty: its writer died between creating and writing it, or is writing it right now.
        Date.now() - (statSafe(file) ?? Date.now()) > 5_000;
    if (stale) {
      breakStaleLock(file, seen);
      continue;
    }
    if (Date.now() > deadline) {
      throw new EmbeddedLockTimeoutError(
        `Another WIG process (pid ${holder?.pid ?? "unknown"}) has been starting or stopping the embedded PostgreSQL for too long (lock ${file}). If no such process runs, delete the lock file.`,
      );
    }
    await sleep(25);
  }
  try {
    return await fn();
  } finally {
    heldLocks.delete(file);
    rmSync(file, { force: true });
  }
}

/**
 * The lock for a process that must decide at once (it is exiting): "held" when this process already holds
 * it (its orderly stop was under way), "taken" when it got it now (release it with releaseServerLockSync),
 * "busy" when another process holds it (or a stale holder does: not broken here, the next start does).
 */
export function tryServerLockSync(dataDir: string): "held" | "taken" | "busy" {
  const file = lockFile(dataDir);
  if (heldLocks.has(file)) return "held";
  installExitHook();
  try {
    const fd = openSync(file, "wx", 0o644);
    heldLocks.add(file);
    try {
      writeSync(fd, `${process.pid} ${ownStartTime}\n`);
    } finally {
      closeSync(fd);
    }
    return "taken";
  } catch {
    return "busy";
  }
}

export function releaseServerLockSync(dataDir: string): void {
  const file = lockFile(dataDir);
  heldLocks.delete(file);
  rmSync(file, { force: true });
}

function statSafe(file: string): number | undefined {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

let leaseCounter = 0;

/** Writes this process's lease (call with the lock held); returns its file, for removeLease. */
export function writeLease(dataDir: string, role: Lease["role"]): string {
  const dir = leasesDirectory(dataDir);
  mkdirSync(dir, { recursive: true });
  installExitHook();
  const file = join(dir, `${process.pid}-${++leaseCounter}.json`);
  const lease = { pid: process.pid, startTime: ownStartTime, role, command: process.argv.slice(1).join(" ").slice(0, 200) };
  const temporary = join(dir, `.${process.pid}-${leaseCounter}.tmp`);
  writeFileSync(temporary, `${JSON.stringify(lease)}\n`);
  renameSync(temporary, file);
  ownLeases.add(file);
  return file;
}

export function removeLease(file: string): void {
  ownLeases.delete(file);
  rmSync(file, { force: true });
}

/** The live leases on dataDir other than `except`; removes stale ones (call with the lock held). */
export function liveLeases(dataDir: string, except?: string): Lease[] {
  const dir = leasesDirectory(dataDir);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const live: Lease[] = [];
  for (const name of names) {
    const file = join(dir, name);
    if (name.startsWith(".")) {
      // A lease being written; its writer died if its pid (in the name) is gone.
      if (!isProcessRunning(Number(name.slice(1).split("-")[0]))) rmSync(file, { force: true });
      continue;
    }
    if (file === except || !name.endsWith(".json")) continue;
    let lease: Omit<Lease, "file"> | undefined;
    try {
      lease = JSON.parse(readFileSync(file, "utf8")) as Omit<Lease, "file">;
    } catch {
      lease = undefined;
    }
    if (lease && isSameProcess(lease.pid, lease.startTime)) live.push({ ...lease, file });
    else rmSync(file, { force: true });
  }
  return live;
}
