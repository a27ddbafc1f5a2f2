// Reads of the audit trail: one operation's rows, the filtered and paged trail for /admin/audit, and the
// values its filter controls offer. The two contract reads take the client first (as writeAudit does);
// the screen reads take it last and default to the shared client, so pages never touch Prisma.
import "server-only";
import { prisma, type Db, type Prisma } from "@/lib/db";
import { isUuid } from "@/lib/api/ids";

/** Every row of one operation, in the order they were written. */
export function auditTrailForCorrelation(db: Db, correlationId: string) {
  return db.auditLog.findMany({ where: { correlationId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}

/** Operations (correlation ids) with their row counts, newest first. */
export async function auditOperations(db: Db, limit = 50) {
  const groups = await db.auditLog.groupBy({
    by: ["correlationId"],
    _count: { _all: true },
    _min: { createdAt: true },
    orderBy: { _min: { createdAt: "desc" } },
    take: limit,
  });
  return groups.map((group) => ({ correlationId: group.correlationId, rows: group._count._all, startedAt: group._min.createdAt }));
}

// ---- The filtered trail ----

export const AUDIT_PAGE_SIZE = 50;

/** Exact action name, or every action that starts with a prefix such as "person.". */
export type AuditActionFilter = { equals: string } | { startsWith: string };

/** All present filters must hold (AND). */
export interface AuditFilters {
  correlationId?: string;
  entityType?: string;
  entityId?: string;
  action?: AuditActionFilter;
  actorId?: string;
  /** Inclusive lower bound on createdAt. */
  from?: Date;
  /** Exclusive upper bound on createdAt, so adjacent ranges never share a row. */
  to?: Date;
}

/**
 * A position in the (createdAt desc, id desc) order: the first or last row of the page the reader came
 * from, and which way they are going. Keyset, not OFFSET: a deep page costs the same as the first, and
 * rows written while someone pages do not shift what they see.
 */
export interface AuditCursor {
  direction: "older" | "newer";
  createdAt: Date;
  id: string;
}

/** The user behind an actorId, when the actor is a signed-in user (jobs record other actor names). */
export interface AuditActor {
  id: string;
  name: string | null;
  email: string;
}

export interface AuditRow {
  id: string;
  correlationId: string;
  action: string;
  actorId: string | null;
  actor: AuditActor | null;
  entityType: string;
  entityId: string | null;
  metadata: Prisma.JsonValue | null;
  createdAt: Date;
}

export interface AuditPage {
  /** Newest first. */
  rows: AuditRow[];
  /** Where the next older page starts, or null when this page holds the oldest matching row. */
  older: AuditCursor | null;
  /** Where the next newer page starts, or null when this page holds the newest matching row. */
  newer: AuditCursor | null;
}

/**
 * Prisma sends `startsWith` to PostgreSQL as LIKE without escaping its wildcards, so "person_x." would
 * also match "personAx."; backslash is PostgreSQL's default LIKE escape (the integration test pins this).
 */
function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}

function filterConditions(filters: AuditFilters): Prisma.AuditLogWhereInput[] {
  const conditions: Prisma.AuditLogWhereInput[] = [];
  if (filters.correlationId !== undefined) conditions.push({ correlationId: filters.correlationId });
  if (filters.entityType !== undefined) conditions.push({ entityType: filters.entityType });
  if (filters.entityId !== undefined) conditions.push({ entityId: filters.entityId });
  if (filters.actorId !== undefined) conditions.push({ actorId: filters.actorId });
  if (filters.action) {
    const action = filters.action;
    conditions.push({ action: "equals" in action ? { equals: action.equals } : { startsWith: escapeLike(action.startsWith) } });
  }
  if (filters.from) conditions.push({ createdAt: { gte: filters.from } });
  if (filters.to) conditions.push({ createdAt: { lt: filters.to } });
  return conditions;
}

/** Rows strictly older (or newer) than a position; `id` breaks ties between rows of the same millisecond. */
function beyond(position: { createdAt: Date; id: string }, direction: AuditCursor["direction"]): Prisma.AuditLogWhereInput {
  const { createdAt, id } = position;
  return direction === "older"
    ? { OR: [{ createdAt: { lt: createdAt } }, { createdAt, id: { lt: id } }] }
    : { OR: [{ createdAt: { gt: createdAt } }, { createdAt, id: { gt: id } }] };
}

const ROW_SELECT = {
  id: true,
  correlationId: true,
  action: true,
  actorId: true,
  entityType: true,
  entityId: true,
  metadata: true,
  createdAt: true,
} as const satisfies Prisma.AuditLogSelect;

/**
 * One page of the trail matching `filters`, newest first. Without a cursor: the newest page. With an
 * "older" cursor: the rows after it; with a "newer" cursor: the rows before it (fetched ascending, then
 * reversed). When fewer than a page of newer rows remain, the newest page is returned instead, so
 * paging back always ends on the same first page a fresh visit shows.
 */
export async function listAuditLogs(
  { filters = {}, cursor, pageSize = AUDIT_PAGE_SIZE }: { filters?: AuditFilters; cursor?: AuditCursor; pageSize?: number } = {},
  db: Db = prisma,
): Promise<AuditPage> {
  const size = Math.min(Math.max(Math.trunc(pageSize), 1), 500);
  const conditions = filterConditions(filters);
  const direction = cursor?.direction ?? "older";
  const order: Prisma.SortOrder = direction === "older" ? "desc" : "asc";

  const fetched = await db.auditLog.findMany({
    where: { AND: cursor ? [...conditions, beyond(cursor, direction)] : conditions },
    orderBy: [{ createdAt: order }, { id: order }],
    // One extra row says whether another page exists in the direction of travel, without a count(*).
    take: size + 1,
    select: ROW_SELECT,
  });
  const more = fetched.length > size;
  if (direction === "newer" && !more) return listAuditLogs({ filters, pageSize: size }, db);

  const page = fetched.slice(0, size);
  if (direction === "newer") page.reverse();
  const first = page[0];
  const last = page[page.length - 1];

  // The other direction: from the newest page nothing is newer; otherwise one indexed probe answers it.
  const exists = async (position: { createdAt: Date; id: string }, towards: AuditCursor["direction"]) =>
    (await db.auditLog.findFirst({ where: { AND: [...conditions, beyond(position, towards)] }, select: { id: true } })) !== null;
  const hasOlder = direction === "older" ? more : last !== undefined && (await exists(last, "older"));
  const hasNewer = direction === "newer" ? more : cursor !== undefined && first !== undefined && (await exists(first, "newer"));

  const actors = await resolveAuditActors(page.map((row) => row.actorId), db);
  return {
    rows: page.map((row) => ({ ...row, actor: row.actorId ? (actors.get(row.actorId) ?? null) : null })),
    older: hasOlder && last ? { direction: "older", createdAt: last.createdAt, id: last.id } : null,
    newer: hasNewer && first ? { direction: "newer", createdAt: first.createdAt, id: first.id } : null,
  };
}

/**
 * The users behind actor ids, in one query. actorId is free text (jobs record names such as
 * "system:sync"), and User.id is a UUID column, so only UUID-shaped ids are looked up: anything else
 * would make PostgreSQL reject the whole query.
 */
export async function resolveAuditActors(actorIds: readonly (string | null)[], db: Db = prisma): Promise<Map<string, AuditActor>> {
  const ids = [...new Set(actorIds.filter((id): id is string => isUuid(id)))];
  if (ids.length === 0) return new Map();
  const users = await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, email: true } });
  return new Map(users.map((user) => [user.id, user]));
}

// ---- Values the filter controls offer ----

export interface AuditFilterOptions {
  /** Distinct actions present, alphabetical, with how many rows carry each. */
  actions: { action: string; count: number }[];
  /** Distinct entity types present, alphabetical. */
  entityTypes: string[];
  /** Distinct actor ids present, users (by name or email) first, then other actors. */
  actors: { actorId: string; actor: AuditActor | null }[];
}

/** Caps keep the controls usable (and the queries bounded) if free-text values ever multiply. */
const OPTION_LIMIT = { actions: 500, entityTypes: 100, actors: 200 } as const;

export async function listAuditFilterOptions(db: Db = prisma): Promise<AuditFilterOptions> {
  // GROUP BY rather than findMany({ distinct }): Prisma may de-duplicate `distinct` in memory after
  // reading every row; GROUP BY stays in PostgreSQL and can walk the (action, createdAt) index.
  const [actions, entityTypes, actorIds] = await Promise.all([
    db.auditLog.groupBy({ by: ["action"], _count: { _all: true }, orderBy: { action: "asc" }, take: OPTION_LIMIT.actions }),
    db.auditLog.groupBy({ by: ["entityType"], orderBy: { entityType: "asc" }, take: OPTION_LIMIT.entityTypes }),
    db.auditLog.groupBy({ by: ["actorId"], where: { actorId: { not: null } }, orderBy: { actorId: "asc" }, take: OPTION_LIMIT.actors }),
  ]);
  const ids = actorIds.map((group) => group.actorId).filter((id): id is string => id !== null);
  const users = await resolveAuditActors(ids, db);
  const label = (id: string) => {
    const user = users.get(id);
    return user ? (user.name ?? user.email) : id;
  };
  const actors = ids
    .map((actorId) => ({ actorId, actor: users.get(actorId) ?? null }))
    .sort((a, b) => Number(b.actor !== null) - Number(a.actor !== null) || label(a.actorId).localeCompare(label(b.actorId)));
  return {
    actions: actions.map((group) => ({ action: group.action, count: group._count._all })),
    entityTypes: entityTypes.map((group) => group.entityType),
    actors,
  };
}
