// npm run bench:strength [-- --interactions N] [--people N] [--json]
//   Generates a deterministic team history (default 2,000,000 interactions over three years, each including one
//   of the team's members; 70% 1:1, groups up to 8; Zipf-like contact frequency; group extras mostly the
//   counterpart's recurring colleagues; mixed channels and sources) and prints its shape, loads it
//   into a dedicated PostgreSQL (DATABASE_URL's server, or an embedded one in .data/bench-strength-postgres,
//   stopped at the end), then times:
//     1. the full recompute (lib/strength/recompute-all.ts) — target < 60 s;
//     2. inserting 10,000 new interactions and an import's final recompute of what they touch
//        (lib/sources/pipeline/recompute-edges.ts: path choice, then the touched pairs alone) — target < 2 s.
//   Prints a table with PASS/FAIL per target; with --json, one JSON object as the last line.
import { parseCliArgs, runCli, CliUsageError } from "../lib/cli";
import { insertColumns, memoryMb, openBenchDatabase, table } from "../../lib/paths/testing/bench-database";
import { email, generate, GROUP_SIZES, insertInteractions, MEMBER_POOL, ORG_CIRCLE, ORGANIZATIONS, teamSize, walPosition } from "./strength-dataset";
import { stableUuid } from "../../lib/seed/seed-ids";
import { createRng } from "../../lib/seed/demo/prng";
import { createPrismaClient } from "../../lib/db/client";
import { collectPhaseTimings, stopPhaseTimings, type ImportPhase } from "../../lib/sources/pipeline/phase-timings";
import { recomputeImportEdges } from "../../lib/sources/pipeline/recompute-edges";
import { recomputeAllEdges, settleRebuiltTables } from "../../lib/strength/recompute-all";

const AS_OF = new Date("2026-11-01T00:00:00Z");
const DAY_MS = 86_400_000;
const NEW_INTERACTIONS = 10_000;
const TARGET = { fullMs: 60_000, incrementalMs: 2_000 };

function integer(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw.replaceAll("_", ""));
  if (!Number.isInteger(value) || value < 1) throw new CliUsageError(`--${name} must be a positive integer, got "${raw}".`);
  return value;
}

/** The import's final recompute's phases (lib/sources/pipeline/phase-timings.ts), in order. */
const INCREMENTAL_PHASES = [
  ["final.pairs", "path choice: touched pairs estimated, new interactions read + folded"],
  ["recompute.keys", "batches, summed (they overlap, so these add up to more): people's keys"],
  ["recompute.stored.read", "batches: read stored aggregates + add to them"],
  ["recompute.history.read", "batches: read new pairs' histories in full"],
  ["recompute.mutual", "batches: mutual connections (new pairs)"],
  ["recompute.write", "batches: score + write stored aggregates and edges"],
] as const satisfies ReadonlyArray<readonly [ImportPhase, string]>;

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

runCli("bench:strength", async () => {
  const { values } = parseCliArgs({
    interactions: { type: "string" },
    people: { type: "string" },
    json: { type: "boolean", default: false },
  });
  const interactions = integer("interactions", values.interactions, 2_000_000);
  const people = integer("people", values.people, Math.max(100, Math.round(interactions / 40)));
  const log = (line: string) => console.log(line);
  const json = values.json === true;

  log(`bench:strength — ${interactions.toLocaleString("en-US")} interactions, ${people.toLocaleString("en-US")} people`);
  const dataset = {
    teamMembers: teamSize(people),
    memberContactPool: MEMBER_POOL,
    organizationCircle: ORG_CIRCLE,
    organizations: ORGANIZATIONS,
    groupSizes: Object.fromEntries(GROUP_SIZES.map(([size, share]) => [size, share])),
    years: 3,
  };
  log(
    `dataset: every interaction includes one of ${dataset.teamMembers} team members; counterpart Zipf-like over each member's ${MEMBER_POOL.toLocaleString("en-US")} ranked contacts; ` +
      `group extras mostly the counterpart's ${ORG_CIRCLE} recurring colleagues; group sizes ${GROUP_SIZES.map(([size, share]) => `${size}:${Math.round(share * 100)}%`).join(" ")}; 3 years`,
  );
  const started = performance.now();
  const bench = await openBenchDatabase("bench-strength");
  try {
    const { client } = bench;
    log(`database: ${bench.embedded ? "embedded PostgreSQL (dedicated data directory)" : "a fresh database on DATABASE_URL's server"}`);

    // Load: organizations, people, then interactions with their indexes built afterwards (bulk build).
    const loadStarted = performance.now();
    const organizations = Array.from({ length: ORGANIZATIONS }, (_, index) => index);
    await insertColumns(client, "Organization", ["id", "name", "domain", "updatedAt"], ["text", "text"], ["c1::uuid", "c2", "c2 || '.example'", "now()"], [
      organizations.map((index) => stableUuid(`bench/org/${index}`)),
      organizations.map((index) => `org${index}`),
    ]);
    const ids = Array.from({ length: people }, (_, index) => stableUuid(`bench/person/${index}`));
    await insertColumns(
      client,
      "Person",
      ["id", "names", "emails", "phones", "previousIds", "organizationId", "updatedAt"],
      ["text", "text", "text"],
      ["c1::uuid", "ARRAY[c2]", "ARRAY[c3]", "'{}'", "'{}'", "CASE WHEN right(c1, 1) < '4' THEN NULL ELSE (SELECT id FROM \"Organization\" o WHERE o.name = split_part(split_part(c3, '@', 2), '.', 1)) END", "now()"],
      [ids, ids.map((_, index) => `Person ${index}`), ids.map((_, index) => email(index))],
    );
    await client.query(`DROP INDEX IF EXISTS "Interaction_participants_idx"`);
    await client.query(`DROP INDEX IF EXISTS "Interaction_timestamp_idx"`);
    const rng = createRng(20261101);
    const CHUNK = 200_000;
    for (let done = 0; done < interactions; done += CHUNK) {
      const rows = generate(rng, people, Math.min(CHUNK, interactions - done), AS_OF.getTime() - 3 * 365 * DAY_MS, AS_OF.getTime() - 8 * DAY_MS, `h${done}`, null);
      await insertInteractions(client, rows);
      if (!json) process.stdout.write(`\r  loaded ${(done + rows.sourceId.length).toLocaleString("en-US")} interactions`);
    }
    if (!json) process.stdout.write("\n");
    await client.query(`CREATE INDEX "Interaction_participants_idx" ON "Interaction" USING GIN (participants)`);
    await client.query(`CREATE INDEX "Interaction_timestamp_idx" ON "Interaction" ("timestamp")`);
    await client.query(`VACUUM ANALYZE "Interaction"`);
    await client.query(`ANALYZE "Person"`);
    const loadMs = performance.now() - loadStarted;
    log(`loaded in ${seconds(loadMs)}`);

    // 1. Full recompute.
    const fullStarted = performance.now();
    const full = await recomputeAllEdges(client, { asOf: AS_OF });
    const fullMs = performance.now() - fullStarted;
    log(`full recompute: ${full.pairs.toLocaleString("en-US")} pairs, ${full.edges.toLocaleString("en-US")} edges in ${seconds(fullMs)}`);
    log(`dataset shape: ${(full.pairs / interactions).toFixed(2)} distinct pairs per interaction`);
    // What the nightly job does after committing (recompute-job.ts).
    const settleStarted = performance.now();
    await settleRebuiltTables(client);
    const settleMs = performance.now() - settleStarted;

    // 2. 10k new interactions (the last week), then the pairs they touch.
    const fresh = generate(createRng(7), people, NEW_INTERACTIONS, AS_OF.getTime() - 7 * DAY_MS, AS_OF.getTime(), "new", ids);
    // What the import pipeline does: the new rows are those created since the run began.
    const [{ since }] = (await client.query<{ since: Date }>(`SELECT date_trunc('milliseconds', clock_timestamp() AT TIME ZONE 'UTC') + interval '2 milliseconds' AS since`)).rows as [{ since: Date }];
    await new Promise((resolve) => setTimeout(resolve, 5));
    const insertStarted = performance.now();
    await insertInteractions(client, fresh);
    const insertMs = performance.now() - insertStarted;
    const walBefore = await walPosition(client);
    // What an import's final recompute runs, in a Prisma transaction as the pipeline's is: the path choice
    // (touched pairs estimated, then the new interactions read and folded), then the per-pair recompute.
    const db = createPrismaClient(bench.url);
    const timings = collectPhaseTimings();
    const incrementalStarted = performance.now();
    const incremental = await db.$transaction((tx) => recomputeImportEdges(tx, { since }, AS_OF), { timeout: 600_000, maxWait: 60_000 });
    const incrementalMs = performance.now() - incrementalStarted;
    stopPhaseTimings();
    await db.$disconnect();
    const walAfter = await walPosition(client);
    const incrementalWal = { mb: Math.round((walAfter.bytes - walBefore.bytes) / 1e6), checkpoints: walAfter.checkpoints - walBefore.checkpoints };
    const incrementalPairs = incremental.edges / 2;
    log(`incremental: ${incrementalWal.mb} MB of WAL written, ${incrementalWal.checkpoints} checkpoint(s) meanwhile`);
    log(
      `incremental (${incremental.path === "pairs" ? "the touched pairs alone" : "every edge rebuilt"}): ${fresh.pairs.size.toLocaleString("en-US")} touched pairs ` +
        `(${incremental.addedTo.toLocaleString("en-US")} added to their stored aggregates, ${(incrementalPairs - incremental.addedTo).toLocaleString("en-US")} read in full), ` +
        `${incremental.edges.toLocaleString("en-US")} edges in ${seconds(incrementalMs)}`,
    );

    // 3. The nightly case: a full recompute a day later, when every edge already exists (ids are kept).
    await client.query(`ANALYZE "Edge"`);
    const nightlyStarted = performance.now();
    const nightly = await recomputeAllEdges(client, { asOf: new Date(AS_OF.getTime() + DAY_MS) });
    const nightlyMs = performance.now() - nightlyStarted;
    log(`full recompute a day later: ${nightly.pairs.toLocaleString("en-US")} pairs in ${seconds(nightlyMs)}`);

    const [counts] = (await client.query<{ edges: number; interactions: number }>(
      `SELECT (SELECT count(*)::int FROM "Edge") AS edges, (SELECT count(*)::int FROM "Interaction") AS interactions`,
    )).rows;
    const verdict = (ms: number, target: number): string => (ms < target ? "PASS" : "FAIL");
    const rows = [
      ["step", "rows", "time", "target", "result"],
      ["load (not a target)", `${interactions.toLocaleString("en-US")} interactions`, seconds(loadMs), "", ""],
      ["full recompute", `${full.pairs.toLocaleString("en-US")} pairs → ${full.edges.toLocaleString("en-US")} edges`, seconds(fullMs), "< 60 s", verdict(fullMs, TARGET.fullMs)],
      ["  read + aggregate interactions", "", seconds(full.timings.aggregateMs), "", ""],
      ["  mutual connections + overrides", "", seconds(full.timings.mutualMs), "", ""],
      ["  score + write (cursor batches)", "", seconds(full.timings.writeMs), "", ""],
      ["  indexes, foreign keys, swap", "", seconds(full.timings.swapMs), "", ""],
      ["  then VACUUM (ANALYZE) of both (the job, after commit; not timed above)", "", seconds(settleMs), "", ""],
      ["full recompute a day later (edges exist)", `${nightly.pairs.toLocaleString("en-US")} pairs → ${nightly.edges.toLocaleString("en-US")} edges`, seconds(nightlyMs), "< 60 s", verdict(nightlyMs, TARGET.fullMs)],
      ["  read + aggregate interactions", "", seconds(nightly.timings.aggregateMs), "", ""],
      ["  score + write (cursor batches)", "", seconds(nightly.timings.writeMs), "", ""],
      ["  indexes, foreign keys, swap", "", seconds(nightly.timings.swapMs), "", ""],
      ["insert 10k interactions (not a target)", `${fresh.sourceId.length.toLocaleString("en-US")} interactions`, seconds(insertMs), "", ""],
      ["incremental recompute", `${fresh.pairs.size.toLocaleString("en-US")} pairs → ${incremental.edges.toLocaleString("en-US")} edges`, seconds(incrementalMs), "< 2 s", verdict(incrementalMs, TARGET.incrementalMs)],
      ...INCREMENTAL_PHASES.map(([phase, label]) => [`  ${label}`, "", seconds(timings[phase] ?? 0), "", ""]),
    ];
    log("");
    log(table(rows));
    log(`\n${counts?.interactions.toLocaleString("en-US")} interactions, ${counts?.edges.toLocaleString("en-US")} edges stored; peak RSS ${memoryMb()} MB; total ${seconds(performance.now() - started)}`);
    const pass = fullMs < TARGET.fullMs && nightlyMs < TARGET.fullMs && incrementalMs < TARGET.incrementalMs;
    if (json) {
      console.log(
        JSON.stringify({
          benchmark: "strength",
          interactions,
          people,
          database: bench.embedded ? "embedded" : "external",
          dataset: { ...dataset, pairs: full.pairs, pairsPerInteraction: Number((full.pairs / interactions).toFixed(3)) },
          loadMs: Math.round(loadMs),
          full: { pairs: full.pairs, edges: full.edges, ms: Math.round(fullMs), targetMs: TARGET.fullMs, pass: fullMs < TARGET.fullMs, timings: full.timings },
          nightly: { pairs: nightly.pairs, edges: nightly.edges, ms: Math.round(nightlyMs), targetMs: TARGET.fullMs, pass: nightlyMs < TARGET.fullMs, timings: nightly.timings },
          incremental: {
            newInteractions: fresh.sourceId.length,
            touchedPairs: fresh.pairs.size,
            edges: incremental.edges,
            insertMs: Math.round(insertMs),
            ms: Math.round(incrementalMs),
            path: incremental.path,
            addedToStoredAggregates: incremental.addedTo,
            readInFull: incrementalPairs - incremental.addedTo,
            phasesMs: Object.fromEntries(INCREMENTAL_PHASES.map(([phase]) => [phase, Math.round(timings[phase] ?? 0)])),
            wal: incrementalWal,
            targetMs: TARGET.incrementalMs,
            pass: incrementalMs < TARGET.incrementalMs,
          },
          pass,
        }),
      );
    }
    return pass ? 0 : 1;
  } finally {
    await bench.stop();
  }
});
