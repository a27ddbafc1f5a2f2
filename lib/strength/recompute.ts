// Recomputes Edge rows from interactions, set-based (the full recompute is recompute-all.ts):
// - recomputePairs(client, pairs, asOf): the pairs an import, merge, erasure or override touched. One statement
//   per batch aggregates every interaction of every pair (each pair's interactions found through the GIN
//   index on participants, `@> ARRAY[key_a, key_b]`), one counts mutual connections, one reads overrides
//   and organizations; factors are computed in TypeScript (score-edge.ts) and both directed edges are
//   written by one statement over unnest arrays.
// - recomputeAllEdges(db, { asOf }): every pair. The Interaction table streams once through an in-memory
//   aggregation (pair-accumulator.ts), mutual connections are counted over the complete pair list, and a
//   replacement Edge table is written and swapped in (edge-rebuild.ts).
// Both paths apply the same model (recompute-sql.ts, weights.ts), and recompute.integration.test.ts checks
// that they give identical edges. Callers audit (the import run, the override, the job).
import type { InteractionChannel } from "../../prisma/generated/enums";
import { arrayLiteral, writeScoredPairs, type ScoredPair } from "./edge-writer";
import type { PairAggregate } from "./pair-aggregate";
import type { StrengthOverride } from "./pair-summary";
import {
  aggregateEventsSql,
  directionSql,
  groupSizeSql,
  personKeysSql,
  twoWaySql,
  undirectedSql,
} from "./recompute-sql";
import { sqlRunner, type SqlClient, type SqlRunner } from "./sql-runner";
import { STRENGTH_CHANNELS } from "./weights";

export { DECAY_REFERENCE_DATE } from "./pair-aggregate";
export { arrayLiteral, writeScoredPairs, type ScoredPair } from "./edge-writer";


/** Pairs per statement in the incremental path, and per cursor fetch in the full one. */
export const DEFAULT_PAIR_BATCH = 2_000;

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

