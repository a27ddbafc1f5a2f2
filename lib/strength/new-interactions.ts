// The interactions a run created (createdAt ≥ its start, of one source or all), folded per pair of people
// the way the full recompute folds the whole table (pair-accumulator.ts): these are the deltas recomputePairs
// adds to stored aggregates, and their pairs are the pairs the run touched. Participants are resolved to
// people by the recompute's own rule (every person, not deleted, who has the key among their emails or
// network handles: an address two people share counts for both).
import { PairAccumulator } from "./pair-accumulator";
import { peopleOfKeys } from "./people-of-keys";
import { pairKey } from "./pair-key";
import { PACKED_PARTICIPANTS_FROM, packedInteractionSql, unpackInteraction } from "./recompute-sql";
import { BULK_WORK_MEM, withLocalSetting, type SqlRunner } from "../db/sql-runner";
import type { StoredAggregate } from "./stored-aggregate";

/** Past this many people only the starters' pairs are touched (a 200-person thread is not 19,900 ties). */
export const MAX_FULL_PAIR_GROUP = 50;

/** Interactions read per round trip. */
const PAGE = 5_000;

export interface NewInteractionsSelection {
  /** Interactions created at or after this instant (the run's start). */
  since: Date;
  /** Only this source's interactions (an import run); every source when absent. */
  sourceName?: string;
}

/** A pair's delta by pairKey (ReadonlyMap's `get`, so a Map serves too). */
export interface DeltaLookup {
  get(key: string): StoredAggregate | undefined;
}

export interface NewInteractionDeltas {
  /** Pairs (a < b) the interactions touch, starters only for groups past MAX_FULL_PAIR_GROUP. */
  pairs: Array<readonly [string, string]>;
  /** Each touched pair's aggregate of just these interactions, built when asked (they stay in typed arrays). */
  deltas: DeltaLookup;
  /** People of the groups past MAX_FULL_PAIR_GROUP: their pairs among themselves changed but are not recomputed. */
  largeGroupPeople: string[];
  /** Interactions read. */
  interactions: number;
}

/** Reads the selected interactions, resolves their participants and folds them per pair. */
export async function readNewInteractions(sql: SqlRunner, selection: NewInteractionsSelection): Promise<NewInteractionDeltas> {
  const ids: string[] = [];
  const indexOf = new Map<string, number>();
  const index = (id: string): number => {
    let at = indexOf.get(id);
    if (at === undefined) {
      at = ids.length;
      ids.push(id);
      indexOf.set(id, at);
    }
    return at;
  };
  // Each participant key's people as local indices, resolved once per key.
  const indicesByKey = new Map<string, number[]>();
  const accumulator = new PairAccumulator();
  const largeGroupPeople = new Set<string>();
  let interactions = 0;

  const fold = (fields: string[]) => {
    const unpacked = unpackInteraction(fields, (key) => indicesByKey.get(key));
    if (!unpacked) return;
    // Most interactions are small: only a long participant list needs its distinct people counted.
    const distinct = unpacked.people.length <= MAX_FULL_PAIR_GROUP ? null : new Set(unpacked.people);
    if (distinct === null || distinct.size <= MAX_FULL_PAIR_GROUP) {
      accumulator.add(unpacked);
      return;
    }
    const { people: members, starters, ...interaction } = unpacked;
    // A group this large: each starter with everyone (the pairs an import recomputes), direction kept.
    for (const member of distinct) largeGroupPeople.add(ids[member] as string);
    const starting = new Set(members.slice(0, starters));
    for (const starter of starting) {
      for (const other of distinct) {
        if (other === starter || (starting.has(other) && other < starter)) continue;
        accumulator.add({ ...interaction, people: [starter, other], starters: starting.has(other) ? 2 : 1 });
      }
    }
  };

  // The run's new people sit in the emails GIN index's pending list, which every probe below scans linearly
  // (30k probes × 30k pending entries took 16 s on a first LinkedIn import): merge it once first, in a
  // subtransaction, so a role that may not do it just keeps the slower path.
  await sql.exec(`DO $$ BEGIN PERFORM gin_clean_pending_list('"Person_emails_idx"'::regclass); EXCEPTION WHEN OTHERS THEN NULL; END $$`);

  // Page by page (memory follows the pairs, not the run's size), in the full recompute's packed layout, in
  // (createdAt, id) order: a range of the createdAt index, whatever the table's size.
  let after = { created: selection.since.toISOString(), id: "00000000-0000-0000-0000-000000000000" };
  const sourceFilter = selection.sourceName !== undefined ? `AND i."sourceName" = $4` : "";
  for (;;) {
    const page = await sql.query<{ id: string; c: string; r: string }>(
      `SELECT i.id::text AS id, to_char(i."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS c, ${packedInteractionSql("i")} AS r FROM "Interaction" i
        WHERE i."createdAt" >= $1::timestamp AND (i."createdAt", i.id) > ($2::timestamp, $3::uuid) ${sourceFilter}
        ORDER BY i."createdAt", i.id LIMIT ${PAGE}`,
      [selection.since.toISOString(), after.created, after.id, ...(selection.sourceName !== undefined ? [selection.sourceName] : [])],
    );
    const rows = page.map((row) => row.r.split("\x1f"));
    const unknown = [...new Set(rows.flatMap((fields) => fields.slice(PACKED_PARTICIPANTS_FROM)))].filter((key) => !indicesByKey.has(key));
    const found = await peopleOfKeys(sql, unknown);
    for (const key of unknown) indicesByKey.set(key, (found.get(key) ?? []).map(index));
    for (const fields of rows) fold(fields);
    interactions += rows.length;
    const last = page[page.length - 1];
    if (page.length < PAGE || !last) break;
    after = { created: last.c, id: last.id };
  }

  const maps = accumulator.dayMaps();
  const sourceNames = accumulator.sourceNames();
  const { a, b } = accumulator.pairIndices();
  const pairs: Array<readonly [string, string]> = [];
  const slotOf = new Map<string, number>();
  for (let slot = 0; slot < accumulator.pairCount; slot += 1) {
    const x = ids[a[slot] as number] as string;
    const y = ids[b[slot] as number] as string;
    const pair = x < y ? ([x, y] as const) : ([y, x] as const);
    pairs.push(pair);
    slotOf.set(pairKey(pair[0], pair[1]), slot);
  }
  const deltas: DeltaLookup = {
    get(key) {
      const slot = slotOf.get(key);
      if (slot === undefined) return undefined;
      const delta = accumulator.stored(slot, maps, sourceNames);
      // The accumulator's a is the smaller local index; the stored pair's a is the smaller id.
      if ((ids[a[slot] as number] as string) < (ids[b[slot] as number] as string)) return delta;
      return { ...delta, aggregate: { ...delta.aggregate, aToB: delta.aggregate.bToA, bToA: delta.aggregate.aToB } };
    },
  };
  return { pairs, deltas, largeGroupPeople: [...largeGroupPeople], interactions };
}

/**
 * The pairs the selected interactions touch, counted by participant key in one statement instead of by
 * person after folding (readNewInteractions): what the choice of recompute path needs, at a fraction of the
 * fold's cost. Exact when every key names one person; a person under two keys, or a key nobody holds,
 * makes it count high, an address two people share low (rare either way; the choice it feeds is an
 * estimate anyway). Groups past MAX_FULL_PAIR_GROUP count their starter's pairs only, as the fold does.
 */
export async function estimateTouchedPairs(sql: SqlRunner, selection: NewInteractionsSelection): Promise<{ pairs: number; interactions: number }> {
  const sourceFilter = selection.sourceName !== undefined ? `AND i."sourceName" = $2` : "";
  // The distinct pairs are hashed in memory; the default work_mem would spill them to disk.
  const [row] = await withLocalSetting(sql, "work_mem", BULK_WORK_MEM, () => sql.query<{ pairs: number; interactions: number }>(
    `WITH run AS MATERIALIZED (
       SELECT i.participants AS p FROM "Interaction" i WHERE i."createdAt" >= $1::timestamp ${sourceFilter}
     )
     SELECT (SELECT count(*) FROM run)::int AS interactions,
            (SELECT count(*) FROM (
               SELECT DISTINCT LEAST(x.key, y.key) AS k1, GREATEST(x.key, y.key) AS k2
                 FROM run CROSS JOIN LATERAL unnest(run.p) WITH ORDINALITY AS x(key, i)
                          CROSS JOIN LATERAL unnest(run.p) WITH ORDINALITY AS y(key, j)
                WHERE x.key <> y.key
                  AND CASE WHEN cardinality(run.p) <= ${MAX_FULL_PAIR_GROUP} THEN x.i < y.j ELSE x.i = 1 AND y.j > 1 END
             ) pairs)::int AS pairs`,
    [selection.since.toISOString(), ...(selection.sourceName !== undefined ? [selection.sourceName] : [])],
  ));
  return { pairs: row?.pairs ?? 0, interactions: row?.interactions ?? 0 };
}
