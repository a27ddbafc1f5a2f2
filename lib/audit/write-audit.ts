// Writes one AuditLog row inside the caller's transaction, so the row exists exactly when the change does.
import type { Prisma } from "../../prisma/generated/client";
import type { SqlRunner } from "../db/sql-runner";
import { currentOperation, newCorrelationId } from "./correlation";

export interface AuditEntry {
  /** Verb-style action, e.g. "person.merged", "sync.started", "person.erased". */
  action: string;
  entityType: string;
  entityId?: string | null;
  metadata?: Prisma.InputJsonValue;
  /** Overrides the current operation's correlation id (jobs that are not inside a request). */
  correlationId?: string;
  actorId?: string | null;
}

type AuditWriter = Pick<Prisma.TransactionClient, "auditLog">;

/** The correlation id and actor a row gets: the entry's own, else the current operation's. */
function auditContext(entry: AuditEntry): { correlationId: string; actorId: string | null } {
  const operation = currentOperation();
  return {
    correlationId: entry.correlationId ?? operation?.correlationId ?? newCorrelationId(entry.action.split(".")[0]),
    actorId: entry.actorId !== undefined ? entry.actorId : (operation?.actorId ?? null),
  };
}

export async function writeAudit(tx: AuditWriter, entry: AuditEntry): Promise<string> {
  const { correlationId, actorId } = auditContext(entry);
  const row = await tx.auditLog.create({
    data: { correlationId, action: entry.action, actorId, entityType: entry.entityType, entityId: entry.entityId ?? null, metadata: entry.metadata },
    select: { correlationId: true },
  });
  return row.correlationId;
}

/**
 * The same row in plain SQL, for a transaction held on a node-postgres connection (the full edge recompute
 * job). createdAt is UTC, as Prisma writes it into the timestamp(3) column.
 */
export async function writeAuditSql(sql: SqlRunner, entry: AuditEntry): Promise<string> {
  const { correlationId, actorId } = auditContext(entry);
  await sql.exec(
    `INSERT INTO "AuditLog" (id, "correlationId", action, "actorId", "entityType", "entityId", metadata, "createdAt")
     VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6::jsonb, date_trunc('milliseconds', now() AT TIME ZONE 'UTC'))`,
    [correlationId, entry.action, actorId, entry.entityType, entry.entityId ?? null, entry.metadata === undefined ? null : JSON.stringify(entry.metadata)],
  );
  return correlationId;
}
