// Recomputes Edge rows from interactions, set-based (the full recompute is recompute-all.ts):
// - recomputePairs(client, pairs, asOf): the pairs an import, merge, erasure or override touched. One statement
//   per batch aggregates every interaction of every pair (each pair's interactions found through the GIN
//   index on participants, `@> ARRAY[key_a, key_b]`), one counts mutual connections, one reads overrides
//   and organizations; factors are computed in TypeScript (score-edge.ts) and both directed edges are
//   written by one statement over unnest arrays.
// - recomputeAllEdges(db, { asOf }): every pair. Participants are joined to people by key once (a hash join
//   over the whole Interaction table), pairs aggregated into a temporary table, mutual connections counted
//   in memory over the complete pair list, and the pairs streamed back through a cursor in batches.
// Both paths build the same events relation and aggregate it with the same SQL (recompute-sql.ts), so a
// pair gets the same score from either. Callers audit (the import run, the override, the job).
import type { InteractionChannel } from "../../prisma/generated/enums";
import { summaryFromAggregate, type PairAggregate, type PairContext } from "./pair-aggregate";
import type { StrengthOverride } from "./pair-summary";
import {
  aggregateEventsSql,
  directionSql,
  groupSizeSql,
  personKeysSql,
  twoWaySql,
  undirectedSql,
} from "./recompute-sql";
import { scoreEdge } from "./score-edge";
import { sqlRunner, type SqlClient, type SqlRunner } from "./sql-runner";
import { ZStrengthFactors } from "./strength-factors.schema";
import { STRENGTH_CHANNELS } from "./weights";

export { DECAY_REFERENCE_DATE } from "./pair-aggregate";


/** Pairs per statement in the incremental path, and per cursor fetch in the full one. */
export const DEFAULT_PAIR_BATCH = 2_000;
/** Prisma stores DateTime as UTC in timestamp(3) columns: raw statements must too. */
const SQL_NOW = `(now() AT TIME ZONE 'UTC')`;

export interface RecomputeResult {
  /** Pairs that had interactions and were written. */
  pairs: number;
  /** Directed Edge rows written (two per pair). */
  edges: number;
}

/** One aggregated pair as SQL returns it (recompute-sql.ts column names). */
export type AggregateRow = {
  a: string | number;
  b: string | number;
  active_days: number;
  first_ms: number;
  last_ms: number;
  a_to_b: number;
  b_to_a: number;
  mutual: number;
  replies: number;
  decayed: number;
  src_mask: bigint | number;
} & Record<`n_${InteractionChannel}` | `m_${InteractionChannel}`, number>;

export function toAggregate(row: AggregateRow, sourceNames: readonly string[]): PairAggregate {
  const counts = {} as Record<InteractionChannel, number>;
  const mass = {} as Record<InteractionChannel, number>;
  for (const channel of STRENGTH_CHANNELS) {
    counts[channel] = Number(row[`n_${channel}`] ?? 0);
    mass[channel] = Number(row[`m_${channel}`] ?? 0);
  }
  const mask = BigInt(row.src_mask ?? 0);
  const sources = sourceNames.filter((_, bit) => (mask & (1n << BigInt(bit))) !== 0n);
  return {
    counts,
    mass,
    activeDays: Number(row.active_days),
    firstSeenAt: new Date(Number(row.first_ms)),
    lastSeenAt: new Date(Number(row.last_ms)),
    aToB: Number(row.a_to_b),
    bToA: Number(row.b_to_a),
    mutual: Number(row.mutual),
    replies: Number(row.replies),
    decayedMass: Number(row.decayed),
    sources,
  };
}

/** No interactions at all: an override-only pair. */
const EMPTY_AGGREGATE: PairAggregate = {
  counts: { email: 0, meeting: 0, call: 0, message: 0, linkedin: 0, other: 0 },
  mass: { email: 0, meeting: 0, call: 0, message: 0, linkedin: 0, other: 0 },
  activeDays: 0,
  firstSeenAt: null,
  lastSeenAt: null,
  aToB: 0,
  bToA: 0,
  mutual: 0,
  replies: 0,
  decayedMass: 0,
  sources: [],
};

/** A pair ready to write: ids, and everything scored. */
export interface ScoredPair {
  a: string;
  b: string;
  aggregate: PairAggregate;
  context: PairContext;
}

interface EdgeColumnsOut {
  from: string[];
  to: string[];
  strength: number[];
  factors: string[];
  sources: string[];
  channels: string[];
  firstSeenAt: Array<string | null>;
  lastSeenAt: Array<string | null>;
  interactionCount: number[];
}

export const arrayLiteral = (values: readonly string[]): string =>
  `{${values.map((value) => `"${value.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`).join(",")}}`;

/**
 * Scores pairs and writes both directed edges. A directed pair that already has rows (of any relationship
 * type: the seed's "colleague", a future "introduced") gets them updated; otherwise a "knows" row is
 * inserted (ON CONFLICT for a concurrent insert). Validation: the first pair of every batch is checked
 * with zod (scoreEdge builds a fixed shape; the check guards regressions), or all with `validateAll`.
 */
export async function writeScoredPairs(sql: SqlRunner, pairs: readonly ScoredPair[], asOf: Date, options: { validateAll?: boolean } = {}): Promise<number> {
  if (pairs.length === 0) return 0;
  // One entry per pair: the factor document is sent and parsed once, and SQL fans it out to both directions.
  const columns: EdgeColumnsOut = { from: [], to: [], strength: [], factors: [], sources: [], channels: [], firstSeenAt: [], lastSeenAt: [], interactionCount: [] };
  pairs.forEach((pair, index) => {
    const summary = summaryFromAggregate(pair.aggregate, pair.context);
    const factors = scoreEdge(summary, { asOf, validate: false });
    if (options.validateAll === true || index === 0) ZStrengthFactors.parse(factors);
    columns.from.push(pair.a);
    columns.to.push(pair.b);
    columns.strength.push(factors.score);
    columns.factors.push(JSON.stringify(factors));
    columns.sources.push(arrayLiteral(summary.sources));
    columns.channels.push(arrayLiteral(STRENGTH_CHANNELS.filter((channel) => pair.aggregate.counts[channel] > 0)));
    columns.firstSeenAt.push(pair.aggregate.firstSeenAt?.toISOString() ?? null);
    columns.lastSeenAt.push(pair.aggregate.lastSeenAt?.toISOString() ?? null);
    columns.interactionCount.push(STRENGTH_CHANNELS.reduce((sum, channel) => sum + pair.aggregate.counts[channel], 0));
  });
  // Existing rows are found by one index probe per directed pair (LATERAL … OFFSET 0 keeps the planner from
  // turning it into a hash join over the whole Edge table, which made every batch of a large recompute scan
  // it), rows whose values are all unchanged are skipped, changed ones are updated by id, missing ones inserted.
  await sql.exec(
    `WITH pairs AS MATERIALIZED (
       SELECT a, b, strength, factors, sources::text[] AS sources, channels::text[] AS channels,
              first_at::timestamp AS first_at, last_at::timestamp AS last_at, n
         FROM ROWS FROM (unnest($1::uuid[]), unnest($2::uuid[]), unnest($3::float8[]), jsonb_array_elements($4::jsonb),
                         unnest($5::text[]), unnest($6::text[]), unnest($7::text[]), unnest($8::text[]), unnest($9::int[]))
           AS t(a, b, strength, factors, sources, channels, first_at, last_at, n)
     ), input AS NOT MATERIALIZED (
       SELECT CASE WHEN forward THEN a ELSE b END AS f, CASE WHEN forward THEN b ELSE a END AS t,
              strength, factors, sources, channels, first_at, last_at, n
         FROM pairs CROSS JOIN (VALUES (true), (false)) AS d(forward)
     ), existing AS MATERIALIZED (
       SELECT i.f, i.t, x.id,
              (x.strength = i.strength AND x.sources = i.sources AND x.channels = i.channels
               AND x.first_at IS NOT DISTINCT FROM i.first_at AND x.last_at IS NOT DISTINCT FROM i.last_at
               AND x.n = i.n AND x.factors = i.factors) IS TRUE AS same
         FROM input i CROSS JOIN LATERAL (
           SELECT e.id, e.strength, e."strengthFactors" AS factors, e.sources, e.channels, e."firstSeenAt" AS first_at,
                  e."lastSeenAt" AS last_at, e."interactionCount" AS n
             FROM "Edge" e WHERE e."fromPersonId" = i.f AND e."toPersonId" = i.t OFFSET 0
         ) x
     ), updated AS (
       UPDATE "Edge" e SET strength = i.strength, "strengthFactors" = i.factors, sources = i.sources, channels = i.channels,
              "firstSeenAt" = i.first_at, "lastSeenAt" = i.last_at, "interactionCount" = i.n, "updatedAt" = ${SQL_NOW}
         FROM input i
        WHERE e.id = ANY (ARRAY(SELECT x.id FROM existing x WHERE NOT x.same))
          AND e."fromPersonId" = i.f AND e."toPersonId" = i.t
     )
     INSERT INTO "Edge" (id, "fromPersonId", "toPersonId", "relationshipType", strength, "strengthFactors", sources, channels,
                         "firstSeenAt", "lastSeenAt", "interactionCount", "createdAt", "updatedAt")
     SELECT gen_random_uuid(), i.f, i.t, 'knows', i.strength, i.factors, i.sources, i.channels,
            i.first_at, i.last_at, i.n, ${SQL_NOW}, ${SQL_NOW}
       FROM input i WHERE NOT EXISTS (SELECT 1 FROM existing x WHERE x.f = i.f AND x.t = i.t)
     ON CONFLICT ("fromPersonId", "toPersonId", "relationshipType") DO UPDATE SET
       strength = EXCLUDED.strength, "strengthFactors" = EXCLUDED."strengthFactors", sources = EXCLUDED.sources,
       channels = EXCLUDED.channels, "firstSeenAt" = EXCLUDED."firstSeenAt", "lastSeenAt" = EXCLUDED."lastSeenAt",
       "interactionCount" = EXCLUDED."interactionCount", "updatedAt" = EXCLUDED."updatedAt"`,
    [
      columns.from,
      columns.to,
      columns.strength,
      // One JSON array, parsed once by jsonb_array_elements: a text[] parameter would have node-postgres escape
      // every quote of every document, and PostgreSQL unescape it again.
      `[${columns.factors.join(",")}]`,
      columns.sources,
      columns.channels,
      columns.firstSeenAt,
      columns.lastSeenAt,
      columns.interactionCount,
    ],
  );
  return columns.from.length * 2;
}

export const pairKey = (a: string, b: string): string => (a < b ? `${a} ${b}` : `${b} ${a}`);

/** Overrides on these pairs (a member's own node ↔ the person), the latest statement winning. */
export async function overridesFor(sql: SqlRunner, pairs: ReadonlyArray<readonly [string, string]> | null): Promise<Map<string, StrengthOverride>> {
  const rows = pairs === null
    ? await sql.query<{ me: string; other: string; level: StrengthOverride }>(
        `SELECT u."personId"::text AS me, s."personId"::text AS other, s.level::text AS level
           FROM "StrengthOverride" s JOIN "User" u ON u.id = s."userId"
          WHERE u."personId" IS NOT NULL ORDER BY s."updatedAt", s.id`,
      )
    : await sql.query<{ me: string; other: string; level: StrengthOverride }>(
        `SELECT u."personId"::text AS me, s."personId"::text AS other, s.level::text AS level
           FROM "StrengthOverride" s JOIN "User" u ON u.id = s."userId"
           JOIN unnest($1::uuid[], $2::uuid[]) AS p(a, b)
             ON (u."personId" = p.a AND s."personId" = p.b) OR (u."personId" = p.b AND s."personId" = p.a)
          ORDER BY s."updatedAt", s.id`,
        [pairs.map((pair) => pair[0]), pairs.map((pair) => pair[1])],
      );
  const map = new Map<string, StrengthOverride>();
  for (const row of rows) map.set(pairKey(row.me, row.other), row.level);
  return map;
}

// ---------------------------------------------------------------------------------------------------------
// Incremental

// Every row the planner sees comes from the parameter arrays, so it cannot misjudge a join: each (pair, key
// of a, key of b) probes the GIN index for the interactions holding both keys and returns what the events
// need, a DISTINCT keeps each interaction once per pair, and the source names are numbered for the mask.
export const INCREMENTAL_AGGREGATE_SQL = `
  WITH kp AS (
    SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[]) AS t(a, b, ka, kb, keys_a, keys_b)
  ), rows AS MATERIALIZED (
    SELECT DISTINCT ON (kp.a, kp.b, i.id) kp.a, kp.b, i.ts, i.ch, i.src, i.share,
           ${directionSql("i.two_way", "i.undirected", "i.starter = ANY(kp.keys_a::text[])", "i.starter = ANY(kp.keys_b::text[])")} AS dir
      FROM kp CROSS JOIN LATERAL (
        SELECT x.id, x.timestamp AS ts, x.channel::text AS ch, x."sourceName" AS src, x.participants[1] AS starter,
               1.0::float8 / (${groupSizeSql("x")} - 1) AS share, ${twoWaySql("x")} AS two_way, ${undirectedSql("x")} AS undirected
          FROM "Interaction" x WHERE x.participants @> ARRAY[kp.ka, kp.kb]
      ) i
  ), src AS (
    SELECT name, (row_number() OVER (ORDER BY name) - 1)::int AS bit FROM (SELECT DISTINCT src AS name FROM rows) s
  )
  SELECT agg.*, (SELECT array_agg(name ORDER BY bit) FROM src) AS source_names
    FROM (${aggregateEventsSql(`SELECT r.a, r.b, r.ts, r.ch, r.share, r.dir, src.bit AS src_bit FROM rows r JOIN src ON src.name = r.src`)}) agg`;

/** The keys (emails, "network:handle") of each person not deleted. */
async function keysOf(sql: SqlRunner, ids: readonly string[]): Promise<Map<string, string[]>> {
  const rows = await sql.query<{ id: string; keys: string[] }>(
    `SELECT p.id::text AS id, array_agg(k.key) AS keys FROM "Person" p CROSS JOIN LATERAL ${personKeysSql("p")} AS k(key)
      WHERE p.id = ANY($1::uuid[]) AND p."deletedAt" IS NULL AND k.key IS NOT NULL GROUP BY p.id`,
    [[...new Set(ids)]],
  );
  return new Map(rows.map((row) => [row.id, row.keys]));
}

/**
 * Mutual connections of each pair: people (not deleted) both have an edge with, from the Edge table plus
 * the pairs being written. Counted here rather than in SQL: the planner cannot know that one member of
 * every pair of a LinkedIn import has 30,000 edges, and a join it orders wrongly is quadratic.
 */
async function mutualConnectionsOf(sql: SqlRunner, pairs: ReadonlyArray<readonly [string, string]>): Promise<Map<string, number>> {
  const ids = [...new Set(pairs.flat())];
  const rows = await sql.query<{ f: string; ts: string[] }>(
    `SELECT e."fromPersonId"::text AS f, array_agg(DISTINCT e."toPersonId"::text) AS ts
       FROM "Edge" e JOIN "Person" p ON p.id = e."toPersonId" AND p."deletedAt" IS NULL
      WHERE e."fromPersonId" = ANY($1::uuid[]) AND e.strength > 0 GROUP BY e."fromPersonId"`,
    [ids],
  );
  const neighbours = new Map<string, Set<string>>(rows.map((row) => [row.f, new Set(row.ts)]));
  const add = (from: string, to: string) => {
    let set = neighbours.get(from);
    if (!set) neighbours.set(from, (set = new Set()));
    set.add(to);
  };
  for (const [a, b] of pairs) {
    add(a, b);
    add(b, a);
  }
  const counts = new Map<string, number>();
  for (const [a, b] of pairs) {
    let small = neighbours.get(a) as Set<string>;
    let large = neighbours.get(b) as Set<string>;
    if (small.size > large.size) [small, large] = [large, small];
    let count = 0;
    for (const x of small) if (x !== a && x !== b && large.has(x)) count += 1;
    counts.set(pairKey(a, b), count);
  }
  return counts;
}

/** Parses "a b" pair keys (the import pipeline's touchedPairs) or passes [a, b] tuples through. */
export function toPairs(pairs: Iterable<string | readonly [string, string]>): Array<readonly [string, string]> {
  const seen = new Set<string>();
  const out: Array<readonly [string, string]> = [];
  for (const pair of pairs) {
    const [x, y] = typeof pair === "string" ? (pair.split(" ") as [string, string]) : pair;
    if (!x || !y || x === y) continue;
    const key = pairKey(x, y);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(x < y ? [x, y] : [y, x]);
  }
  return out.sort((p, q) => (p[0] < q[0] ? -1 : p[0] > q[0] ? 1 : p[1] < q[1] ? -1 : p[1] > q[1] ? 1 : 0));
}

/**
 * Recomputes the given pairs from all of their interactions (not only new ones), so the result does not
 * depend on how the history arrived. Pairs without interactions, or with a deleted person, are left as
 * they are. Mutual connections come from the Edge table plus the pairs themselves; other pairs' counts
 * catch up at the next full recompute.
 */
export async function recomputePairs(
  client: SqlClient,
  pairs: Iterable<string | readonly [string, string]>,
  asOf: Date,
  options: { batchSize?: number } = {},
): Promise<RecomputeResult> {
  const sql = sqlRunner(client);
  const all = toPairs(pairs);
  const batchSize = options.batchSize ?? DEFAULT_PAIR_BATCH;
  const result: RecomputeResult = { pairs: 0, edges: 0 };
  for (let start = 0; start < all.length; start += batchSize) {
    const batch = all.slice(start, start + batchSize);
    const keys = await keysOf(sql, batch.flat());
    const probe = { a: [] as string[], b: [] as string[], ka: [] as string[], kb: [] as string[], keysA: [] as string[], keysB: [] as string[] };
    for (const [a, b] of batch) {
      const keysA = keys.get(a);
      const keysB = keys.get(b);
      if (!keysA || !keysB) continue;
      const literalA = arrayLiteral(keysA);
      const literalB = arrayLiteral(keysB);
      for (const ka of keysA) {
        for (const kb of keysB) {
          probe.a.push(a);
          probe.b.push(b);
          probe.ka.push(ka);
          probe.kb.push(kb);
          probe.keysA.push(literalA);
          probe.keysB.push(literalB);
        }
      }
    }
    const rows = probe.a.length === 0
      ? []
      : await sql.query<AggregateRow & { a: string; b: string; source_names: string[] | null }>(INCREMENTAL_AGGREGATE_SQL, [
          probe.a,
          probe.b,
          probe.ka,
          probe.kb,
          probe.keysA,
          probe.keysB,
        ]);
    // A member's override is evidence by itself: a pair of two live people with an override and no
    // interactions still gets an edge (override-only; see overrides.ts).
    const overrides = await overridesFor(sql, batch);
    const aggregated = new Map(rows.map((row) => [pairKey(row.a, row.b), toAggregate(row, row.source_names ?? [])]));
    for (const [a, b] of batch) {
      const key = pairKey(a, b);
      if (!aggregated.has(key) && overrides.has(key) && keys.has(a) && keys.has(b)) aggregated.set(key, EMPTY_AGGREGATE);
    }
    if (aggregated.size === 0) continue;
    const found = batch.filter(([a, b]) => aggregated.has(pairKey(a, b)));
    const mutual = await mutualConnectionsOf(sql, found);
    const organizations = await organizationsOf(sql, found.flat());
    const scored: ScoredPair[] = found.map(([a, b]) => {
      const key = pairKey(a, b);
      const orgA = organizations.get(a) ?? null;
      return {
        a,
        b,
        aggregate: aggregated.get(key) as PairAggregate,
        context: {
          mutualConnections: mutual.get(key) ?? 0,
          sharedOrganization: orgA !== null && orgA === (organizations.get(b) ?? null),
          override: overrides.get(key) ?? null,
        },
      };
    });
    result.pairs += scored.length;
    result.edges += await writeScoredPairs(sql, scored, asOf);
  }
  return result;
}

/** Each person's current organization (none when the organization is soft-deleted). */
async function organizationsOf(sql: SqlRunner, ids: readonly string[]): Promise<Map<string, string | null>> {
  const rows = await sql.query<{ id: string; org: string | null }>(
    `SELECT p.id::text AS id, CASE WHEN o."deletedAt" IS NULL THEN o.id::text END AS org
       FROM "Person" p LEFT JOIN "Organization" o ON o.id = p."organizationId" WHERE p.id = ANY($1::uuid[])`,
    [[...new Set(ids)]],
  );
  return new Map(rows.map((row) => [row.id, row.org]));
}

