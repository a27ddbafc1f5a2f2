// npm run bench:paths [-- --people N --edges M --queries Q --cte-queries C --json]
//   A generated graph (default 100,000 people and 1,000,000 directed edges: power-law degrees, 20 hubs of
//   several thousand, 5,000 organizations) loaded into a dedicated PostgreSQL (DATABASE_URL's server or an
//   embedded one in .data/bench-paths-postgres, stopped at the end). Measures the snapshot build with the
//   real loadGraphSnapshot, then the same top-5, 3-hop queries three ways: the in-memory search
//   (findIntroPaths), the best SQL (meet-in-the-middle over covering indexes built for it) and a plain recursive CTE
//   (sampled: it takes seconds from hubs). Checks that all three return the same top-k path strengths.
//   Table with PASS/FAIL per target; --json prints one JSON object as the last line.
import { createPrismaClient } from "../../lib/db/client";
import { findIntroPaths } from "../../lib/paths/find-intro-paths";
import { loadGraphSnapshot } from "../../lib/paths/snapshot-store";
import { insertColumns, openBenchDatabase, percentile, table } from "../../lib/paths/testing/bench-database";
import { createRng } from "../../lib/seed/demo/prng";
import { stableUuid } from "../../lib/seed/seed-ids";
import { CliUsageError, parseCliArgs, runCli } from "../lib/cli";

const K = 5;
const HOPS = 3;
const HUBS = 20;
const TARGETS = { personP95: 2, orgP95: 15, buildMs: 5_000, mitmRatio: 10, cteRatio: 100 };

function integer(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw.replaceAll("_", ""));
  if (!Number.isInteger(value) || value < 1) throw new CliUsageError(`--${name} must be a positive integer, got "${raw}".`);
  return value;
}

// Meet in the middle: the source's out-edges (and one hop further) joined with the target's in-edges, over
// bench_edge_from_to_covering / bench_edge_to_from_covering (built below). $3 = organization id or null
// (then $2 is the person).
const MITM_SQL = `
  WITH ends AS (
    SELECT id FROM "Person" WHERE $3::uuid IS NULL AND id = $2::uuid
    UNION ALL SELECT id FROM "Person" WHERE "organizationId" = $3::uuid AND id <> $1::uuid AND "deletedAt" IS NULL
  ), s1 AS (
    SELECT e."toPersonId" AS x, e.strength AS sx FROM "Edge" e WHERE e."fromPersonId" = $1::uuid AND e.strength > 0
  ), t1 AS (
    SELECT e."fromPersonId" AS y, e."toPersonId" AS t, e.strength AS yt FROM "Edge" e JOIN ends ON ends.id = e."toPersonId"
     WHERE e."fromPersonId" <> $1::uuid AND e.strength > 0 AND e."fromPersonId" NOT IN (SELECT id FROM ends)
  )
  SELECT score FROM (
    SELECT s1.sx AS score FROM s1 JOIN ends ON ends.id = s1.x
    UNION ALL
    SELECT s1.sx * t1.yt FROM s1 JOIN t1 ON t1.y = s1.x
    UNION ALL
    SELECT s1.sx * e.strength * t1.yt FROM s1 JOIN "Edge" e ON e."fromPersonId" = s1.x JOIN t1 ON t1.y = e."toPersonId"
     WHERE s1.x NOT IN (SELECT id FROM ends) AND e."toPersonId" <> $1::uuid AND e."toPersonId" <> t1.t AND e.strength > 0
  ) paths ORDER BY score DESC LIMIT ${K}`;

// The plain recursive CTE: every simple path from the source up to 3 hops, stopping at the target.
const CTE_SQL = `
  WITH RECURSIVE ends AS (
    SELECT id FROM "Person" WHERE $3::uuid IS NULL AND id = $2::uuid
    UNION ALL SELECT id FROM "Person" WHERE "organizationId" = $3::uuid AND id <> $1::uuid AND "deletedAt" IS NULL
  ), walk(node, path, score, hops, done) AS (
    SELECT e."toPersonId", ARRAY[e."fromPersonId", e."toPersonId"], e.strength, 1, e."toPersonId" IN (SELECT id FROM ends)
      FROM "Edge" e WHERE e."fromPersonId" = $1::uuid AND e.strength > 0
    UNION ALL
    SELECT e."toPersonId", w.path || e."toPersonId", w.score * e.strength, w.hops + 1, e."toPersonId" IN (SELECT id FROM ends)
      FROM walk w JOIN "Edge" e ON e."fromPersonId" = w.node
     WHERE w.hops < ${HOPS} AND NOT w.done AND e.strength > 0 AND NOT e."toPersonId" = ANY(w.path)
  )
  SELECT score FROM walk WHERE done ORDER BY score DESC LIMIT ${K}`;

interface Query {
  group: "person/ordinary" | "person/hub" | "org/ordinary" | "org/hub";
  from: string;
  person: string | null;
  organization: string | null;
}

const ms = (value: number): string => (Number.isFinite(value) ? (value >= 100 ? value.toFixed(0) : value.toFixed(value >= 10 ? 1 : 3)) : "—");

runCli("bench:paths", async () => {
  const { values } = parseCliArgs({
    people: { type: "string" },
    edges: { type: "string" },
    queries: { type: "string" },
    "cte-queries": { type: "string" },
    json: { type: "boolean", default: false },
  });
  const people = integer("people", values.people, 100_000);
  const edgeTarget = integer("edges", values.edges, 1_000_000);
  const queriesPerGroup = integer("queries", values.queries, 200);
  const cteQueries = integer("cte-queries", values["cte-queries"], 5);
  const json = values.json === true;
  const log = (line: string) => console.log(line);
  log(`bench:paths — ${people.toLocaleString("en-US")} people, ${edgeTarget.toLocaleString("en-US")} directed edges, ${queriesPerGroup} queries per group`);

  const bench = await openBenchDatabase("bench-paths");
  const db = createPrismaClient(bench.url);
  try {
    const { client } = bench;
    // ---- Generate and load.
    const loadStarted = performance.now();
    const rng = createRng(424242);
    const organizations = Math.max(10, Math.round(people / 20));
    const orgIds = Array.from({ length: organizations }, (_, index) => stableUuid(`bench-paths/org/${index}`));
    const ids = Array.from({ length: people }, (_, index) => stableUuid(`bench-paths/person/${index}`));
    const orgOf = ids.map(() => (rng.chance(0.8) ? Math.floor(organizations * rng.next() ** 2) : -1));
    await insertColumns(client, "Organization", ["id", "name", "updatedAt"], ["text"], ["c1::uuid", "'Org ' || c1", "now()"], [orgIds]);
    await insertColumns(client, "Person", ["id", "names", "emails", "phones", "previousIds", "organizationId", "updatedAt"], ["text", "text"], [
      "c1::uuid", "ARRAY['Person']", "'{}'", "'{}'", "'{}'", "c2::uuid", "now()",
    ], [ids, orgOf.map((org) => (org < 0 ? null : orgIds[org]))]);
    // Undirected pairs, both directions stored (as WIG does): one end a hub 15% of the time, otherwise both
    // ends drawn with a heavy skew, so degrees follow a power law and 20 hubs hold several thousand edges.
    const seen = new Set<number>();
    const from: string[] = [];
    const to: string[] = [];
    const strength: number[] = [];
    while (from.length < edgeTarget) {
      const a = rng.chance(0.15) ? rng.int(0, HUBS - 1) : Math.floor(people * rng.next() ** 2.2);
      const b = Math.floor(people * rng.next() ** 1.3);
      if (a === b) continue;
      const key = Math.min(a, b) * people + Math.max(a, b);
      if (seen.has(key)) continue;
      seen.add(key);
      const s = Math.round((0.05 + 0.95 * rng.next() ** 2) * 1e6) / 1e6;
      from.push(ids[a] as string, ids[b] as string);
      to.push(ids[b] as string, ids[a] as string);
      strength.push(s, s);
    }
    const edgeIndexes = await client.query<{ indexname: string; indexdef: string }>(
      `SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'Edge' AND indexname <> 'Edge_pkey'`,
    );
    for (const index of edgeIndexes.rows) await client.query(`DROP INDEX "${index.indexname}"`);
    await insertColumns(
      client,
      "Edge",
      ["id", "fromPersonId", "toPersonId", "relationshipType", "strength", "sources", "channels", "interactionCount", "updatedAt"],
      ["text", "text", "float8"],
      ["gen_random_uuid()", "c1::uuid", "c2::uuid", "'knows'", "c3", "'{}'", "'{}'", "1", "now()"],
      [from, to, strength],
      50_000,
    );
    for (const index of edgeIndexes.rows) await client.query(index.indexdef);
    await client.query(`VACUUM ANALYZE "Edge"`);
    await client.query(`ANALYZE "Person"`);
    const loadMs = performance.now() - loadStarted;
    log(`loaded in ${(loadMs / 1000).toFixed(1)} s`);

    // ---- Snapshot build with the real loader.
    global.gc?.();
    const before = process.memoryUsage();
    const buildStarted = performance.now();
    const snapshot = await loadGraphSnapshot(db);
    const buildMs = performance.now() - buildStarted;
    global.gc?.();
    const after = process.memoryUsage();
    const typedArrayMb =
      (snapshot.out.offsets.byteLength + snapshot.out.targets.byteLength + snapshot.out.strengths.byteLength + snapshot.out.costs.byteLength) * 2 / 1024 / 1024;
    const heapMb = (after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers) / 1024 / 1024;

    // The SQL baselines get the indexes the best SQL wants, (from, to) and (to, from) covering strength, for
    // index-only scans. WIG's schema does not have them (they would block in-place updates of every edge a
    // recompute rewrites, and the app answers paths from the snapshot), so they are built here, after the
    // snapshot build was measured on the schema as it is.
    await client.query(`CREATE INDEX "bench_edge_from_to_covering" ON "Edge" ("fromPersonId", "toPersonId") INCLUDE (strength)`);
    await client.query(`CREATE INDEX "bench_edge_to_from_covering" ON "Edge" ("toPersonId", "fromPersonId") INCLUDE (strength)`);
    await client.query(`VACUUM ANALYZE "Edge"`);

    // ---- Queries.
    const degree = new Int32Array(people);
    for (const id of from) degree[snapshot.indexOf.get(id) ?? 0] = (degree[snapshot.indexOf.get(id) ?? 0] as number) + 1;
    const hubs = ids.slice(0, HUBS);
    const ordinary = () => {
      for (;;) {
        const index = rng.int(HUBS, people - 1);
        if ((degree[snapshot.indexOf.get(ids[index] as string) ?? 0] as number) > 0) return ids[index] as string;
      }
    };
    const orgsWithMembers = [...snapshot.membersByOrganization.entries()].filter(([, members]) => members.length >= 2).map(([id]) => id);
    const queries: Query[] = [];
    for (let q = 0; q < queriesPerGroup; q += 1) {
      const targetPerson = () => ids[rng.int(0, people - 1)] as string;
      const pOrd = ordinary();
      queries.push({ group: "person/ordinary", from: pOrd, person: targetPerson(), organization: null });
      queries.push({ group: "person/hub", from: rng.pick(hubs), person: targetPerson(), organization: null });
      queries.push({ group: "org/ordinary", from: ordinary(), person: null, organization: rng.pick(orgsWithMembers) });
      queries.push({ group: "org/hub", from: rng.pick(hubs), person: null, organization: rng.pick(orgsWithMembers) });
    }
    const groups = ["person/ordinary", "person/hub", "org/ordinary", "org/hub"] as const;
    const times = { memory: new Map<string, number[]>(), mitm: new Map<string, number[]>(), cte: new Map<string, number[]>() };
    for (const map of Object.values(times)) for (const group of groups) map.set(group, []);
    let mismatchesMitm = 0;
    let mismatchesCte = 0;
    let cteTimeouts = 0;
    const mismatchExamples: string[] = [];
    const cteDone = new Map<string, number>(groups.map((group) => [group, 0]));
    await client.query(`SET statement_timeout = '20s'`);
    const same = (left: number[], right: number[]): boolean => left.length === right.length && left.every((value, index) => Math.abs(value - (right[index] as number)) <= 1e-9);

    // Warm up the JIT on a few queries before measuring (each query is then measured once).
    for (const query of queries.slice(0, 100)) {
      if (query.person === query.from) continue;
      const target = query.person ? { kind: "person" as const, personId: query.person } : { kind: "organization" as const, organizationId: query.organization as string };
      findIntroPaths(snapshot, { from: query.from, to: target, k: K, maxHops: HOPS, nearest: false });
    }
    for (const [index, query] of queries.entries()) {
      if (query.person === query.from) continue;
      const target = query.person ? { kind: "person" as const, personId: query.person } : { kind: "organization" as const, organizationId: query.organization as string };
      const started = performance.now();
      const result = findIntroPaths(snapshot, { from: query.from, to: target, k: K, maxHops: HOPS, nearest: false });
      times.memory.get(query.group)?.push(performance.now() - started);
      const scores = result.paths.map((path) => path.hops.reduce((product, hop) => product * hop.strength, 1)).sort((x, y) => y - x);

      const params = [query.from, query.person, query.organization];
      const mitmStarted = performance.now();
      const mitm = (await client.query<{ score: number }>(MITM_SQL, params)).rows.map((row) => Number(row.score));
      times.mitm.get(query.group)?.push(performance.now() - mitmStarted);
      if (!same(scores, mitm)) {
        mismatchesMitm += 1;
        if (mismatchExamples.length < 5) mismatchExamples.push(`MITM ${query.group} #${index}: memory ${scores.join(",")} vs sql ${mitm.join(",")}`);
      }
      if ((cteDone.get(query.group) ?? 0) < cteQueries) {
        cteDone.set(query.group, (cteDone.get(query.group) ?? 0) + 1);
        const cteStarted = performance.now();
        try {
          const cte = (await client.query<{ score: number }>(CTE_SQL, params)).rows.map((row) => Number(row.score));
          times.cte.get(query.group)?.push(performance.now() - cteStarted);
          if (!same(scores, cte)) {
            mismatchesCte += 1;
            if (mismatchExamples.length < 5) mismatchExamples.push(`CTE ${query.group} #${index}: memory ${scores.join(",")} vs sql ${cte.join(",")}`);
          }
        } catch (error) {
          cteTimeouts += 1;
          times.cte.get(query.group)?.push(Number.POSITIVE_INFINITY);
          if (!/statement timeout/i.test(String(error))) throw error;
        }
      }
      if (!json && index % 50 === 0) process.stdout.write(`\r  query ${index + 1}/${queries.length}`);
    }
    if (!json) process.stdout.write("\n");

    const stats = (values: number[]) => {
      const sorted = [...values].sort((x, y) => x - y);
      return { n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
    };
    const merged = (map: Map<string, number[]>, kind: "person" | "org") => stats([...(map.get(`${kind}/ordinary`) ?? []), ...(map.get(`${kind}/hub`) ?? [])]);
    const summary = groups.map((group) => ({ group, memory: stats(times.memory.get(group) ?? []), mitm: stats(times.mitm.get(group) ?? []), cte: stats(times.cte.get(group) ?? []) }));
    const kinds = (["person", "org"] as const).map((kind) => {
      const memory = merged(times.memory, kind);
      const mitm = merged(times.mitm, kind);
      const cte = merged(times.cte, kind);
      return { kind, memory, mitm, cte, mitmRatio: mitm.p95 / memory.p95, cteRatio: cte.p95 / memory.p95 };
    });
    const person = kinds[0] as (typeof kinds)[number];
    const org = kinds[1] as (typeof kinds)[number];
    const verdict = (ok: boolean) => (ok ? "PASS" : "FAIL");
    const checks = [
      ["snapshot build", `${(buildMs / 1000).toFixed(2)} s`, "≤ 5 s", verdict(buildMs <= TARGETS.buildMs)],
      ["person-target p95 (in memory)", `${ms(person.memory.p95)} ms`, "≤ 2 ms", verdict(person.memory.p95 <= TARGETS.personP95)],
      ["org-target p95 (in memory)", `${ms(org.memory.p95)} ms`, "≤ 15 ms", verdict(org.memory.p95 <= TARGETS.orgP95)],
      ["vs meet-in-the-middle SQL at p95 (person / org)", `${person.mitmRatio.toFixed(1)}× / ${org.mitmRatio.toFixed(1)}×`, "≥ 10×", verdict(person.mitmRatio >= TARGETS.mitmRatio && org.mitmRatio >= TARGETS.mitmRatio)],
      ["vs recursive CTE at p95 (person / org)", `${person.cteRatio.toFixed(0)}× / ${org.cteRatio.toFixed(0)}×`, "≥ 100×", verdict(person.cteRatio >= TARGETS.cteRatio && org.cteRatio >= TARGETS.cteRatio)],
      ["top-k agreement (MITM / CTE mismatches)", `${mismatchesMitm} / ${mismatchesCte}`, "0 / 0", verdict(mismatchesMitm === 0 && mismatchesCte === 0)],
    ];
    log(`\nsnapshot: ${snapshot.ids.length.toLocaleString("en-US")} people, ${snapshot.out.targets.length.toLocaleString("en-US")} edges, built in ${(buildMs / 1000).toFixed(2)} s; ` +
      `${typedArrayMb.toFixed(0)} MB of CSR arrays, heap + array buffers +${heapMb.toFixed(0)} MB${global.gc ? "" : " (without --expose-gc: approximate)"}`);
    log(`hubs: out-degree ${[...hubs].map((id) => degree[snapshot.indexOf.get(id) ?? 0] ?? 0).sort((x, y) => y - x).slice(0, 3).join(", ")} … (top 3 of ${HUBS})\n`);
    log(table([
      ["group", "n", "memory p50/p95/p99 ms", "MITM SQL p50/p95/p99 ms", `CTE n`, "CTE p50/p95/p99 ms"],
      ...summary.map((row) => [
        row.group, String(row.memory.n),
        `${ms(row.memory.p50)} / ${ms(row.memory.p95)} / ${ms(row.memory.p99)}`,
        `${ms(row.mitm.p50)} / ${ms(row.mitm.p95)} / ${ms(row.mitm.p99)}`,
        String(row.cte.n),
        `${ms(row.cte.p50)} / ${ms(row.cte.p95)} / ${ms(row.cte.p99)}`,
      ]),
    ]));
    log(`\nThe recursive CTE ran on the first ${cteQueries} queries of each group only (${cteTimeouts} hit the 20 s timeout, counted as ∞).`);
    log("");
    log(table([["target", "measured", "target", "result"], ...checks]));
    for (const example of mismatchExamples) log(`  mismatch: ${example}`);
    const pass = checks.every((row) => row[3] === "PASS");
    if (json) {
      console.log(JSON.stringify({
        benchmark: "paths",
        people,
        edges: snapshot.out.targets.length,
        queriesPerGroup,
        cteQueriesPerGroup: cteQueries,
        loadMs: Math.round(loadMs),
        snapshot: { buildMs: Math.round(buildMs), typedArrayMb: Math.round(typedArrayMb), heapDeltaMb: Math.round(heapMb) },
        groups: summary,
        targets: kinds.map((kind) => ({ kind: kind.kind, memoryP95: kind.memory.p95, mitmP95: kind.mitm.p95, cteP95: kind.cte.p95, mitmRatio: kind.mitmRatio, cteRatio: kind.cteRatio })),
        agreement: { mitmMismatches: mismatchesMitm, cteMismatches: mismatchesCte, cteTimeouts },
        checks: checks.map(([name, measured, target, result]) => ({ name, measured, target, pass: result === "PASS" })),
        pass,
      }));
    }
    return pass ? 0 : 1;
  } finally {
    await db.$disconnect().catch(() => undefined);
    await bench.stop();
  }
});
