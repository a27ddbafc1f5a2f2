// Finding and killing a process's descendants, for test orchestration (scripts/test.ts). Runners put
// some children in their own process groups (Playwright starts `next start` and browsers detached), so
// killing a runner's group is not enough when a runner has to be killed outright: its descendants are
// found through /proc (Linux) and killed first. Elsewhere only the group kill is available.
import { readdirSync, readFileSync } from "node:fs";

/** pid -> parent pid for every visible process; empty when /proc is unavailable. */
function parentsByPid(): Map<number, number> {
  const parents = new Map<number, number>();
  let entries: string[];
  try {
    entries = readdirSync("/proc");
  } catch {
    return parents;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may contain spaces and parentheses.
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      parents.set(Number(entry), Number(fields[1]));
    } catch {
      // exited while we looked
    }
  }
  return parents;
}

/** Every process below `pid`, children before grandchildren. */
export function descendantPids(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const [child, parent] of parentsByPid()) {
    const list = children.get(parent) ?? [];
    list.push(child);
    children.set(parent, list);
  }
  const found: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const next = children.get(queue.shift() as number) ?? [];
    found.push(...next);
    queue.push(...next);
  }
  return found;
}

/** Sends `signal` to `pid`, its process group and every descendant (deepest first); ignores the ones already gone. */
export function killTree(pid: number, signal: NodeJS.Signals = "SIGKILL"): void {
  const targets = [...descendantPids(pid).reverse(), pid];
  for (const target of targets) {
    try {
      process.kill(target, signal);
    } catch {
      // already gone
    }
  }
  try {
    process.kill(-pid, signal);
  } catch {
    // not a group leader, or the group is gone
  }
}
