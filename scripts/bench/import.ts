// npm run bench:import [-- --rows 30000 --messages 100000 --json]
//   Generates, deterministically, a LinkedIn Connections.csv (with the Notes preamble) and a Gmail Takeout
//   mbox with realistic headers in a temp folder, then measures on a fresh database:
//     - Connections.csv end to end into PostgreSQL (importFile: batches, resolver, edges, run bookkeeping)
//     - mbox parse only (the streaming parser over the file, no database)
//     - mbox end to end
//     - peak RSS (sampled every 50 ms, and the kernel's VmHWM)
//   Uses a database `wig_bench` on DATABASE_URL's server when set (created fresh, dropped after), otherwise
//   an embedded PostgreSQL in <data dir>/bench-postgres. --json prints one JSON object as the last line.
//   Runs itself with the worker's heap flags (lib/jobs/node-flags.ts) unless NODE_OPTIONS sets a heap cap.
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { once } from "node:events";
import pg from "pg";
import { createPrismaClient } from "../../lib/db/client";
import { hasHeapCap, WORKER_HEAP_FLAGS } from "../../lib/jobs/node-flags";
import { parseGmailMbox } from "../../lib/sources/mbox/gmail-mbox";
import { importFile } from "../../lib/sources/pipeline/import-file";
import { collectPhaseTimings, stopPhaseTimings, type ImportPhase, type PhaseTimings } from "../../lib/sources/pipeline/phase-timings";
import type { ImportSummary } from "../../lib/sources/pipeline/types";
import { generateLinkedInConnections } from "../../lib/sources/testing/generate-linkedin-connections";
import { generateMbox } from "../../lib/sources/testing/generate-mbox";
import { startTestDatabase } from "../../lib/testing/test-database";
import { parseCliArgs, runCli } from "../lib/cli";

const OWNER = "alex.owner@gmail.com";
const NOW = new Date("2026-10-01T00:00:00Z");
const MB = 1024 * 1024;

interface Row {
  metric: string;
  value: number;
  unit: string;
  target: string;
  pass: boolean;
}

async function writeFile(path: string, chunks: Iterable<string | Buffer>): Promise<number> {
  const out = createWriteStream(path);
  for (const chunk of chunks) if (!out.write(chunk)) await once(out, "drain");
  out.end();
  await once(out, "finish");
  return statSync(path).size;
}

/** Peak resident memory, sampled; the kernel's high-water mark covers spikes between samples. */
class RssSampler {
  peak = 0;
  private timer: NodeJS.Timeout | undefined;
  start() {
    this.peak = process.memoryUsage().rss;
    this.timer = setInterval(() => (this.peak = Math.max(this.peak, process.memoryUsage().rss)), 50);
    return this;
  }
  stop(): number {
    clearInterval(this.timer);
    this.peak = Math.max(this.peak, process.memoryUsage().rss);
    return this.peak;
  }
}

function vmHwm(): number | null {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"));
    return match?.[1] ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

async function truncateAll(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`);
    await client.query(`TRUNCATE TABLE ${rows.map((row) => `"${row.tablename}"`).join(", ")} RESTART IDENTITY CASCADE`);
    await client.query("VACUUM ANALYZE");
  } finally {
    await client.end();
  }
}

// Measure the import as the worker runs it: with the worker's heap flags (lib/jobs/node-flags.ts).
if (!hasHeapCap()) {
  const child = spawnSync(process.execPath, [...WORKER_HEAP_FLAGS, ...process.execArgv, ...process.argv.slice(1)], { stdio: "inherit" });
  process.exit(child.status ?? 1);
}

runCli("bench:import", async () => {
  const { values } = parseCliArgs({
    rows: { type: "string", default: "30000" },
    messages: { type: "string", default: "100000" },
    json: { type: "boolean", default: false },
  });
  const rows = Number(values.rows);
  const messages = Number(values.messages);
  const log = (line: string) => (values.json ? console.error(line) : console.log(line));
  const dir = mkdtempSync(join(tmpdir(), "wig-bench-import-"));
  const external = Boolean(process.env.DATABASE_URL);
  log(external ? "Using a fresh database wig_bench on DATABASE_URL's server." : "Starting an embedded PostgreSQL for the benchmark…");
  const database = await startTestDatabase("wig_bench", { instance: "bench-postgres" });
  process.env.DATABASE_URL = database.url;
  const db = createPrismaClient(database.url);
  const results: Row[] = [];
  const summaries: Record<string, ImportSummary> = {};
  let peakRss = 0;
  const phasePeaks: Record<string, number> = {};
  const phaseTimes: Record<string, PhaseTimings & { total: number }> = {};
  try {
    const csvPath = join(dir, "Connections.csv");
    const csvBytes = await writeFile(csvPath, generateLinkedInConnections({ rows }));
    const mboxPath = join(dir, "All mail Including Spam and Trash.mbox");
    const mboxBytes = await writeFile(mboxPath, generateMbox({ messages, owner: OWNER }));
    log(`Generated ${rows} connections (${(csvBytes / MB).toFixed(1)} MB) and ${messages} messages (${(mboxBytes / MB).toFixed(1)} MB) in ${dir}.`);

    // 1. Connections.csv end to end.
    await truncateAll(database.url);
    let rss = new RssSampler().start();
    let timings = collectPhaseTimings();
    let started = performance.now();
    const csv = await importFile({ db, sourceName: "linkedin", path: csvPath, ownerEmails: [OWNER], now: NOW });
    let seconds = (performance.now() - started) / 1000;
    stopPhaseTimings();
    phaseTimes.connections = { ...timings, total: seconds * 1000 };
    log(`connections imported in ${seconds.toFixed(1)} s: ${phaseLine(phaseTimes.connections)}`);
    phasePeaks.connections = rss.stop();
    peakRss = Math.max(peakRss, phasePeaks.connections);
    if (csv.status !== "success") throw new Error(`The Connections.csv import failed: ${csv.error}`);
    summaries.connections = csv;
    results.push({ metric: `Connections.csv end to end (${rows} rows)`, value: seconds, unit: "s", target: "< 10 s", pass: seconds < 10 });
    results.push({ metric: "Connections.csv rows/s", value: rows / seconds, unit: "rows/s", target: "-", pass: true });

    // 2. mbox parse only.
    rss = new RssSampler().start();
    started = performance.now();
    const cpuBefore = process.cpuUsage();
    let parsed = 0;
    for await (const item of parseGmailMbox(createReadStream(mboxPath, { highWaterMark: MB }), { ownerEmails: [OWNER] })) {
      if (item.kind === "interaction") parsed += 1;
    }
    seconds = (performance.now() - started) / 1000;
    phasePeaks.mboxParse = rss.stop();
    peakRss = Math.max(peakRss, phasePeaks.mboxParse);
    results.push({ metric: `mbox parse only (${messages} messages, ${parsed} kept)`, value: messages / seconds, unit: "msgs/s", target: ">= 20000", pass: messages / seconds >= 20_000 });
    // Wall-clock rates depend on what else the machine runs; messages per CPU-second of this process do not.
    const cpu = process.cpuUsage(cpuBefore);
    results.push({ metric: "mbox parse only, per CPU-second", value: messages / ((cpu.user + cpu.system) / 1e6), unit: "msgs/cpu-s", target: "-", pass: true });

    // 3. mbox end to end (on top of the LinkedIn import, as a team would).
    rss = new RssSampler().start();
    timings = collectPhaseTimings();
    started = performance.now();
    const mbox = await importFile({ db, sourceName: "gmail", path: mboxPath, ownerEmails: [OWNER], now: NOW });
    seconds = (performance.now() - started) / 1000;
    stopPhaseTimings();
    phaseTimes.mbox = { ...timings, total: seconds * 1000 };
    log(`mbox imported in ${seconds.toFixed(1)} s: ${phaseLine(phaseTimes.mbox)}`);
    phasePeaks.mboxImport = rss.stop();
    peakRss = Math.max(peakRss, phasePeaks.mboxImport);
    if (mbox.status !== "success") throw new Error(`The mbox import failed: ${mbox.error}`);
    summaries.mbox = mbox;
    results.push({ metric: `mbox end to end (${messages} messages)`, value: messages / seconds, unit: "msgs/s", target: ">= 5000", pass: messages / seconds >= 5000 });
    results.push({ metric: "mbox end to end time", value: seconds, unit: "s", target: "-", pass: true });
    const recompute = (phaseTimes.mbox["final.recompute"] ?? 0) / 1000;
    results.push({ metric: "mbox end to end without edge recompute", value: messages / (seconds - recompute), unit: "msgs/s", target: "-", pass: true });

    const hwm = vmHwm();
    peakRss = Math.max(peakRss, hwm ?? 0);
    results.push({ metric: "peak RSS (sampled, and VmHWM)", value: peakRss / MB, unit: "MB", target: "< 400 MB", pass: peakRss < 400 * MB });
  } finally {
    await db.$disconnect();
    await database.stop();
    rmSync(dir, { recursive: true, force: true });
  }

  const width = Math.max(...results.map((row) => row.metric.length));
  log("");
  log(`load average at the end: ${loadavg().map((load) => load.toFixed(1)).join(" ")} on ${cpus().length} cores`);
  log(`${"metric".padEnd(width)}  ${"value".padStart(16)}  ${"target".padEnd(9)}  result`);
  for (const row of results) {
    const value = `${row.value >= 100 ? Math.round(row.value).toLocaleString("en-US") : row.value.toFixed(2)} ${row.unit}`;
    log(`${row.metric.padEnd(width)}  ${value.padStart(16)}  ${row.target.padEnd(9)}  ${row.target === "-" ? "" : row.pass ? "PASS" : "FAIL"}`);
  }
  const counts = (summary: ImportSummary | undefined) =>
    summary && { rowsRead: summary.rowsRead, created: summary.created, people: summary.people, interactions: summary.interactions, edges: summary.edges.recomputed, durationMs: summary.durationMs };
  log("");
  log(phaseTable(phaseTimes));
  log(`\npeak RSS by phase (MB): ${Object.entries(phasePeaks).map(([phase, bytes]) => `${phase} ${Math.round(bytes / MB)}`).join(", ")}`);
  log(`connections: ${JSON.stringify(counts(summaries.connections))}\nmbox: ${JSON.stringify(counts(summaries.mbox))}`);
  const allPass = results.every((row) => row.pass);
  if (values.json) {
    console.log(
      JSON.stringify({
        rows,
        messages,
        results: results.map((row) => ({ ...row, value: Math.round(row.value * 100) / 100 })),
        summaries: { connections: counts(summaries.connections), mbox: counts(summaries.mbox) },
        phaseSeconds: Object.fromEntries(
          Object.entries(phaseTimes).map(([run, times]) => [run, Object.fromEntries(Object.entries(times).map(([phase, ms]) => [phase, Math.round(ms ?? 0) / 1000]))]),
        ),
        peakRssByPhaseMb: Object.fromEntries(Object.entries(phasePeaks).map(([phase, bytes]) => [phase, Math.round(bytes / MB)])),
        loadAverage: loadavg(),
        pass: allPass,
      }),
    );
  }
  return allPass ? 0 : 1;
});

const PHASES: Array<[ImportPhase | "other", string]> = [
  ["parse", "parse (not hidden behind batch commits)"],
  ["batch.organizations", "batches: organizations"],
  ["batch.people", "batches: people + identities"],
  ["people.lookup", "  of which: identity + candidate lookups"],
  ["people.write", "  of which: Person insert + update"],
  ["people.identities", "  of which: PersonIdentity insert"],
  ["batch.interactions", "batches: interactions"],
  ["batch.bookkeeping", "batches: cancel check, owner, run row, commit"],
  ["final.pairs", "final: touched pairs read back"],
  ["final.recompute", "final: edge recompute (lib/strength)"],
  ["recompute.full.aggregate", "  of which (full path): interactions read + folded"],
  ["recompute.full.mutual", "  of which (full path): mutual connections"],
  ["recompute.full.write", "  of which (full path): scored + written"],
  ["recompute.full.swap", "  of which (full path): indexes, swap"],
  ["recompute.keys", "  within it (batches overlap, so these add up to more): people's keys"],
  ["recompute.stored.read", "  within it: stored aggregates read + added to"],
  ["recompute.history.read", "  within it: new pairs' histories read in full"],
  ["recompute.mutual", "  within it: mutual connections"],
  ["recompute.write", "  within it: stored aggregates and edges scored + written"],
  ["final.bookkeeping", "final: run outcome, audit, commit"],
  ["other", "other (run creation, lock, claim)"],
];

/** Seconds per phase of each import, and their share of its wall time. */
function phaseTable(times: Record<string, PhaseTimings & { total: number }>): string {
  const runs = Object.keys(times);
  const width = Math.max(...PHASES.map(([, label]) => label.length));
  const lines = [`${"phase (wall seconds)".padEnd(width)}${runs.map((run) => run.padStart(20)).join("")}`];
  const cell = (ms: number, total: number) => `${(ms / 1000).toFixed(2)} s (${Math.round((100 * ms) / total)}%)`.padStart(20);
  for (const [phase, label] of PHASES) {
    lines.push(
      `${label.padEnd(width)}${runs
        .map((run) => {
          const t = times[run] as PhaseTimings & { total: number };
          const known = PHASES.reduce((sum, [p]) => (p === "other" || p.startsWith("people.") || p.startsWith("recompute.") ? sum : sum + (t[p] ?? 0)), 0);
          return cell(phase === "other" ? Math.max(0, t.total - known) : (t[phase] ?? 0), t.total);
        })
        .join("")}`,
    );
  }
  lines.push(`${"total".padEnd(width)}${runs.map((run) => cell(times[run]?.total ?? 0, times[run]?.total ?? 1)).join("")}`);
  return lines.join("\n");
}

function phaseLine(times: PhaseTimings): string {
  return Object.entries(times)
    .filter(([phase]) => phase !== "total")
    .map(([phase, ms]) => `${phase} ${((ms ?? 0) / 1000).toFixed(2)}`)
    .join(", ");
}
