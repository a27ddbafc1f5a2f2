// Recomputes Edge rows from interactions, set-based (the full recompute is recompute-all.ts):
// - recomputePairs(client, pairs, asOf): the pairs a merge, erasure or override touched, each read in full:
//   one statement per batch aggregates every interaction of every pair (found through the GIN index on
//   participants, `@> ARRAY[key_a, key_b]`); the aggregates are stored (PairAggregate, pair-store.ts).
// - recomputeNewInteractions(client, { since, sourceName }, asOf): what an import created. Its interactions
//   are folded per pair in memory (new-interactions.ts) and added to each pair's stored aggregate; only pairs
//   without a usable stored aggregate are read in full. So the cost follows the new interactions, not the
//   pairs' histories.
// Either way mutual connections, organizations and overrides are read, factors are computed in TypeScript
// (score-edge.ts) and both directed edges are written by one statement over unnest arrays. Both paths and
// the full recompute apply the same model (recompute-sql.ts, weights.ts); recompute.integration.test.ts
// checks that they give identical edges. Callers audit (the import run, the override, the job).
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
import { readNewInteractions, type DeltaLookup, type NewInteractionsSelection } from "./new-interactions";
import { pairKey } from "./pair-key";
import { mutualConnectionsOf, type HubCache } from "./pair-neighbours";
import { forgetPairs, forgetPairsAmong, lockStoredPairs, readStoredPairs, writeStoredPairs, type StoredPair } from "./pair-store";
import { sqlRunner, type SqlClient, type SqlRunner } from "./sql-runner";
import { mergeStoredAggregates, pairFingerprint, personKeysHash, sumDayShares, type StoredAggregate } from "./stored-aggregate";
import { STRENGTH_CHANNELS } from "./weights";

export { DECAY_REFERENCE_DATE } from "./pair-aggregate";
export { arrayLiteral, writeScoredPairs, type ScoredPair } from "./edge-writer";
export { pairKey } from "./pair-key";


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
  days?: number[] | null;
  day_shares?: number[] | null;
  through_ms?: number | null;
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
    // In day order, as the in-memory paths add them (the same float sum).
    activeDays: row.day_shares ? sumDayShares(row.day_shares.map(Number)) : Number(row.active_days),
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
    SELECT DISTINCT ON (kp.a, kp.b, i.id) kp.a, kp.b, i.ts, i.ch, i.src, i.share, i.created,
           ${directionSql("i.two_way", "i.undirected", "i.starter = ANY(kp.keys_a::text[])", "i.starter = ANY(kp.keys_b::text[])")} AS dir
      FROM kp CROSS JOIN LATERAL (
        SELECT x.id, x.timestamp AS ts, x."createdAt" AS created, x.channel::text AS ch, x."sourceName" AS src, x.participants[1] AS starter,
               1.0::float8 / (${groupSizeSql("x")} - 1) AS share, ${twoWaySql("x")} AS two_way, ${undirectedSql("x")} AS undirected
          FROM "Interaction" x WHERE x.participants @> ARRAY[kp.ka, kp.kb]
      ) i
  ), src AS (
    SELECT name, (row_number() OVER (ORDER BY name) - 1)::int AS bit FROM (SELECT DISTINCT src AS name FROM rows) s
  )
  SELECT agg.*, (SELECT array_agg(name ORDER BY bit) FROM src) AS source_names
    FROM (${aggregateEventsSql(`SELECT r.a, r.b, r.ts, r.ch, r.share, r.dir, r.created, src.bit AS src_bit FROM rows r JOIN src ON src.name = r.src`)}) agg`;

/** The keys (emails, "network:handle") of each person not deleted. */
async function keysOf(sql: SqlRunner, ids: readonly string[]): Promise<Map<string, string[]>> {
  const rows = await sql.query<{ id: string; keys: string[] }>(
    `SELECT p.id::text AS id, array_agg(k.key) AS keys FROM "Person" p CROSS JOIN LATERAL ${personKeysSql("p")} AS k(key)
      WHERE p.id = ANY($1::uuid[]) AND p."deletedAt" IS NULL AND k.key IS NOT NULL GROUP BY p.id`,
    [[...new Set(ids)]],
  );
  return new Map(rows.map((row) => [row.id, row.keys]));
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

export interface RecomputePairsOptions {
  batchSize?: number;
  /**
   * New interactions folded per pair (readNewInteractions), created at or after `since`: a pair whose stored
   * aggregate predates `since` and whose people still have the same keys gets them added instead of being
   * read in full.
   */
  newInteractions?: { since: Date; deltas: DeltaLookup };
  /** Called with each phase's milliseconds, per batch (benchmarks). */
  onPhase?: (phase: RecomputePhase, ms: number) => void;
}

export type RecomputePhase = "keys" | "stored.read" | "history.read" | "mutual" | "stored.write" | "edges.write";

/** A pair's stored aggregate as a PairAggregate row would hold it, from a full read (INCREMENTAL_AGGREGATE_SQL). */
function storedFromRow(row: AggregateRow & { source_names: string[] | null }): StoredAggregate {
  return {
    aggregate: toAggregate(row, row.source_names ?? []),
    days: (row.days ?? []).map(Number),
    dayShares: (row.day_shares ?? []).map(Number),
    through: new Date(Number(row.through_ms ?? 0)),
  };
}

/**
 * Recomputes the given pairs. Each is read from all of its interactions (so the result does not depend on how
 * the history arrived) unless `newInteractions` lets its stored aggregate be added to. Pairs without
 * interactions, or with a deleted person, are left as they are (their stored aggregate is dropped). Mutual
 * connections come from the Edge table plus the pairs themselves; other pairs' counts catch up at the next
 * full recompute.
 */
export async function recomputePairs(
  client: SqlClient,
  pairs: Iterable<string | readonly [string, string]>,
  asOf: Date,
  options: RecomputePairsOptions = {},
): Promise<RecomputeResult & { addedTo: number }> {
  const sql = sqlRunner(client);
  const all = toPairs(pairs);
  const batchSize = options.batchSize ?? DEFAULT_PAIR_BATCH;
  const result = { pairs: 0, edges: 0, addedTo: 0 };
  const fresh = options.newInteractions;
  const hubs: HubCache = new Map();
  const timing = options.onPhase ? { phase: options.onPhase, at: performance.now() } : null;
  const lap = (phase: RecomputePhase) => {
    if (!timing) return;
    const now = performance.now();
    timing.phase(phase, now - timing.at);
    timing.at = now;
  };
  for (let start = 0; start < all.length; start += batchSize) {
    const batch = all.slice(start, start + batchSize);
    const keys = await keysOf(sql, batch.flat());
    const hashes = new Map([...keys].map(([id, list]) => [id, personKeysHash(list)]));
    const live = batch.filter(([a, b]) => keys.has(a) && keys.has(b));
    const fingerprint = (a: string, b: string): string => pairFingerprint(hashes.get(a) as string, hashes.get(b) as string);
    lap("keys");

    // Stored aggregates that can be added to: same keys, written before the new interactions began. Their
    // mutual connections are kept as last counted (counting them is most of a per-pair recompute's cost:
    // one side of most pairs is a hub); the nightly full recompute counts every pair again.
    const aggregated = new Map<string, StoredAggregate>();
    const mutual = new Map<string, number>();
    if (fresh) {
      if (start === 0) await lockStoredPairs(sql);
      const stored = await readStoredPairs(sql, live);
      for (const [a, b] of live) {
        const key = pairKey(a, b);
        const row = stored.get(key);
        if (!row || row.fingerprint !== fingerprint(a, b) || row.stored.through.getTime() >= fresh.since.getTime()) continue;
        const delta = fresh.deltas.get(key);
        aggregated.set(key, delta ? mergeStoredAggregates(row.stored, delta) : row.stored);
        mutual.set(key, row.mutualConnections);
      }
      result.addedTo += aggregated.size;
      lap("stored.read");
    }
    const readInFull = live.filter(([a, b]) => !aggregated.has(pairKey(a, b)));
    for (const [key, stored] of await aggregateInFull(sql, readInFull, keys)) aggregated.set(key, stored);
    lap("history.read");

    // A member's override is evidence by itself: a pair of two live people with an override and no
    // interactions still gets an edge (override-only; see overrides.ts). It has nothing to store.
    const overrides = await overridesFor(sql, batch);
    const scoredAggregates = new Map([...aggregated].map(([key, stored]) => [key, stored.aggregate]));
    for (const [a, b] of live) {
      const key = pairKey(a, b);
      if (!scoredAggregates.has(key) && overrides.has(key)) scoredAggregates.set(key, EMPTY_AGGREGATE);
    }
    const found = batch.filter(([a, b]) => scoredAggregates.has(pairKey(a, b)));
    const counted = await mutualConnectionsOf(sql, found.filter(([a, b]) => !mutual.has(pairKey(a, b))), hubs);
    for (const [key, count] of counted) mutual.set(key, count);
    lap("mutual");

    const toStore: StoredPair[] = [];
    const withoutHistory: Array<readonly [string, string]> = [];
    for (const [a, b] of live) {
      const key = pairKey(a, b);
      const stored = aggregated.get(key);
      if (stored) toStore.push({ a, b, fingerprint: fingerprint(a, b), stored, mutualConnections: mutual.get(key) ?? 0 });
      else withoutHistory.push([a, b]);
    }
    await writeStoredPairs(sql, toStore);
    await forgetPairs(sql, withoutHistory);
    lap("stored.write");
    if (found.length === 0) continue;

    const organizations = await organizationsOf(sql, found.flat());
    const scored: ScoredPair[] = found.map(([a, b]) => {
      const key = pairKey(a, b);
      const orgA = organizations.get(a) ?? null;
      return {
        a,
        b,
        aggregate: scoredAggregates.get(key) as PairAggregate,
        context: {
          mutualConnections: mutual.get(key) ?? 0,
          sharedOrganization: orgA !== null && orgA === (organizations.get(b) ?? null),
          override: overrides.get(key) ?? null,
        },
      };
    });
    result.pairs += scored.length;
    result.edges += await writeScoredPairs(sql, scored, asOf);
    lap("edges.write");
  }
  return result;
}

/** Every interaction of each pair, aggregated by one statement (the pairs' people have `keys`). */
async function aggregateInFull(
  sql: SqlRunner,
  pairs: ReadonlyArray<readonly [string, string]>,
  keys: ReadonlyMap<string, string[]>,
): Promise<Map<string, StoredAggregate>> {
  const probe = { a: [] as string[], b: [] as string[], ka: [] as string[], kb: [] as string[], keysA: [] as string[], keysB: [] as string[] };
  for (const [a, b] of pairs) {
    const keysA = keys.get(a) as string[];
    const keysB = keys.get(b) as string[];
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
  if (probe.a.length === 0) return new Map();
  const rows = await sql.query<AggregateRow & { a: string; b: string; source_names: string[] | null }>(INCREMENTAL_AGGREGATE_SQL, [
    probe.a,
    probe.b,
    probe.ka,
    probe.kb,
    probe.keysA,
    probe.keysB,
  ]);
  return new Map(rows.map((row) => [pairKey(row.a, row.b), storedFromRow(row)]));
}

/**
 * Recomputes what interactions created at or after `selection.since` (of one source, or all) touched: each
 * pair they involve (the starters' pairs only in a group past MAX_FULL_PAIR_GROUP, whose other pairs' stored
 * aggregates are dropped) gets them added to its stored aggregate, or is read in full when it has none.
 */
export async function recomputeNewInteractions(
  client: SqlClient,
  selection: NewInteractionsSelection,
  asOf: Date,
  options: { batchSize?: number; onPhase?: (phase: RecomputePhase | "interactions.read", ms: number) => void } = {},
): Promise<RecomputeResult & { addedTo: number; interactions: number }> {
  const sql = sqlRunner(client);
  const started = performance.now();
  const read = await readNewInteractions(sql, selection);
  options.onPhase?.("interactions.read", performance.now() - started);
  await forgetPairsAmong(sql, read.largeGroupPeople);
  const result = await recomputePairs(client, read.pairs, asOf, { ...options, newInteractions: { since: selection.since, deltas: read.deltas } });
  return { ...result, interactions: read.interactions };
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

