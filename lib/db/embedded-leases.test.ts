import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  isProcessRunning,
  leasesDirectory,
  liveLeases,
  lockFile,
  processStartTime,
  releaseServerLockSync,
  removeLease,
  tryServerLockSync,
  withServerLock,
  writeLease,
} from "./embedded-leases";

const roots: string[] = [];
function dataDir(): string {
  const root = mkdtempSync(join(tmpdir(), "wig-leases-"));
  roots.push(root);
  return join(root, "postgres");
}
const deadPid = () => spawnSync(process.execPath, ["-e", ""]).pid;

afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe("withServerLock", () => {
  it("lets one holder in at a time and removes the lock afterwards", async () => {
    const dir = dataDir();
    const order: string[] = [];
    const hold = (name: string) =>
      withServerLock(dir, async () => {
        order.push(`${name} in`);
        await new Promise((resolve) => setTimeout(resolve, 30));
        order.push(`${name} out`);
      });
    await Promise.all([hold("a"), hold("b")]);
    expect(order).toEqual(["a in", "a out", "b in", "b out"]);
    expect(existsSync(lockFile(dir))).toBe(false);
  });

  it("breaks a lock whose holder is gone, and releases it when fn throws", async () => {
    const dir = dataDir();
    await withServerLock(dir, async () => undefined); // creates the parent folder
    writeFileSync(lockFile(dir), `${deadPid()} 0\n`);
    await expect(withServerLock(dir, async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(existsSync(lockFile(dir))).toBe(false);
  });

  it("can be tried at once by a process about to exit: taken, already its own, or another's", async () => {
    const dir = dataDir();
    await withServerLock(dir, async () => {
      // This process's orderly stop holds it: the exiting path goes on under it.
      expect(tryServerLockSync(dir)).toBe("held");
    });
    expect(tryServerLockSync(dir)).toBe("taken");
    expect(readFileSync(lockFile(dir), "utf8")).toContain(`${process.pid} `);
    releaseServerLockSync(dir);
    expect(existsSync(lockFile(dir))).toBe(false);
    // Another live process holds it (this test's parent stands in for one): its decision stands.
    writeFileSync(lockFile(dir), `${process.ppid} ${processStartTime(process.ppid)}\n`);
    expect(tryServerLockSync(dir)).toBe("busy");
    expect(readFileSync(lockFile(dir), "utf8")).toContain(`${process.ppid} `);
  });

  it("waits for a live holder until its timeout", async () => {
    const dir = dataDir();
    await withServerLock(dir, async () => {
      await expect(withServerLock(dir, async () => undefined, { timeoutMs: 100 })).rejects.toThrow(/Another WIG process \(pid \d+\)/);
    });
  });
});

describe("leases", () => {
  it("counts live leases other than the given one and removes those of dead processes", () => {
    const dir = dataDir();
    const own = writeLease(dir, "owner");
    const other = writeLease(dir, "attached");
    writeFileSync(join(leasesDirectory(dir), `${deadPid()}-1.json`), JSON.stringify({ pid: 1, startTime: "no such start", role: "attached", command: "" }));
    writeFileSync(join(leasesDirectory(dir), "999999999-1.json"), "{not json");
    expect(liveLeases(dir, own).map((lease) => lease.file)).toEqual([other]);
    expect(readdirSync(leasesDirectory(dir)).sort()).toEqual([own, other].map((file) => file.split("/").at(-1)).sort());
    removeLease(other);
    removeLease(own);
    expect(liveLeases(dir)).toEqual([]);
  });

  it("tells a running process from a finished one", () => {
    expect(isProcessRunning(process.pid)).toBe(true);
    expect(isProcessRunning(deadPid())).toBe(false);
    if (existsSync("/proc/self/stat")) expect(processStartTime(process.pid)).toMatch(/^\d+$/);
  });
});
