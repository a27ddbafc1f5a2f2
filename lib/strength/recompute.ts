// Recomputes Edge rows from interactions, set-based (the full recompute is recompute-all.ts):
// - recomputePairs(client, pairs, asOf): the pairs a merge, erasure or override touched, each read in full:
//   one statement per batch aggregates every interaction of every pair (found through the GIN index on
//   participants, `@> ARRAY[key_a, key_b]`: pair-history.ts); the aggregates are stored (PairAggregate, pair-store.ts).
// - recomputeNewInteractions(client, { since, sourceName }, asOf): what an import created. Its interactions
//   are folded per pair in memory (new-interactions.ts) and added to each pair's stored aggregate; only pairs
//   without a usable stored aggregate are read in full. So the cost follows the new interactions, not the
//   pairs' histories.
// Either way mutual connections, organizations and overrides are read, factors are computed in TypeScript
// (score-edge.ts) and both directed edges are written by one statement over unnest arrays. Both paths and
// the full recompute apply the same model (recompute-sql.ts, weights.ts); recompute.integration.test.ts
// checks that they give identical edges. Callers audit (the import run, the override, the job).
import { writeScoredPairs, type ScoredPair } from "./edge-writer";
import type { PairAggregate } from "./pair-aggregate";
import type { StrengthOverride } from "./pair-summary";
import { aggregateInFull } from "./pair-history";
import { personKeysSql } from "./recompute-sql";
import { readNewInteractions, type DeltaLookup, type NewInteractionsSelection } from "./new-interactions";
import { pairKey } from "./pair-key";
import { mutualConnectionsOf, neighbourCache } from "./pair-neighbours";
import { forgetPairs, forgetPairsAmong, lockStoredPairs, readStoredPairs, writeStoredPairs, type StoredPair } from "./pair-store";
import { BULK_WORK_MEM, sqlRunner, withLocalSetting, type SqlClient, type SqlRunner } from "../db/sql-runner";
import { mergeStoredAggregates, pairFingerprint, personKeysHash, type StoredAggregate } from "./stored-aggregate";

export { DECAY_REFERENCE_DATE } from "./pair-aggregate";
export { writeScoredPairs, type ScoredPair } from "./edge-writer";
export { pairKey } from "./pair-key";


/**
 * Pairs per statement in the incremental path, and per cursor fetch in the full one. 5,000 rather than 2,000:
 * the incremental step of `bench:strength` (20,620 pairs) took 3.5 s against 3.7–4.0 s, fewer statements of
 * a few MB each. The benchmarks run with this default, as imports and the nightly job do.
 */
export const DEFAULT_PAIR_BATCH = 5_000;

export interface RecomputeResult {
  /** Pairs that had interactions and were written. */
  pairs: number;
  /** Directed Edge rows written (two per pair). */
  edges: number;
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
  // Each batch's statements sort and materialize a few MB of factor documents: in memory, not on disk.
  return withLocalSetting(sql, "work_mem", BULK_WORK_MEM, () => recomputeBatches(sql, pairs, asOf, options));
}

async function recomputeBatches(
  sql: SqlRunner,
  pairs: Iterable<string | readonly [string, string]>,
  asOf: Date,
  options: RecomputePairsOptions,
): Promise<RecomputeResult & { addedTo: number }> {
  const all = toPairs(pairs);
  const batchSize = options.batchSize ?? DEFAULT_PAIR_BATCH;
  const result = { pairs: 0, edges: 0, addedTo: 0 };
  const fresh = options.newInteractions;
  const neighbours = neighbourCache();
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
    const counted = await mutualConnectionsOf(sql, found.filter(([a, b]) => !mutual.has(pairKey(a, b))), neighbours);
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

