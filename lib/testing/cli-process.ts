// Runs WIG's command-line scripts as real child processes in integration tests, and waits on conditions.
import { spawn, type ChildProcess } from "node:child_process";

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunningScript {
  child: ChildProcess;
  finished: Promise<Finished>;
  /** Everything the script has written to stdout so far. */
  stdout(): string;
  /** Everything the script has written to stderr so far. */
  stderr(): string;
}

export interface StartScriptOptions {
  /** "pipe" to write to the script's stdin. */
  stdin?: "ignore" | "pipe";
  /** In a process group of its own, like a command in a terminal: `process.kill(-pid, "SIGINT")` is its Ctrl+C. */
  ownProcessGroup?: boolean;
}

/** Starts `node --import tsx <script> …args` in the project root with env. */
export function startScript(script: string, args: string[], env: NodeJS.ProcessEnv, options: StartScriptOptions = {}): RunningScript {
  const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
    cwd: process.cwd(),
    env,
    stdio: [options.stdin ?? "ignore", "pipe", "pipe"],
    detached: options.ownProcessGroup ?? false,
  });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const finished = new Promise<Finished>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr: stderr.trim() }));
  });
  return { child, finished, stdout: () => stdout, stderr: () => stderr };
}

/** Polls condition until it holds or timeoutMs passes (a guard against hangs, not a speed check). */
export async function waitFor(condition: () => boolean, timeoutMs: number, intervalMs = 20): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  return condition();
}
