// Reads of the audit trail.
import type { Db } from "../db/client";

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
