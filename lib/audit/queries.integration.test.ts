// The audit trail reads behind /admin/audit, on a real PostgreSQL: filters, keyset paging, actor names.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "../db/client";
import { resetDatabase } from "../testing/reset-database";
import { listAuditFilterOptions, listAuditLogs, resolveAuditActors, type AuditCursor, type AuditFilters } from "./queries";

beforeEach(resetDatabase);

interface Seed {
  correlationId?: string;
  action?: string;
  entityType?: string;
  entityId?: string | null;
  actorId?: string | null;
  at?: string;
  metadata?: { [key: string]: string | number };
}

/** Rows written with explicit times, so ordering and ranges are deterministic. Returns their ids in order. */
async function seed(rows: Seed[]): Promise<string[]> {
  const data = rows.map((row) => ({
    id: randomUUID(),
    correlationId: row.correlationId ?? "op-1764126000000-00000000",
    action: row.action ?? "person.created",
    entityType: row.entityType ?? "Person",
    entityId: row.entityId === undefined ? randomUUID() : row.entityId,
    actorId: row.actorId ?? null,
    metadata: row.metadata,
    createdAt: new Date(row.at ?? "2026-11-01T12:00:00Z"),
  }));
  await prisma.auditLog.createMany({ data });
  return data.map((row) => row.id);
}

/** The (createdAt desc, id desc) order the trail promises, computed independently of the database. */
async function expectedOrder(where: object = {}): Promise<string[]> {
  const rows = await prisma.auditLog.findMany({ where, select: { id: true, createdAt: true } });
  return rows
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
    .map((row) => row.id);
}

const ids = async (filters: AuditFilters) => (await listAuditLogs({ filters })).rows.map((row) => row.id).sort();

describe("filters", () => {
  it("apply one at a time", async () => {
    const personId = randomUUID();
    const [merged, created, syncStarted, erased, early, late] = await seed([
      { correlationId: "merge-1764126000000-aaaaaaaa", action: "person.merged", entityId: personId, actorId: "u-1", at: "2026-11-01T10:00:00Z" },
      { correlationId: "merge-1764126000000-aaaaaaaa", action: "person.created", entityId: personId, at: "2026-11-01T10:00:00Z" },
      { action: "sync.started", entityType: "Source", entityId: "linkedin", actorId: "system:sync", at: "2026-11-01T11:00:00Z" },
      { action: "personal_data.erased", entityType: "Person", at: "2026-11-01T11:30:00Z" },
      { action: "person.created", at: "2026-10-01T00:00:00Z" },
      { action: "person.created", at: "2026-12-01T00:00:00Z" },
    ]);
    expect(await ids({})).toHaveLength(6);
    expect(await ids({ correlationId: "merge-1764126000000-aaaaaaaa" })).toEqual([merged, created].sort());
    expect(await ids({ correlationId: "merge-1764126000000" })).toEqual([]); // exact, not a prefix
    expect(await ids({ entityType: "Source" })).toEqual([syncStarted]);
    expect(await ids({ entityId: personId })).toEqual([merged, created].sort());
    expect(await ids({ action: { equals: "person.created" } })).toEqual([created, early, late].sort());
    expect(await ids({ action: { startsWith: "person." } })).toEqual([merged, created, early, late].sort());
    expect(await ids({ action: { startsWith: "sync." } })).toEqual([syncStarted]);
    expect(await ids({ actorId: "system:sync" })).toEqual([syncStarted]);
    expect(await ids({ from: new Date("2026-11-01T11:00:00Z") })).toEqual([syncStarted, erased, late].sort());
    // `to` is exclusive: a row at exactly 11:00 belongs to the next range, not this one.
    expect(await ids({ to: new Date("2026-11-01T11:00:00Z") })).toEqual([merged, created, early].sort());
    expect(await ids({ from: new Date("2026-11-01T00:00:00Z"), to: new Date("2026-11-02T00:00:00Z") })).toEqual([merged, created, syncStarted, erased].sort());
  });

  it("treat LIKE wildcards in an action prefix literally", async () => {
    const [underscore, lookalike, percent] = await seed([{ action: "person_x.created" }, { action: "personAx.created" }, { action: "100%.done" }]);
    expect(await ids({ action: { startsWith: "person_x." } })).toEqual([underscore]);
    expect(await ids({ action: { startsWith: "%" } })).toEqual([]);
    expect(await ids({ action: { startsWith: "100%" } })).toEqual([percent]);
    expect(lookalike).toBeDefined();
  });

  it("combine with AND", async () => {
    const personId = randomUUID();
    const [match] = await seed([
      { action: "person.merged", entityId: personId, actorId: "u-1", at: "2026-11-01T10:00:00Z", correlationId: "merge-1764126000000-bbbbbbbb" },
      { action: "person.merged", entityId: personId, actorId: "u-2", at: "2026-11-01T10:00:00Z", correlationId: "merge-1764126000000-bbbbbbbb" },
      { action: "person.created", entityId: personId, actorId: "u-1", at: "2026-11-01T10:00:00Z", correlationId: "merge-1764126000000-bbbbbbbb" },
      { action: "person.merged", entityId: randomUUID(), actorId: "u-1", at: "2026-11-01T10:00:00Z", correlationId: "merge-1764126000000-bbbbbbbb" },
      { action: "person.merged", entityId: personId, actorId: "u-1", at: "2026-11-03T10:00:00Z", correlationId: "merge-1764126000000-bbbbbbbb" },
      { action: "person.merged", entityId: personId, actorId: "u-1", at: "2026-11-01T10:00:00Z", correlationId: "merge-1764126000000-cccccccc" },
      { action: "person.merged", entityId: personId, actorId: "u-1", at: "2026-11-01T10:00:00Z", entityType: "Edge", correlationId: "merge-1764126000000-bbbbbbbb" },
    ]);
    const all: AuditFilters = {
      correlationId: "merge-1764126000000-bbbbbbbb",
      entityType: "Person",
      entityId: personId,
      action: { startsWith: "person." },
      actorId: "u-1",
      from: new Date("2026-11-01T00:00:00Z"),
      to: new Date("2026-11-02T00:00:00Z"),
    };
    expect(await ids({ ...all, action: { equals: "person.merged" } })).toEqual([match]);
    // Dropping the action filter lets the person.created row of the same operation back in.
    const { action: _dropped, ...withoutAction } = all;
    expect(await ids(withoutAction)).toHaveLength(2);
  });
});

/** Walks every page older, then back newer from the last, returning the ids of each page in order. */
async function walk(filters: AuditFilters, pageSize: number) {
  const older: string[][] = [];
  let cursor: AuditCursor | undefined;
  for (;;) {
    const page = await listAuditLogs({ filters, cursor, pageSize });
    older.push(page.rows.map((row) => row.id));
    if (older.length > 1) expect(page.newer).not.toBeNull();
    if (!page.older) break;
    cursor = page.older;
    if (older.length > 100) throw new Error("paging does not end");
  }
  const newer: string[][] = [];
  cursor = (await listAuditLogs({ filters, cursor, pageSize })).newer ?? undefined;
  while (cursor) {
    const page = await listAuditLogs({ filters, cursor, pageSize });
    newer.unshift(page.rows.map((row) => row.id));
    cursor = page.newer ?? undefined;
  }
  return { older, newer };
}

describe("keyset pagination", () => {
  it("returns every row exactly once, newest first, across pages of 50", async () => {
    const rows = Array.from({ length: 123 }, (_, index) => ({ at: new Date(Date.UTC(2026, 10, 1, 0, index)).toISOString() }));
    await seed(rows);
    const { older, newer } = await walk({}, 50);
    expect(older.map((page) => page.length)).toEqual([50, 50, 23]);
    expect(older.flat()).toEqual(await expectedOrder());
    // Paging back from the oldest page shows the same pages again.
    expect(newer).toEqual(older.slice(0, -1));
  });

  it("breaks ties by id when many rows share one createdAt", async () => {
    const at = "2026-11-01T12:00:00.000Z";
    await seed([
      ...Array.from({ length: 5 }, () => ({ at: "2026-11-01T12:00:00.001Z" })),
      ...Array.from({ length: 61 }, () => ({ at })),
      ...Array.from({ length: 5 }, () => ({ at: "2026-11-01T11:59:59.999Z" })),
    ]);
    for (const pageSize of [50, 7, 1]) {
      const { older, newer } = await walk({}, pageSize);
      const seen = older.flat();
      expect(new Set(seen).size).toBe(71);
      expect(seen).toEqual(await expectedOrder());
      expect(newer).toEqual(older.slice(0, -1));
    }
  });

  it("pages within the filters", async () => {
    await seed(Array.from({ length: 30 }, (_, index) => ({ action: index % 3 === 0 ? "sync.started" : "person.created", at: new Date(Date.UTC(2026, 10, 1, index)).toISOString() })));
    const { older } = await walk({ action: { startsWith: "person." } }, 6);
    expect(older.map((page) => page.length)).toEqual([6, 6, 6, 2]);
    expect(older.flat()).toEqual(await expectedOrder({ action: { startsWith: "person." } }));
  });

  it("ends paging back on the same first page a fresh visit shows", async () => {
    await seed(Array.from({ length: 12 }, (_, index) => ({ at: new Date(Date.UTC(2026, 10, 1, index)).toISOString() })));
    const first = await listAuditLogs({ pageSize: 5 });
    const second = await listAuditLogs({ pageSize: 5, cursor: first.older ?? undefined });
    // From page two, "newer" is exactly page one.
    const back = await listAuditLogs({ pageSize: 5, cursor: second.newer ?? undefined });
    expect(back.rows.map((row) => row.id)).toEqual(first.rows.map((row) => row.id));
    expect(back.newer).toBeNull();
    expect(back.older).toEqual(first.older);
    // Fewer than a page newer than the cursor (rows erased, or a hand-made link): the newest page, full.
    const middle = first.rows[2];
    if (!middle) throw new Error("setup");
    const top = await listAuditLogs({ pageSize: 5, cursor: { direction: "newer", createdAt: middle.createdAt, id: middle.id } });
    expect(top.rows.map((row) => row.id)).toEqual(first.rows.map((row) => row.id));
    expect(top.newer).toBeNull();
  });

  it("shows an empty page, not an error, for a cursor past the end", async () => {
    await seed([{ at: "2026-11-01T12:00:00Z" }]);
    const page = await listAuditLogs({ cursor: { direction: "older", createdAt: new Date("2000-01-01T00:00:00Z"), id: randomUUID() } });
    expect(page).toEqual({ rows: [], older: null, newer: null });
  });
});

describe("actors", () => {
  it("resolves user ids to name and email, and leaves other actors as written", async () => {
    const dana = await prisma.user.create({ data: { email: "dana@example.com", name: "Dana Reyes" } });
    const noName = await prisma.user.create({ data: { email: "ops@example.com" } });
    const ghost = randomUUID();
    await seed([
      { actorId: dana.id, at: "2026-11-01T12:00:05Z" },
      { actorId: noName.id, at: "2026-11-01T12:00:04Z" },
      { actorId: "system:sync", at: "2026-11-01T12:00:03Z" },
      { actorId: ghost, at: "2026-11-01T12:00:02Z" },
      { actorId: null, at: "2026-11-01T12:00:01Z" },
    ]);
    const { rows } = await listAuditLogs();
    expect(rows.map((row) => [row.actorId, row.actor])).toEqual([
      [dana.id, { id: dana.id, name: "Dana Reyes", email: "dana@example.com" }],
      [noName.id, { id: noName.id, name: null, email: "ops@example.com" }],
      ["system:sync", null],
      [ghost, null],
      [null, null],
    ]);
    expect([...(await resolveAuditActors([dana.id, "not-a-uuid", null, dana.id])).keys()]).toEqual([dana.id]);
    expect(await ids({ actorId: dana.id })).toHaveLength(1);
  });

  it("offers the distinct actions, entity types and actors present", async () => {
    const dana = await prisma.user.create({ data: { email: "dana@example.com", name: "Dana Reyes" } });
    await seed([
      { action: "person.merged", actorId: dana.id },
      { action: "person.merged", actorId: "system:sync" },
      { action: "sync.started", entityType: "Source", actorId: "system:sync" },
      { action: "person.created" },
    ]);
    expect(await listAuditFilterOptions()).toEqual({
      actions: [
        { action: "person.created", count: 1 },
        { action: "person.merged", count: 2 },
        { action: "sync.started", count: 1 },
      ],
      entityTypes: ["Person", "Source"],
      actors: [
        { actorId: dana.id, actor: { id: dana.id, name: "Dana Reyes", email: "dana@example.com" } },
        { actorId: "system:sync", actor: null },
      ],
    });
  });
});
