// The in-memory graph that intro-path queries run on: people as dense indices, edges as two CSRs
// (out-edges for searching from the source, in-edges for searching from the target), built once from
// PostgreSQL rows by a long-lived process and then patched (apply-graph-changes.ts), never per request.
// Treat it as immutable: a patch returns a new snapshot, so queries in flight keep a consistent view.
import { buildCsr, usableStrength, type Csr } from "./csr";

export interface SnapshotPerson {
  id: string;
  organizationId: string | null;
  /** Soft-deleted, erased or suppressed: never on a path, never a target. */
  excluded?: boolean;
}

/** One directed Edge row. Both directions of a pair are separate rows, as in the database. */
export interface SnapshotEdge {
  from: string;
  to: string;
  strength: number;
}

/**
 * Edges as parallel columns of person positions (indices into the `people` list as given), for loaders
 * that resolve ids in SQL (a join on row numbers): skips 2M string-keyed lookups, most of the build
 * time at 1M edges (each lookup is a cache miss on a 100k-entry map: ~0.5 µs here).
 */
export interface EdgeColumns {
  from: Int32Array;
  to: Int32Array;
  strength: Float64Array;
}

export interface GraphSnapshot {
  /** Index → person id. */
  readonly ids: readonly string[];
  readonly indexOf: ReadonlyMap<string, number>;
  /** Index → organization id (null when none). */
  readonly organizationOf: readonly (string | null)[];
  /** 1 for people who must never appear on a path. Their edges are not in the CSRs either. */
  readonly excluded: Uint8Array;
  readonly out: Csr;
  readonly in: Csr;
  /** Current (not excluded) members per organization, ascending indices. */
  readonly membersByOrganization: ReadonlyMap<string, Int32Array>;
  /** Edge rows ignored at build: unknown or excluded endpoints, self-loops, strength ≤ 0 or NaN. */
  readonly droppedEdges: number;
}

/** Members per organization, excluded people left out. O(n). */
export function indexMembers(organizationOf: readonly (string | null)[], excluded: Uint8Array): Map<string, Int32Array> {
  const lists = new Map<string, number[]>();
  organizationOf.forEach((organizationId, index) => {
    if (organizationId === null || excluded[index] === 1) return;
    let list = lists.get(organizationId);
    if (list === undefined) lists.set(organizationId, (list = []));
    list.push(index);
  });
  const members = new Map<string, Int32Array>();
  for (const [organizationId, list] of lists) members.set(organizationId, Int32Array.from(list));
  return members;
}

/**
 * Builds a snapshot. Cost: O(n + m log d) time; memory ≈ 40 bytes per directed edge (targets, costs and
 * strengths, in both directions) plus the id map. A person listed twice keeps the last entry (not
 * allowed with EdgeColumns, whose positions must be unambiguous). Consecutive rows with the same `from`
 * (as `ORDER BY "fromPersonId"` gives them) look that id up once.
 */
export function buildGraphSnapshot(people: Iterable<SnapshotPerson>, edges: Iterable<SnapshotEdge> | EdgeColumns): GraphSnapshot {
  const indexOf = new Map<string, number>();
  const ids: string[] = [];
  const organizationOf: (string | null)[] = [];
  const excludedList: number[] = [];
  let listed = 0;
  for (const person of people) {
    listed += 1;
    let index = indexOf.get(person.id);
    if (index === undefined) {
      index = ids.length;
      indexOf.set(person.id, index);
      ids.push(person.id);
    }
    organizationOf[index] = person.organizationId;
    excludedList[index] = person.excluded === true ? 1 : 0;
  }
  const n = ids.length;
  const excluded = Uint8Array.from(excludedList);

  if (isColumns(edges) && listed !== n) throw new RangeError("EdgeColumns need each person listed once: positions would be ambiguous");
  const { from, to, strength, count, dropped } = isColumns(edges) ? keepUsable(edges, n, excluded) : resolveEdges(edges, indexOf, excluded);

  return {
    ids,
    indexOf,
    organizationOf,
    excluded,
    out: buildCsr(n, from, to, strength, count),
    in: buildCsr(n, to, from, strength, count),
    membersByOrganization: indexMembers(organizationOf, excluded),
    droppedEdges: dropped,
  };
}

interface ResolvedEdges {
  from: Int32Array;
  to: Int32Array;
  strength: Float64Array;
  count: number;
  dropped: number;
}

function isColumns(edges: Iterable<SnapshotEdge> | EdgeColumns): edges is EdgeColumns {
  return edges instanceof Object && "from" in edges && edges.from instanceof Int32Array;
}

/** Keeps the rows that can carry a path: known, distinct, non-excluded endpoints and a strength > 0. */
function keepUsable(columns: EdgeColumns, n: number, excluded: Uint8Array): ResolvedEdges {
  const length = columns.from.length;
  if (columns.to.length !== length || columns.strength.length !== length) throw new RangeError("edge columns differ in length");
  const from = new Int32Array(length);
  const to = new Int32Array(length);
  const strength = new Float64Array(length);
  let count = 0;
  for (let e = 0; e < length; e += 1) {
    const a = columns.from[e] as number;
    const b = columns.to[e] as number;
    const usable = usableStrength(columns.strength[e] as number);
    if (a < 0 || b < 0 || a >= n || b >= n || a === b || usable === null || excluded[a] === 1 || excluded[b] === 1) continue;
    from[count] = a;
    to[count] = b;
    strength[count] = usable;
    count += 1;
  }
  return { from, to, strength, count, dropped: length - count };
}

function resolveEdges(edges: Iterable<SnapshotEdge>, indexOf: ReadonlyMap<string, number>, excluded: Uint8Array): ResolvedEdges {
  let capacity = Array.isArray(edges) ? Math.max(1, edges.length) : 1024;
  let from = new Int32Array(capacity);
  let to = new Int32Array(capacity);
  let strength = new Float64Array(capacity);
  let count = 0;
  let dropped = 0;
  let lastFromId: string | null = null;
  let lastFrom: number | undefined;
  for (const edge of edges) {
    if (edge.from !== lastFromId) {
      lastFromId = edge.from;
      lastFrom = indexOf.get(edge.from);
    }
    const a = lastFrom;
    const b = indexOf.get(edge.to);
    const usable = usableStrength(edge.strength);
    if (a === undefined || b === undefined || a === b || usable === null || excluded[a] === 1 || excluded[b] === 1) {
      dropped += 1;
      continue;
    }
    if (count === capacity) {
      capacity *= 2;
      const wider = { from: new Int32Array(capacity), to: new Int32Array(capacity), strength: new Float64Array(capacity) };
      wider.from.set(from);
      wider.to.set(to);
      wider.strength.set(strength);
      ({ from, to, strength } = wider);
    }
    from[count] = a;
    to[count] = b;
    strength[count] = usable;
    count += 1;
  }
  return { from, to, strength, count, dropped };
}

/** The strength of the directed edge from → to (indices), or null. Linear in the row; for explanations. */
export function edgeStrength(snapshot: GraphSnapshot, from: number, to: number): number | null {
  const { offsets, targets, strengths } = snapshot.out;
  for (let e = offsets[from] as number; e < (offsets[from + 1] as number); e += 1) {
    if (targets[e] === to) return strengths[e] as number;
  }
  return null;
}
