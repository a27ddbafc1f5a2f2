// npm run bench:resolution -- [--sizes 10000,100000] [--seed 1 | --seeds 1,2,3,4,5] [--db] [--db-size 10000] [--json]
//   Entity-resolution benchmark on the deterministic labelled population (lib/identity/generator): for
//   each size, resolves the records end to end in memory (normalize → block → score → estimate the prior
//   → cluster → review candidates: resolveIdentities, the same pipeline resolvePeople runs on database
//   rows) and prints pairwise precision / recall / F1 for auto-merge alone and for auto-merge plus every
//   review candidate approved, the ceiling a perfect reviewer would reach, the share of true pairs blocking
//   proposes (measured outside the timed run), and throughput, against the
//   targets (PASS/FAIL). --db also times resolvePeople against PostgreSQL (DATABASE_URL's server, or an
//   embedded one under WIG_DATA_DIR): load people, score, merge each auto cluster in its own transaction
//   with snapshot and audit, queue candidates. --seeds runs several populations of the same noise and adds
//   their mean per size (one seed is one sample of the generator; the targets are still checked per seed).
//   --json prints one JSON object as the last line.
import { cpus, loadavg } from "node:os";
import { newCorrelationId, runInOperation } from "../../lib/audit/correlation";
import { blockingRecall } from "../../lib/identity/generator/blocking-recall";
import { evaluateResolution, type PairwiseScores } from "../../lib/identity/generator/evaluate";
import { generatePopulation } from "../../lib/identity/generator/generate-population";
import { resolveIdentities } from "../../lib/identity/matching/resolve-identities";
import { CliUsageError, parseCliArgs, runCli } from "../lib/cli";

const TARGETS = { autoPrecision: 0.999, reviewF1: 0.97, seconds100k: 60 };

interface SizeResult {
  records: number;
  seed: number;
  people: number;
  seconds: number;
  /** CPU time of the process during the run (user + system): what the machine's other load does not inflate. */
  cpuSeconds: number;
  recordsPerSecond: number;
  auto: PairwiseScores;
  autoPlusReview: PairwiseScores;
  perfectReviewer: PairwiseScores;
  reviewCandidates: number;
  candidatePairs: number;
  /** Share of true record pairs that blocking proposes at all (measured outside the timed run). */
  blockingRecall: number;
  lambda: number;
  checks: { autoPrecision: boolean; reviewF1: boolean; time: boolean | null };
  /** 1-minute load average before and after: wall time on a shared machine is only meaningful with it. */
  loadAverage: [number, number];
}

interface DbResult {
  records: number;
  seconds: number;
  autoMerged: number;
  queued: number;
  dropped: number;
  timings: Record<string, number>;
  auto: PairwiseScores;
  autoPlusReview: PairwiseScores;
}

function runSize(records: number, seed: number): SizeResult {
  const population = generatePopulation({ records, seed });
  global.gc?.();
  const loadBefore = loadavg()[0] ?? 0;
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result = resolveIdentities(population.records);
  const seconds = (performance.now() - started) / 1000;
  const cpuUsed = process.cpuUsage(cpu);
  const cpuSeconds = (cpuUsed.user + cpuUsed.system) / 1e6;
  const evaluation = evaluateResolution(population.records, result);
  const blocking = blockingRecall(population.records);
  return {
    records,
    seed,
    people: population.entityCount,
    seconds,
    cpuSeconds,
    recordsPerSecond: records / seconds,
    auto: evaluation.auto,
    autoPlusReview: evaluation.autoPlusReview,
    perfectReviewer: evaluation.autoPlusCorrectReview,
    reviewCandidates: result.reviewCandidates.length,
    candidatePairs: result.stats.candidatePairs,
    blockingRecall: blocking.recall,
    lambda: result.stats.lambda,
    loadAverage: [loadBefore, loadavg()[0] ?? 0],
    checks: {
      autoPrecision: evaluation.auto.precision >= TARGETS.autoPrecision,
      reviewF1: evaluation.autoPlusReview.f1 >= TARGETS.reviewF1,
      time: records >= 100_000 ? seconds < TARGETS.seconds100k * (records / 100_000) : null,
    },
  };
}

/** resolvePeople against a fresh PostgreSQL database holding the generated records as people. */
async function runDatabase(records: number, seed: number, notice: (line: string) => void): Promise<DbResult> {
  const { startTestDatabase } = await import("../../lib/testing/test-database");
  const { createPrismaClient } = await import("../../lib/db/client");
  const { insertPopulation } = await import("../../lib/identity/testing/insert-population");
  const { resolvePeople } = await import("../../lib/identity/resolve/resolve-people");
  const database = await startTestDatabase("wig_bench_resolution", { instance: "bench-postgres" });
  const db = createPrismaClient(database.url);
  try {
    const population = generatePopulation({ records, seed });
    notice(`db: inserting ${records} records…`);
    const { personOf } = await insertPopulation(db, population.records);
    notice("db: resolving…");
    const started = performance.now();
    const result = await runInOperation({ correlationId: newCorrelationId("bench"), actorId: null }, () => resolvePeople(db, {}));
    const seconds = (performance.now() - started) / 1000;
    // Evaluate what the database now holds: people (after merges) and pending candidates.
    const recordOf = new Map([...personOf].map(([record, person]) => [person, record]));
    const identities = await db.personIdentity.findMany({ select: { personId: true, sourceId: true } });
    const clusters = new Map<string, string[]>();
    for (const identity of identities) clusters.set(identity.personId, [...(clusters.get(identity.personId) ?? []), identity.sourceId]);
    const candidates = await db.mergeCandidate.findMany({ where: { status: "pending" }, select: { personAId: true, personBId: true } });
    const firstRecord = (personId: string) => clusters.get(personId)?.[0] ?? recordOf.get(personId) ?? "";
    const evaluation = evaluateResolution(population.records, {
      clusters: [...clusters.values()].map((recordIds) => ({ recordIds })),
      reviewCandidates: candidates.map((candidate) => ({ a: firstRecord(candidate.personAId), b: firstRecord(candidate.personBId) })),
    });
    return {
      records,
      seconds,
      autoMerged: result.autoMerged,
      queued: result.queued,
      dropped: result.dropped,
      timings: result.timings,
      auto: evaluation.auto,
      autoPlusReview: evaluation.autoPlusReview,
    };
  } finally {
    await db.$disconnect();
    await database.stop();
  }
}

const pct = (value: number) => value.toFixed(4);

interface SizeMean {
  records: number;
  seeds: number;
  auto: PairwiseScores;
  autoPlusReview: PairwiseScores;
  perfectReviewer: PairwiseScores;
  lowestReviewF1: number;
}

/** Per size, the mean of each score over the seeds run (only when more than one seed ran). */
function meansBySize(results: readonly SizeResult[]): SizeMean[] {
  const sizes = [...new Set(results.map((r) => r.records))];
  return sizes.flatMap((records) => {
    const runs = results.filter((r) => r.records === records);
    if (runs.length < 2) return [];
    const mean = (pick: (r: SizeResult) => PairwiseScores): PairwiseScores => {
      const average = (key: keyof PairwiseScores) => runs.reduce((sum, r) => sum + pick(r)[key], 0) / runs.length;
      return {
        precision: average("precision"),
        recall: average("recall"),
        f1: average("f1"),
        truePositives: average("truePositives"),
        predictedPairs: average("predictedPairs"),
        truePairs: average("truePairs"),
      };
    };
    return [{
      records,
      seeds: runs.length,
      auto: mean((r) => r.auto),
      autoPlusReview: mean((r) => r.autoPlusReview),
      perfectReviewer: mean((r) => r.perfectReviewer),
      lowestReviewF1: Math.min(...runs.map((r) => r.autoPlusReview.f1)),
    }];
  });
}
const pass = (ok: boolean | null) => (ok === null ? "  —  " : ok ? "PASS" : "FAIL");

function printTable(results: SizeResult[], db: DbResult | null): void {
  console.log("Entity resolution benchmark (generator default noise; pairwise scores over true/predicted same-person pairs)");
  console.log("End to end = resolveIdentities in memory: normalize, block, score, estimate prior, cluster, review candidates.");
  console.log("blocked R = share of true record pairs that blocking proposes at all (the rest can only join through other records).");
  console.log("");
  const header = ["records", "seed", "people", "wall s", "cpu s", "rec/s", "auto P", "auto R", "auto F1", "+review P", "+review R", "+review F1", "perfect F1", "blocked R", "queue"];
  console.log(header.map((cell) => cell.padStart(11)).join(""));
  for (const r of results) {
    console.log(
      [r.records, r.seed, r.people, r.seconds.toFixed(1), r.cpuSeconds.toFixed(1), Math.round(r.recordsPerSecond), pct(r.auto.precision), pct(r.auto.recall), pct(r.auto.f1), pct(r.autoPlusReview.precision), pct(r.autoPlusReview.recall), pct(r.autoPlusReview.f1), pct(r.perfectReviewer.f1), pct(r.blockingRecall), r.reviewCandidates]
        .map((cell) => String(cell).padStart(11))
        .join(""),
    );
  }
  const means = meansBySize(results);
  for (const m of means) {
    console.log([m.records, "mean", "", "", "", "", pct(m.auto.precision), pct(m.auto.recall), pct(m.auto.f1), pct(m.autoPlusReview.precision), pct(m.autoPlusReview.recall), pct(m.autoPlusReview.f1), pct(m.perfectReviewer.f1), "", ""].map((cell) => String(cell).padStart(11)).join(""));
  }
  console.log("");
  console.log("targets (per seed)");
  for (const r of results) {
    const label = means.length > 0 ? `seed ${r.seed}` : "";
    console.log(`  ${String(r.records).padStart(7)} ${label} auto-merge precision ${pct(r.auto.precision)} ≥ ${TARGETS.autoPrecision}  ${pass(r.checks.autoPrecision)}`);
    console.log(`  ${String(r.records).padStart(7)} ${label} F1 auto + review      ${pct(r.autoPlusReview.f1)} ≥ ${TARGETS.reviewF1}   ${pass(r.checks.reviewF1)}`);
    if (r.checks.time !== null) console.log(`  ${String(r.records).padStart(7)} ${label} end to end            ${r.seconds.toFixed(1)} s wall (${r.cpuSeconds.toFixed(1)} s CPU, load average ${r.loadAverage.map((value) => value.toFixed(1)).join("→")} on ${cpus().length} cores) < ${TARGETS.seconds100k} s    ${pass(r.checks.time)}`);
  }
  for (const m of means) {
    console.log(`  ${String(m.records).padStart(7)}  mean of ${m.seeds} seeds: auto-merge precision ${pct(m.auto.precision)} (≥ ${TARGETS.autoPrecision} ${pass(m.auto.precision >= TARGETS.autoPrecision)}), F1 auto + review ${pct(m.autoPlusReview.f1)} (≥ ${TARGETS.reviewF1} ${pass(m.autoPlusReview.f1 >= TARGETS.reviewF1)}), lowest ${pct(m.lowestReviewF1)}`);
  }
  if (db) {
    console.log("");
    console.log(`PostgreSQL: resolvePeople over ${db.records} people in ${db.seconds.toFixed(1)} s (${Object.entries(db.timings).map(([k, v]) => `${k} ${v}`).join(" · ")})`);
    console.log(`  auto-merged ${db.autoMerged} · queued ${db.queued} · dropped ${db.dropped}`);
    console.log(`  auto P ${pct(db.auto.precision)} R ${pct(db.auto.recall)} · auto + review P ${pct(db.autoPlusReview.precision)} R ${pct(db.autoPlusReview.recall)} F1 ${pct(db.autoPlusReview.f1)}`);
  }
}

runCli("bench:resolution", async () => {
  const { values } = parseCliArgs({
    sizes: { type: "string", default: "10000,100000" },
    seed: { type: "string", default: "1" },
    seeds: { type: "string" },
    db: { type: "boolean", default: false },
    "db-size": { type: "string", default: "10000" },
    json: { type: "boolean", default: false },
  });
  const sizes = values.sizes.split(",").map((size) => Number(size.trim()));
  if (sizes.some((size) => !Number.isInteger(size) || size < 10)) throw new CliUsageError("--sizes must be a comma-separated list of record counts, e.g. 10000,100000");
  const seeds = (values.seeds ?? values.seed).split(",").map((value) => Number(value.trim()));
  if (seeds.length === 0 || seeds.some((value) => !Number.isInteger(value) || value < 0)) throw new CliUsageError("--seed / --seeds take whole numbers, e.g. --seeds 1,2,3,4,5");
  const seed = seeds[0] as number;
  const dbSize = Number(values["db-size"]);
  const notice = (line: string) => (values.json ? console.error(line) : console.log(line));
  const results: SizeResult[] = [];
  for (const size of sizes) {
    for (const each of seeds) {
      notice(`resolving ${size} records (seed ${each})…`);
      results.push(runSize(size, each));
    }
  }
  const db = values.db ? await runDatabase(dbSize, seed, notice) : null;
  const ok = results.every((r) => r.checks.autoPrecision && r.checks.reviewF1 && r.checks.time !== false);
  if (values.json) console.log(JSON.stringify({ seed, seeds, targets: TARGETS, pass: ok, results, means: meansBySize(results), db }));
  else printTable(results, db);
  return 0;
});
