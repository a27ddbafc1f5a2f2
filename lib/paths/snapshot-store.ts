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

/** Edge rows per keyset page: bounded memory per round trip, ~20 pages at 1M edges. */
const EDGE_BATCH = 50_000;

export const DEFAULT_REFRESH_INTERVAL_MS = 3_000;

/** Loads every person (deleted ones flagged as excluded) and every directed edge, batch by batch. */
export async function loadGraphSnapshot(db: Db, options: { batchSize?: number } = {}): Promise<GraphSnapshot> {
  const batchSize = options.batchSize ?? EDGE_BATCH;
  const rows = await db.$queryRaw<Array<{ id: string; organizationId: string | null; excluded: boolean }>>`
    SELECT id::text AS id, "organizationId"::text AS "organizationId", ("deletedAt" IS NOT NULL OR "erasedAt" IS NOT NULL) AS excluded
    FROM "Person" ORDER BY id`;
  const people: SnapshotPerson[] = rows.map((row) => ({ id: row.id, organizationId: row.organizationId, excluded: row.excluded }));
  // Pairs hidden by members' blocklists (lib/privacy/hidden-edges.ts) never enter the snapshot.
  const hidden = await loadHiddenEdgePairs(db);
  const positionOf = new Map<string, number>();
  people.forEach((person, position) => positionOf.set(person.id, position));

  // Positions resolved here while paging, so the build skips its own id lookups (EdgeColumns). Several
  // relationship types between the same pair collapse into one directed edge with the highest strength.
  let capacity = 1024;
  let from = new Int32Array(capacity);
  let to = new Int32Array(capacity);
  let strength = new Float64Array(capacity);
  let count = 0;
  let after: { from: string; to: string } | null = null;
  for (;;) {
    const page: Array<{ f: string; t: string; s: number }> = after
      ? await db.$queryRaw`
          SELECT "fromPersonId"::text AS f, "toPersonId"::text AS t, max(strength)::float8 AS s FROM "Edge"
          WHERE ("fromPersonId", "toPersonId") > (${after.from}::uuid, ${after.to}::uuid)
          GROUP BY "fromPersonId", "toPersonId" ORDER BY "fromPersonId", "toPersonId" LIMIT ${batchSize}`
      : await db.$queryRaw`
          SELECT "fromPersonId"::text AS f, "toPersonId"::text AS t, max(strength)::float8 AS s FROM "Edge"
          GROUP BY "fromPersonId", "toPersonId" ORDER BY "fromPersonId", "toPersonId" LIMIT ${batchSize}`;
    if (count + page.length > capacity) {
      while (count + page.length > capacity) capacity *= 2;
      const wider = { from: new Int32Array(capacity), to: new Int32Array(capacity), strength: new Float64Array(capacity) };
      wider.from.set(from.subarray(0, count));
      wider.to.set(to.subarray(0, count));
      wider.strength.set(strength.subarray(0, count));
      ({ from, to, strength } = wider);
    }
    for (const row of page) {
      if (hidden.size > 0 && hidden.has(row.f, row.t)) continue;
      // A person inserted after the people query: -1 makes the build drop the row; the next refresh has it.
      from[count] = positionOf.get(row.f) ?? -1;
      to[count] = positionOf.get(row.t) ?? -1;
      strength[count] = Number(row.s);
      count += 1;
    }
    const last = page[page.length - 1];
    if (page.length < batchSize || last === undefined) break;
    after = { from: last.f, to: last.t };
  }
  const columns: EdgeColumns = { from: from.subarray(0, count), to: to.subarray(0, count), strength: strength.subarray(0, count) };
  return buildGraphSnapshot(people, columns);
}

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
