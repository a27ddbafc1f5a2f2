// The process's in-memory graph snapshot, loaded from PostgreSQL (the source of truth) and kept fresh:
// at most every `refreshIntervalMs` a cheap staleness check (max updatedAt and row counts of Person and
// Edge) decides whether to rebuild, so after an import or merge the next query sees the change within
// seconds. Concurrent callers share one in-flight check and one in-flight build; queries in flight keep
// the snapshot they started with (snapshots are immutable).
//
// Known blind spot: a raw-SQL UPDATE that sets neither updatedAt nor changes a count (Prisma's @updatedAt
// is set by the client only) is seen at the next change that does; every app write goes through Prisma.
// No `import "server-only"`: `npm run paths` (plain Node) uses this module too; it takes the client as an argument.
import type { Db } from "../db/client";
import { blocklistStamp, loadHiddenEdgePairs } from "../privacy/hidden-edges";
import { buildGraphSnapshot, type EdgeColumns, type GraphSnapshot, type SnapshotPerson } from "./graph-snapshot";

/** Bytea chunks the edges come back in (by a byte of the source id): bounded size per result row. */
const EDGE_CHUNKS = 256;

/** Bytes per packed edge: from uuid, to uuid (16 bytes each), float8 strength (network byte order). */
const EDGE_BYTES = 40;

/**
 * uuid → position without strings: an open-addressing table over the ids' four 32-bit words. Looking up
 * 2M edge ends in a Map<string, number> (after decoding each uuid to a string) was most of the load.
 */
class UuidPositions {
  private readonly words: Int32Array;
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(ids: readonly string[]) {
    const n = ids.length;
    this.words = new Int32Array(n * 4);
    let size = 16;
    while (size < n * 2) size *= 2;
    this.slots = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    for (let position = 0; position < n; position += 1) {
      const hex = (ids[position] as string).replaceAll("-", "");
      const w0 = Number.parseInt(hex.slice(0, 8), 16) | 0;
      const w1 = Number.parseInt(hex.slice(8, 16), 16) | 0;
      const w2 = Number.parseInt(hex.slice(16, 24), 16) | 0;
      const w3 = Number.parseInt(hex.slice(24, 32), 16) | 0;
      this.words[position * 4] = w0;
      this.words[position * 4 + 1] = w1;
      this.words[position * 4 + 2] = w2;
      this.words[position * 4 + 3] = w3;
      let slot = UuidPositions.hash(w0, w1, w2, w3) & this.mask;
      while (this.slots[slot] !== -1) slot = (slot + 1) & this.mask;
      this.slots[slot] = position;
    }
  }

  private static hash(w0: number, w1: number, w2: number, w3: number): number {
    let h = Math.imul(w0 ^ Math.imul(w1, 0x9e3779b1), 0x85ebca6b);
    h = Math.imul(h ^ w2 ^ (h >>> 15), 0xc2b2ae35);
    h = Math.imul(h ^ w3 ^ (h >>> 13), 0x27d4eb2f);
    return (h ^ (h >>> 16)) >>> 0;
  }

  /** The position of the uuid stored big-endian at `offset`, or -1. */
  get(view: DataView, offset: number): number {
    const w0 = view.getInt32(offset);
    const w1 = view.getInt32(offset + 4);
    const w2 = view.getInt32(offset + 8);
    const w3 = view.getInt32(offset + 12);
    const { words, slots, mask } = this;
    for (let slot = UuidPositions.hash(w0, w1, w2, w3) & mask; ; slot = (slot + 1) & mask) {
      const position = slots[slot] as number;
      if (position === -1) return -1;
      const at = position * 4;
      if (words[at] === w0 && words[at + 1] === w1 && words[at + 2] === w2 && words[at + 3] === w3) return position;
    }
  }
}

/**
 * Loads every person (deleted ones flagged as excluded) and every directed edge.
 *
 * Neither comes back as rows (Prisma's row decoding was most of the build at 1M edges): people as three
 * aggregated text columns in id order, edges as bytea chunks of `uuid_send(from) || uuid_send(to) ||
 * float8send(strength)`, decoded with a DataView straight into typed arrays, ends resolved to positions
 * through UuidPositions. The three queries run concurrently on the pool; an edge whose end is not in the
 * people list (a person inserted meanwhile) gets -1 and the build drops it, the next refresh has it.
 * Several relationship types between the same pair collapse in the CSR build (the highest strength).
 */
export async function loadGraphSnapshot(db: Db, options: { chunks?: number } = {}): Promise<GraphSnapshot> {
  const chunkCount = Math.min(256, Math.max(1, Math.floor(options.chunks ?? EDGE_CHUNKS)));
  const [peopleRows, hidden, chunks] = await Promise.all([
    db.$queryRaw<Array<{ ids: string | null; organizations: string | null; excluded: string | null }>>`
      SELECT string_agg(id::text, ',' ORDER BY id) AS ids,
             string_agg(coalesce("organizationId"::text, ''), ',' ORDER BY id) AS organizations,
             string_agg(CASE WHEN "deletedAt" IS NOT NULL OR "erasedAt" IS NOT NULL THEN '1' ELSE '0' END, '' ORDER BY id) AS excluded
      FROM "Person"`,
    // Pairs hidden by members' blocklists (lib/privacy/hidden-edges.ts) never enter the snapshot.
    loadHiddenEdgePairs(db),
    db.$queryRaw<Array<{ chunk: Uint8Array | null }>>`
      SELECT string_agg(uuid_send("fromPersonId") || uuid_send("toPersonId") || float8send(strength::float8), ''::bytea) AS chunk
      FROM "Edge" GROUP BY get_byte(uuid_send("fromPersonId"), 15) % ${chunkCount}::int4`,
  ]);
  const packed = peopleRows[0];
  const ids = packed?.ids ? packed.ids.split(",") : [];
  const organizations = packed?.organizations != null && ids.length > 0 ? packed.organizations.split(",") : [];
  const excludedFlags = packed?.excluded ?? "";
  const people: SnapshotPerson[] = ids.map((id, position) => ({
    id,
    organizationId: organizations[position] ? (organizations[position] as string) : null,
    excluded: excludedFlags.charCodeAt(position) === 49,
  }));
  const positions = new UuidPositions(ids);

  let total = 0;
  for (const { chunk } of chunks) total += chunk === null ? 0 : Math.floor(chunk.byteLength / EDGE_BYTES);
  const from = new Int32Array(total);
  const to = new Int32Array(total);
  const strength = new Float64Array(total);
  let count = 0;
  for (const { chunk } of chunks) {
    if (chunk === null) continue;
    const view = new DataView(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const length = chunk.byteLength - (chunk.byteLength % EDGE_BYTES);
    for (let offset = 0; offset < length; offset += EDGE_BYTES) {
      from[count] = positions.get(view, offset);
      to[count] = positions.get(view, offset + 16);
      strength[count] = view.getFloat64(offset + 32);
      count += 1;
    }
  }
  if (hidden.size > 0) {
    // Rare and small: resolve the hidden pairs to positions once and compact the columns.
    const positionOf = new Map<string, number>();
    ids.forEach((id, position) => positionOf.set(id, position));
    const n = ids.length;
    const keys = new Set<number>();
    const { a, b } = hidden.toArrays();
    for (let i = 0; i < a.length; i += 1) {
      const x = positionOf.get(a[i] as string);
      const y = positionOf.get(b[i] as string);
      if (x === undefined || y === undefined) continue;
      keys.add(x * n + y);
      keys.add(y * n + x);
    }
    let kept = 0;
    for (let e = 0; e < count; e += 1) {
      const x = from[e] as number;
      const y = to[e] as number;
      if (x >= 0 && y >= 0 && keys.has(x * n + y)) continue;
      from[kept] = x;
      to[kept] = y;
      strength[kept] = strength[e] as number;
      kept += 1;
    }
    count = kept;
  }
  const columns: EdgeColumns = { from: from.subarray(0, count), to: to.subarray(0, count), strength: strength.subarray(0, count) };
  return buildGraphSnapshot(people, columns);
}

export const DEFAULT_REFRESH_INTERVAL_MS = 3_000;

/** What changes when people or edges are written: compared between checks, never interpreted. */
export async function graphStamp(db: Db): Promise<string> {
  const [row] = await db.$queryRaw<Array<{ stamp: string }>>`
    SELECT concat_ws('|',
      (SELECT max("updatedAt") FROM "Person")::text, (SELECT count(*) FROM "Person")::text,
      (SELECT max("updatedAt") FROM "Edge")::text, (SELECT count(*) FROM "Edge")::text) AS stamp`;
  return `${row?.stamp ?? ""}|${await blocklistStamp(db)}`;
}

export interface SnapshotStoreOptions {
  db: Db;
  /** How often at most to run the staleness check; 0 checks on every call (tests). */
  refreshIntervalMs?: number;
  /** Injectable for tests. */
  now?: () => number;
  load?: (db: Db) => Promise<GraphSnapshot>;
  stamp?: (db: Db) => Promise<string>;
}

export interface SnapshotInfo {
  builtAt: number | null;
  buildMs: number | null;
  builds: number;
}

export class SnapshotStore {
  private readonly db: Db;
  private readonly refreshIntervalMs: number;
  private readonly now: () => number;
  private readonly loadSnapshot: (db: Db) => Promise<GraphSnapshot>;
  private readonly readStamp: (db: Db) => Promise<string>;
  private snapshot: GraphSnapshot | null = null;
  private stamp: string | null = null;
  private checkedAt = -Infinity;
  private inFlight: Promise<GraphSnapshot> | null = null;
  private readonly stats: SnapshotInfo = { builtAt: null, buildMs: null, builds: 0 };

  constructor(options: SnapshotStoreOptions) {
    this.db = options.db;
    this.refreshIntervalMs = options.refreshIntervalMs ?? DEFAULT_REFRESH_INTERVAL_MS;
    this.now = options.now ?? Date.now;
    this.loadSnapshot = options.load ?? loadGraphSnapshot;
    this.readStamp = options.stamp ?? graphStamp;
  }

  get info(): SnapshotInfo {
    return { ...this.stats };
  }

  /** The current snapshot, rebuilt first when the data changed since the last check. */
  async get(): Promise<GraphSnapshot> {
    if (this.snapshot !== null && this.now() - this.checkedAt < this.refreshIntervalMs) return this.snapshot;
    this.inFlight ??= this.refresh().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  /** The current snapshot after a staleness check now, whenever the last one ran (a caller that saw it lag). */
  async checkNow(): Promise<GraphSnapshot> {
    this.checkedAt = -Infinity;
    return this.get();
  }

  /** Forgets the snapshot: the next call rebuilds (after a bulk job that bypassed Prisma, for example). */
  invalidate(): void {
    this.checkedAt = -Infinity;
    this.stamp = null;
  }

  private async refresh(): Promise<GraphSnapshot> {
    const checkedAt = this.now();
    const stamp = await this.readStamp(this.db);
    if (this.snapshot !== null && stamp === this.stamp) {
      this.checkedAt = checkedAt;
      return this.snapshot;
    }
    const started = this.now();
    const snapshot = await this.loadSnapshot(this.db);
    // The stamp read before the load: a write during the load changes it again, so the next check rebuilds.
    this.snapshot = snapshot;
    this.stamp = stamp;
    this.checkedAt = checkedAt;
    this.stats.builds += 1;
    this.stats.builtAt = this.now();
    this.stats.buildMs = this.stats.builtAt - started;
    return snapshot;
  }
}

const globalForSnapshot = globalThis as unknown as { __wigSnapshotStore?: SnapshotStore };

/** The one store per process (kept on globalThis so dev hot reload does not rebuild it). */
export function getSnapshotStore(db: Db): SnapshotStore {
  globalForSnapshot.__wigSnapshotStore ??= new SnapshotStore({ db });
  return globalForSnapshot.__wigSnapshotStore;
}
