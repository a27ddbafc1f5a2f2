// Pure helpers behind `npm test` (scripts/test.ts): which tiers to run, how to read each runner's JSON
// report, and how to add the tiers up into one `N passed, N failed` line. No I/O here, so it is unit-tested
// on plain objects (test-summary.test.ts).

export const TIERS = ["typecheck", "unit", "integration", "e2e"] as const;
export type Tier = (typeof TIERS)[number];

export interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

export interface TierResult extends Counts {
  tier: Tier;
  /** False when the tier was not selected or an interrupt stopped the run before it. */
  ran: boolean;
  durationMs: number;
  /** One short line shown in the table: why a tier failed without a failing test, build time, ... */
  note?: string;
}

/** What running one tier produced, before it is judged. */
export interface TierOutcome {
  /** Exit code of the runner; null when it died from a signal or never started. */
  exitCode: number | null;
  /** Counts read from the runner's report; undefined when there was no readable report. */
  counts?: Counts;
  /** Why there are no counts (runner crashed, report missing or unreadable, setup failed). */
  error?: string;
}

export class TierSelectionError extends Error {
  override name = "TierSelectionError";
}

function parseTierList(raw: string, flag: string): Tier[] {
  const names = raw
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean);
  if (names.length === 0) throw new TierSelectionError(`${flag} needs at least one tier (${TIERS.join(", ")})`);
  for (const name of names) {
    if (!(TIERS as readonly string[]).includes(name)) {
      throw new TierSelectionError(`unknown tier "${name}" in ${flag}; tiers are ${TIERS.join(", ")}`);
    }
  }
  return names as Tier[];
}

/** The tiers to run, always in TIERS order. `only` and `skip` are comma-separated lists; both may be given. */
export function selectTiers(only?: string | readonly string[], skip?: string | readonly string[]): Tier[] {
  const join = (value: string | readonly string[]) => (typeof value === "string" ? value : value.join(","));
  const wanted = only === undefined ? [...TIERS] : parseTierList(join(only), "--only");
  const skipped = skip === undefined ? [] : parseTierList(join(skip), "--skip");
  const selected = TIERS.filter((tier) => wanted.includes(tier) && !skipped.includes(tier));
  if (selected.length === 0) throw new TierSelectionError("no tier left to run after --only/--skip");
  return selected;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function count(report: Record<string, unknown>, key: string, where: string): number {
  const value = report[key];
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
    throw new Error(`${where} report has no valid "${key}" count`);
  }
  return value;
}

/**
 * Vitest's JSON reporter (Jest's format). A file that fails before its tests run (import error, failing
 * beforeAll/afterAll) has status "failed" without a failed test: each such file counts as one failure,
 * otherwise a broken file would vanish from the total.
 */
export function parseVitestReport(report: unknown): Counts {
  if (!isRecord(report)) throw new Error("Vitest report is not a JSON object");
  const failedTests = count(report, "numFailedTests", "Vitest");
  const files = Array.isArray(report.testResults) ? report.testResults : [];
  const brokenFiles = files.filter((file) => {
    if (!isRecord(file) || file.status !== "failed") return false;
    const assertions = Array.isArray(file.assertionResults) ? file.assertionResults : [];
    return !assertions.some((assertion) => isRecord(assertion) && assertion.status === "failed");
  }).length;
  const pending = typeof report.numPendingTests === "number" ? report.numPendingTests : 0;
  const todo = typeof report.numTodoTests === "number" ? report.numTodoTests : 0;
  return {
    passed: count(report, "numPassedTests", "Vitest"),
    failed: failedTests + brokenFiles,
    skipped: pending + todo,
  };
}

/**
 * Playwright's JSON reporter. `flaky` tests failed first and passed on retry: they count as passed (the
 * list output shows them). Top-level `errors` (webServer did not start, a spec file did not load, global
 * setup threw) are not tests, so each counts as one failure.
 */
export function parsePlaywrightReport(report: unknown): Counts {
  if (!isRecord(report) || !isRecord(report.stats)) throw new Error("Playwright report has no stats");
  const stats = report.stats;
  const errors = Array.isArray(report.errors) ? report.errors.length : 0;
  return {
    passed: count(stats, "expected", "Playwright") + count(stats, "flaky", "Playwright"),
    failed: count(stats, "unexpected", "Playwright") + errors,
    skipped: count(stats, "skipped", "Playwright"),
  };
}

/**
 * Judges a tier. A tier never counts as 0 passed / 0 failed: no report, a crash, or a non-zero exit
 * without a failing test each count as one failure, and so does a run in which no test ran at all.
 */
export function settleTier(tier: Tier, outcome: TierOutcome, durationMs: number): TierResult {
  const base = { tier, ran: true, durationMs };
  if (!outcome.counts) {
    return { ...base, passed: 0, failed: 1, skipped: 0, note: outcome.error ?? "no report was written" };
  }
  const { passed, failed, skipped } = outcome.counts;
  if (failed === 0 && outcome.exitCode !== 0) {
    const how = outcome.exitCode === null ? "was killed" : `exited with code ${outcome.exitCode}`;
    return { ...base, passed, failed: 1, skipped, note: outcome.error ?? `${how} without a failing test` };
  }
  if (passed + failed + skipped === 0) {
    return { ...base, passed: 0, failed: 1, skipped: 0, note: "no tests ran" };
  }
  return { ...base, passed, failed, skipped, ...(outcome.error ? { note: outcome.error } : {}) };
}

/** The typecheck tier is one check: it passes when the compiler exits 0. */
export function settleTypecheck(exitCode: number | null, errorCount: number, durationMs: number): TierResult {
  if (exitCode === 0) return { tier: "typecheck", ran: true, durationMs, passed: 1, failed: 0, skipped: 0 };
  const note = errorCount > 0 ? `${errorCount} type error${errorCount === 1 ? "" : "s"}` : `tsc exited with code ${exitCode ?? "(killed)"}`;
  return { tier: "typecheck", ran: true, durationMs, passed: 0, failed: 1, skipped: 0, note };
}

export function notRun(tier: Tier, note: string): TierResult {
  return { tier, ran: false, durationMs: 0, passed: 0, failed: 0, skipped: 0, note };
}

export function sumResults(results: readonly TierResult[]): Counts {
  return results.reduce<Counts>(
    (total, result) => ({
      passed: total.passed + result.passed,
      failed: total.failed + result.failed,
      skipped: total.skipped + result.skipped,
    }),
    { passed: 0, failed: 0, skipped: 0 },
  );
}

/** The last line of `npm test`, alone on its line: "N passed, N failed" (", N skipped" only when some were). */
export function formatFinalLine(total: Counts): string {
  const line = `${total.passed} passed, ${total.failed} failed`;
  return total.skipped > 0 ? `${line}, ${total.skipped} skipped` : line;
}

export function formatDuration(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return `${minutes}m${String(seconds).padStart(2, "0")}s`;
}

/** A small fixed-width table, one row per tier (tiers not run show "-"). */
export function formatTable(results: readonly TierResult[]): string {
  const header = ["tier", "passed", "failed", "skipped", "time", "note"];
  const rows = results.map((result) =>
    result.ran
      ? [result.tier, String(result.passed), String(result.failed), String(result.skipped), formatDuration(result.durationMs), result.note ?? ""]
      : [result.tier, "-", "-", "-", "-", result.note ?? "not run"],
  );
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? "").length)));
  const numeric = new Set([1, 2, 3, 4]);
  const render = (cells: string[]) =>
    cells
      .map((cell, column) => {
        const width = widths[column] ?? cell.length;
        if (column === cells.length - 1) return cell;
        return numeric.has(column) ? cell.padStart(width) : cell.padEnd(width);
      })
      .join("  ")
      .trimEnd();
  return [render(header), ...rows.map(render)].join("\n");
}

/** Counts tsc diagnostics in its plain (non-pretty) output: lines like `file.ts(3,5): error TS2322: ...`. */
export function countTypeErrors(output: string): number {
  return output.split("\n").filter((line) => /\berror TS\d+:/.test(line)).length;
}

/** Exit code for the whole run: 0 only when nothing failed and nobody interrupted it. */
export function exitCodeFor(total: Counts, interruptedBy?: NodeJS.Signals): number {
  if (interruptedBy === "SIGINT") return 130;
  if (interruptedBy === "SIGTERM") return 143;
  if (interruptedBy) return 129;
  return total.failed > 0 ? 1 : 0;
}
