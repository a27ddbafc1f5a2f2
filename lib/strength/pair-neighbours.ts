// Mutual connections of the pairs a per-pair recompute writes: people (not deleted) both have an edge with,
// from the Edge table plus every pair being written. Any edge counts, whatever its strength, as in the full
// recompute (every pair with interactions), and so the lookups are index-only: the Edge indexes hold no
// strength, which changes at every recompute (see the edge_hot_updates migration).
// Counted in TypeScript rather than by a self-join: the planner cannot know that one side of most pairs is
// a hub (a team member with thousands of edges), and a join it orders wrongly is quadratic. So hubs are
// recognised on the Edge index (one bounded probe each) and their neighbour lists are never loaded:
// - (person, person): both lists are loaded and intersected;
// - (person, hub): one index probe per neighbour of the person, all in one statement;
// - (hub, hub): the count the pair's edge already has (the nightly full recompute counts it exactly); a new
//   pair of two hubs loads both lists once.
import { pairKey } from "./pair-key";
import type { SqlRunner } from "../db/sql-runner";

/** People with more edges than this are hubs. */
export const HUB_DEGREE = 2_000;

const EMPTY: ReadonlySet<string> = new Set();

/**
 * Each person's live neighbours (in full: callers leave hubs out). The lists come from the Edge index alone;
 * deleted people are taken out here, from the cache's list of them, rather than by joining every neighbour
 * to Person.
 */
async function neighbourLists(sql: SqlRunner, ids: readonly string[], cache: NeighbourCache): Promise<Map<string, Set<string>>> {
  const lists = new Map<string, Set<string>>();
  if (ids.length === 0) return lists;
  cache.deleted ??= new Set(
    (await sql.query<{ id: string }>(`SELECT id::text AS id FROM "Person" WHERE "deletedAt" IS NOT NULL`)).map((row) => row.id),
  );
  const deleted = cache.deleted;
  // Each list as one comma-separated text: split natively, where a text[] goes through the driver's
  // character-by-character array parser.
  const rows = await sql.query<{ id: string; ts: string | null }>(
    `SELECT p.id::text AS id, (SELECT string_agg(e."toPersonId"::text, ',') FROM "Edge" e WHERE e."fromPersonId" = p.id) AS ts
       FROM unnest($1::uuid[]) AS p(id)`,
    [ids],
  );
  for (const row of rows) {
    const list = new Set<string>();
    if (row.ts) for (const id of row.ts.split(",")) if (!deleted.has(id)) list.add(id);
    lists.set(row.id, list);
  }
  return lists;
}

/**
 * Which of these people are hubs: more than HUB_DEGREE edges, live or not. Counted on the index alone, so a
 * hub's thousands of neighbours are neither joined to Person nor sent.
 */
async function hubsAmong(sql: SqlRunner, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await sql.query<{ id: string }>(
    `SELECT p.id::text AS id FROM unnest($1::uuid[]) AS p(id)
      WHERE EXISTS (SELECT 1 FROM "Edge" e WHERE e."fromPersonId" = p.id OFFSET ${HUB_DEGREE})`,
    [ids],
  );
  return new Set(rows.map((row) => row.id));
}

/**
 * What one recompute remembers across its batches: who is a hub (a hub's degree is not counted again) and
 * who is deleted.
 */
export interface NeighbourCache {
  hubs: Map<string, boolean>;
  deleted: Set<string> | null;
  /**
   * The pairs being written, by person: edges too, whether or not their rows exist yet (new pairs have none).
   * Every pair counted so far is added, so a recompute that counts batch after batch sees its earlier
   * batches' pairs without waiting for their edges to be written.
   */
  written: Map<string, Set<string>>;
}

export const neighbourCache = (): NeighbourCache => ({ hubs: new Map(), deleted: null, written: new Map() });

/** Which of these people are hubs, asking only about those the cache does not know yet. */
export async function hubsOf(sql: SqlRunner, ids: Iterable<string>, cache: NeighbourCache): Promise<(id: string) => boolean> {
  const { hubs } = cache;
  const unknown = [...new Set(ids)].filter((id) => !hubs.has(id));
  const newHubs = await hubsAmong(sql, unknown);
  for (const id of unknown) hubs.set(id, newHubs.has(id));
  return (id: string): boolean => hubs.get(id) === true;
}

/** Each pair's mutual connections, keyed by pairKey. */
export async function mutualConnectionsOf(
  sql: SqlRunner,
  pairs: ReadonlyArray<readonly [string, string]>,
  cache: NeighbourCache = neighbourCache(),
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (pairs.length === 0) return counts;
  const { written } = cache;
  const addWritten = (from: string, to: string) => {
    let set = written.get(from);
    if (!set) written.set(from, (set = new Set()));
    set.add(to);
  };
  for (const [a, b] of pairs) {
    addWritten(a, b);
    addWritten(b, a);
  }
  const people = [...new Set(pairs.flat())];
  const isHub = await hubsOf(sql, people, cache);
  const lists = await neighbourLists(sql, people.filter((id) => !isHub(id)), cache);

  const stored = (id: string): ReadonlySet<string> => (isHub(id) ? EMPTY : lists.get(id) ?? EMPTY);
  const linked = (id: string, other: string): boolean => stored(id).has(other) || (written.get(id)?.has(other) ?? false);
  /** Every neighbour of a non-hub, each once. */
  const neighbours = (id: string): Set<string> => {
    const all = new Set(stored(id));
    for (const other of written.get(id) ?? EMPTY) all.add(other);
    return all;
  };

  const hubPairs: Array<readonly [string, string]> = [];
  // A hub's probes repeat across its pairs (colleagues of one organization share neighbours): each is sent once.
  const probes = { hub: [] as string[], other: [] as string[], seen: new Set<string>() };
  const pending: Array<{ key: string; hub: string; candidates: string[]; known: number }> = [];
  for (const [a, b] of pairs) {
    const key = pairKey(a, b);
    if (isHub(a) && isHub(b)) {
      hubPairs.push([a, b]);
      continue;
    }
    if (!isHub(a) && !isHub(b)) {
      const [small, large] = neighbours(a).size <= neighbours(b).size ? [a, b] : [b, a];
      let count = 0;
      for (const x of neighbours(small)) if (x !== a && x !== b && linked(large, x)) count += 1;
      counts.set(key, count);
      continue;
    }
    // (person, hub): the person's neighbours the hub is linked to.
    const [hub, person] = isHub(a) ? [a, b] : [b, a];
    let known = 0;
    const candidates: string[] = [];
    for (const x of neighbours(person)) {
      if (x === hub) continue;
      if (written.get(hub)?.has(x)) known += 1;
      else candidates.push(x);
    }
    for (const x of candidates) {
      const probe = `${hub} ${x}`;
      if (probes.seen.has(probe)) continue;
      probes.seen.add(probe);
      probes.hub.push(hub);
      probes.other.push(x);
    }
    pending.push({ key, hub, candidates, known });
  }
  if (probes.hub.length > 0) {
    const rows = await sql.query<{ h: string; x: string }>(
      // One index probe per row (LATERAL … LIMIT 1): as a semi-join the planner may hash the whole Edge table.
      `SELECT p.h::text AS h, p.x::text AS x FROM unnest($1::uuid[], $2::uuid[]) AS p(h, x)
        CROSS JOIN LATERAL (SELECT 1 FROM "Edge" e WHERE e."fromPersonId" = p.h AND e."toPersonId" = p.x LIMIT 1) AS found`,
      [probes.hub, probes.other],
    );
    const found = new Set(rows.map((row) => `${row.h} ${row.x}`));
    for (const { key, hub, candidates, known } of pending) counts.set(key, known + candidates.filter((x) => found.has(`${hub} ${x}`)).length);
  } else {
    for (const { key, known } of pending) counts.set(key, known);
  }
  for (const [key, count] of await hubPairCounts(sql, hubPairs, written, cache)) counts.set(key, count);
  return counts;
}

/** (hub, hub) pairs: the count their edge carries; both lists in full for a pair without one. */
async function hubPairCounts(
  sql: SqlRunner,
  pairs: ReadonlyArray<readonly [string, string]>,
  written: ReadonlyMap<string, ReadonlySet<string>>,
  cache: NeighbourCache,
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (pairs.length === 0) return counts;
  const rows = await sql.query<{ a: string; b: string; n: number | null }>(
    `SELECT p.a::text AS a, p.b::text AS b, (
       SELECT COALESCE(f ->> 'raw', f ->> 1)::float8 FROM "Edge" e CROSS JOIN LATERAL json_array_elements(e."strengthFactors" -> 'factors') AS f
        WHERE e."fromPersonId" = p.a AND e."toPersonId" = p.b AND COALESCE(f ->> 'key', f ->> 0) = 'mutual_connections' LIMIT 1) AS n
       FROM unnest($1::uuid[], $2::uuid[]) AS p(a, b)`,
    [pairs.map((pair) => pair[0]), pairs.map((pair) => pair[1])],
  );
  for (const row of rows) if (row.n !== null && Number.isFinite(Number(row.n))) counts.set(pairKey(row.a, row.b), Number(row.n));
  const missing = pairs.filter(([a, b]) => !counts.has(pairKey(a, b)));
  if (missing.length > 0) {
    const full = await neighbourLists(sql, [...new Set(missing.flat())], cache);
    const linked = (id: string, other: string): boolean => (full.get(id)?.has(other) ?? false) || (written.get(id)?.has(other) ?? false);
    for (const [a, b] of missing) {
      let count = 0;
      for (const x of new Set([...(full.get(a) ?? EMPTY), ...(written.get(a) ?? EMPTY)])) if (x !== a && x !== b && linked(b, x)) count += 1;
      counts.set(pairKey(a, b), count);
    }
  }
  return counts;
}
