import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { descendantPids, killTree } from "./process-tree";

const hasProc = existsSync("/proc/self/stat");

/** Running, as opposed to gone or a zombie waiting for a parent (init here) to reap it. */
function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
  } catch {
    return false;
  }
}

describe.runIf(hasProc)("process tree", () => {
  it("finds a detached grandchild and kills the whole tree", async () => {
    // sh starts a sleep in its own session (like Playwright's detached webServer), then prints its pid.
    const child = spawn("sh", ["-c", "setsid sleep 30 & echo $!; wait"], { stdio: ["ignore", "pipe", "ignore"] });
    const grandchild = await new Promise<number>((resolve) => child.stdout.once("data", (chunk: Buffer) => resolve(Number(chunk.toString().trim()))));
    const exited = new Promise((resolve) => child.once("exit", resolve));

    expect(descendantPids(child.pid as number)).toContain(grandchild);
    killTree(child.pid as number);
    await exited;
    await expect.poll(() => isRunning(grandchild)).toBe(false);
  });

  it("returns nothing below a process without children", () => {
    expect(descendantPids(2 ** 22 + 7)).toEqual([]);
  });
});
