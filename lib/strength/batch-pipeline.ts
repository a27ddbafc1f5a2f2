// The per-pair recompute's batches, pipelined on one connection (recompute.ts recomputePairs runs it):
// - readBatch: people's keys, stored aggregates (added to when `newInteractions` allows), histories read in
//   full, overrides, organizations, and mutual connections of pairs without a kept count;
// - writeBatch: stored aggregates and both directed edges, scored and sent in slices.
// Batches n + 1 … n + READ_AHEAD are read while batch n is written. Statements on the connection take turns
// (sql-runner.ts), so what overlaps is PostgreSQL running one statement while Node digests another's result
// or scores the next slice; in sequence, each waited for the other, and the step took their sum.
// Nothing a batch reads depends on another batch's writes except mutual connections, which are counted in
// batch order against the Edge table plus every pair counted before (pair-neighbours.ts NeighbourCache):
// the same counts as batches run one after the other.
import { writeScoredPairs, type ScoredPair } from "./edge-writer";
import type { PairAggregate } from "./pair-aggregate";
import { aggregateInFull } from "./pair-history";
import { pairKey } from "./pair-key";
import { hubsOf, mutualConnectionsOf, neighbourCache, type NeighbourCache } from "./pair-neighbours";
import { keysOf, organizationsOf, overridesFor } from "./pair-reads";
import { forgetPairs, readStoredPairs, writeStoredPairs, type StoredPair } from "./pair-store";
import type { StrengthOverride } from "./pair-summary";
import type { DeltaLookup } from "./new-interactions";
import { InFlight, yieldToIo, type SqlRunner } from "../db/sql-runner";
import { mergeStoredAggregates, pairFingerprint, personKeysHash, type StoredAggregate } from "./stored-aggregate";

/** Batches read ahead of the one being written. */
const READ_AHEAD = 2;

/** Pairs per write statement within a batch: Node scores the next slice while PostgreSQL writes this one. */
const WRITE_SLICE = 1_000;

/** Steps of the per-pair recompute, timed per batch for benchmarks. Consecutive batches' steps overlap. */
export type RecomputePhase = "keys" | "stored.read" | "history.read" | "mutual" | "write";

export interface BatchResult {
  /** Pairs that had interactions (or an override) and were written. */
  pairs: number;
  /** Directed Edge rows written (two per pair). */
  edges: number;
  /** Pairs whose stored aggregate was added to. */
  addedTo: number;
}

export interface BatchOptions {
  /**
   * New interactions folded per pair (readNewInteractions), created at or after `since`: a pair whose stored
   * aggregate predates `since` and whose people still have the same keys gets them added instead of being
   * read in full.
   */
  newInteractions?: { since: Date; deltas: DeltaLookup };
  /** Called with each phase's milliseconds, per batch (benchmarks). */
  onPhase?: (phase: RecomputePhase, ms: number) => void;
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

/** One pair of live (not deleted) people as a batch's reads find it. */
interface PairState {
  a: string;
  b: string;
  /** pairKey(a, b), made once: every lookup below reuses the string (and its hash). */
  key: string;
  /** Its aggregate: a stored one added to, or its history read in full; null without interactions. */
  stored: StoredAggregate | null;
  /** Its mutual connections: kept with a stored aggregate added to, or counted. */
  mutual: number | null;
  override: StrengthOverride | null;
}

/** What a batch's reads found: everything its writes need. */
interface BatchReads {
  live: PairState[];
  /** Pairs that get edges: with interactions, or a member's override. */
  found: PairState[];
  fingerprint: (a: string, b: string) => string;
  /** Pairs whose stored aggregate was added to. */
  addedTo: number;
  organizations: Map<string, string | null>;
}

interface BatchContext {
  sql: SqlRunner;
  fresh: BatchOptions["newInteractions"];
  neighbours: NeighbourCache;
  /** Settles when the batch read last has counted its mutual connections (they are counted in batch order). */
  counting: Promise<void>;
  /** Adds a phase's milliseconds (benchmarks): measured from the phase's first statement to its result. */
  phase: (phase: RecomputePhase, started: number) => void;
}

/** A batch's reads, begun in batch order (which the mutual connections' count follows). */
async function readBatch(context: BatchContext, batch: ReadonlyArray<readonly [string, string]>): Promise<BatchReads> {
  const previousCount = context.counting;
  let countDone = () => {};
  context.counting = new Promise<void>((resolve) => (countDone = resolve));
  try {
    return await readBatchAfter(context, batch, previousCount);
  } finally {
    // Also when the read failed: the next batch's read must not wait forever (its statements fail anyway).
    countDone();
  }
}

async function readBatchAfter(context: BatchContext, batch: ReadonlyArray<readonly [string, string]>, previousCount: Promise<void>): Promise<BatchReads> {
  const { sql, fresh } = context;
  let started = performance.now();
  const keys = await keysOf(sql, batch.flat());
  const hashes = new Map([...keys].map(([id, list]) => [id, personKeysHash(list)]));
  const live: PairState[] = [];
  for (const [a, b] of batch) if (keys.has(a) && keys.has(b)) live.push({ a, b, key: pairKey(a, b), stored: null, mutual: null, override: null });
  const fingerprint = (a: string, b: string): string => pairFingerprint(hashes.get(a) as string, hashes.get(b) as string);
  context.phase("keys", started);

  // Stored aggregates that can be added to: same keys, written before the new interactions began. Their
  // mutual connections are kept as last counted (counting them is most of a per-pair recompute's cost:
  // one side of most pairs is a hub); the nightly full recompute counts every pair again.
  let addedTo = 0;
  if (fresh) {
    started = performance.now();
    const stored = await readStoredPairs(sql, live.map(({ a, b }) => [a, b] as const));
    for (const pair of live) {
      const row = stored.get(pair.key);
      if (!row || row.fingerprint !== fingerprint(pair.a, pair.b) || row.stored.through.getTime() >= fresh.since.getTime()) continue;
      const delta = fresh.deltas.get(pair.key);
      pair.stored = delta ? mergeStoredAggregates(row.stored, delta) : row.stored;
      pair.mutual = row.mutualConnections;
      addedTo += 1;
    }
    context.phase("stored.read", started);
  }
  started = performance.now();
  const readInFull = live.filter((pair) => pair.stored === null);
  const isHub = await hubsOf(sql, readInFull.flatMap(({ a, b }) => [a, b]), context.neighbours);
  const histories = await aggregateInFull(sql, readInFull.map(({ a, b }) => [a, b] as const), keys, isHub);
  for (const pair of readInFull) pair.stored = histories.get(pair.key) ?? null;
  context.phase("history.read", started);

  // A member's override is evidence by itself: a pair of two live people with an override and no
  // interactions still gets an edge (override-only; see overrides.ts). It has nothing to store.
  const overrides = await overridesFor(sql, batch);
  for (const pair of live) pair.override = overrides.get(pair.key) ?? null;
  const found = live.filter((pair) => pair.stored !== null || pair.override !== null);
  const organizations = await organizationsOf(sql, found.flatMap(({ a, b }) => [a, b]));

  // Mutual connections of the pairs without a kept count, batch after batch: each batch's count sees the
  // Edge table plus the pairs of the batches counted before it (what their writes add), so it does not
  // wait for those writes, and comes out as if the batches had run one after the other.
  await previousCount;
  started = performance.now();
  const uncounted = found.filter((pair) => pair.mutual === null);
  const counted = await mutualConnectionsOf(sql, uncounted.map(({ a, b }) => [a, b] as const), context.neighbours);
  for (const pair of uncounted) pair.mutual = counted.get(pair.key) ?? 0;
  context.phase("mutual", started);
  return { live, found, fingerprint, addedTo, organizations };
}

/**
 * A batch's writes: its stored aggregates (dropped for pairs left without interactions), then its edges,
 * in slices sent without waiting: Node packs and scores the next slice while PostgreSQL writes this one,
 * and between slices the next batch's reads get their turn (yieldToIo).
 */
async function writeBatch(context: BatchContext, reads: BatchReads, asOf: Date): Promise<{ pairs: number; edges: number }> {
  const { sql } = context;
  const { live, found, fingerprint, organizations } = reads;
  const started = performance.now();
  const sent = new InFlight();
  const toStore: StoredPair[] = [];
  const withoutHistory: Array<readonly [string, string]> = [];
  for (const { a, b, stored, mutual } of live) {
    if (stored) toStore.push({ a, b, fingerprint: fingerprint(a, b), stored, mutualConnections: mutual ?? 0 });
    else withoutHistory.push([a, b]);
  }
  let edges = 0;
  try {
    for (let at = 0; at < toStore.length; at += WRITE_SLICE) {
      sent.track(writeStoredPairs(sql, toStore.slice(at, at + WRITE_SLICE)));
      await yieldToIo();
    }
    sent.track(forgetPairs(sql, withoutHistory));
    for (let at = 0; at < found.length; at += WRITE_SLICE) {
      const scored = found.slice(at, at + WRITE_SLICE).map(({ a, b, stored, mutual, override }): ScoredPair => {
        const orgA = organizations.get(a) ?? null;
        return {
          a,
          b,
          aggregate: stored?.aggregate ?? EMPTY_AGGREGATE,
          context: { mutualConnections: mutual ?? 0, sharedOrganization: orgA !== null && orgA === (organizations.get(b) ?? null), override },
        };
      });
      sent.track(writeScoredPairs(sql, scored, asOf)).then((written) => (edges += written), () => undefined);
      await yieldToIo();
    }
    await sent.settle();
  } catch (error) {
    // Nothing of this batch is left running when it reports a failure.
    throw await sent.causeOf(error);
  }
  context.phase("write", started);
  return { pairs: found.length, edges };
}

/** Recomputes `pairs` (a < b, each once) in batches of `batchSize`, pipelined (see the top of this file). */
export async function recomputeInBatches(
  sql: SqlRunner,
  all: ReadonlyArray<readonly [string, string]>,
  batchSize: number,
  asOf: Date,
  options: BatchOptions,
): Promise<BatchResult> {
  const result: BatchResult = { pairs: 0, edges: 0, addedTo: 0 };
  const context: BatchContext = {
    sql,
    fresh: options.newInteractions,
    neighbours: neighbourCache(),
    counting: Promise.resolve(),
    phase: (phase, started) => options.onPhase?.(phase, performance.now() - started),
  };
  const batches: Array<Array<readonly [string, string]>> = [];
  for (let start = 0; start < all.length; start += batchSize) batches.push(all.slice(start, start + batchSize));

  const inFlight = new InFlight();
  const track = <T>(promise: Promise<T>): Promise<T> => inFlight.track(promise);
  try {
    // Batch n + 1 … n + READ_AHEAD are being read while batch n is written.
    const reading: Array<Promise<BatchReads>> = [];
    const readUpTo = (last: number) => {
      for (let index = reading.length; index <= last && index < batches.length; index += 1) {
        reading.push(track(readBatch(context, batches[index] as Array<readonly [string, string]>)));
      }
    };
    readUpTo(READ_AHEAD - 1);
    const writing: Array<Promise<unknown>> = [];
    for (let index = 0; index < batches.length; index += 1) {
      const reads: BatchReads = await (reading[index] as Promise<BatchReads>);
      result.addedTo += reads.addedTo;
      writing.push(track(writeBatch(context, reads, asOf).then((written) => add(result, written))));
      // At most two batches' writes queued: what is read ahead waits in memory, not in the connection's queue.
      if (index > 0) await writing[index - 1];
      readUpTo(index + READ_AHEAD);
    }
    await inFlight.settle();
  } catch (error) {
    // Nothing is left running when the step reports a failure, and what it reports is the cause.
    throw await inFlight.causeOf(error);
  }
  return result;
}

function add(total: BatchResult, batch: { pairs: number; edges: number }): void {
  total.pairs += batch.pairs;
  total.edges += batch.edges;
}
