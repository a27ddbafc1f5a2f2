// The audit trail, newest first, with keyset (cursor) pagination: page N costs the same as page 1, and rows
// written while someone pages do not shift what they see. Actor ids are resolved to users in one query.
import "server-only";
import { prisma, Prisma } from "@/lib/db";
import { isUuid } from "@/lib/api/ids";

export const AUDIT_PAGE_SIZE = 50;

export interface AuditQuery {
  correlationId?: string;
  /** Id of the last row of the previous page. */
  cursor?: string;
  pageSize?: number;
}

export async function listAuditLogs({ correlationId, cursor, pageSize = AUDIT_PAGE_SIZE }: AuditQuery) {
  const where: Prisma.AuditLogWhereInput = correlationId ? { correlationId } : {};
  const rows = await prisma.auditLog.findMany({
    where,
    // id breaks ties between rows written in the same millisecond, so the order (and the cursor) is total.
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    // One extra row tells us whether an older page exists without a count(*).
    take: pageSize + 1,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    select: {
      id: true,
      correlationId: true,
      action: true,
      actorId: true,
      entityType: true,
      entityId: true,
      metadata: true,
      createdAt: true,
    },
  });
  const page = rows.slice(0, pageSize);
  const nextCursor = rows.length > pageSize ? (page[page.length - 1]?.id ?? null) : null;

  const actorIds = [...new Set(page.map((row) => row.actorId).filter((id): id is string => isUuid(id)))];
  const actors =
    actorIds.length > 0
      ? await prisma.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true, email: true } })
      : [];
  const actorNames = new Map(actors.map((actor) => [actor.id, actor.name ?? actor.email]));

  return {
    rows: page.map((row) => ({ ...row, actorName: row.actorId ? (actorNames.get(row.actorId) ?? null) : null })),
    nextCursor,
  };
}
export type AuditRow = Awaited<ReturnType<typeof listAuditLogs>>["rows"][number];
