// Writes one AuditLog row inside the caller's transaction, so the row exists exactly when the change does.
import type { Prisma } from "../../prisma/generated/client";
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

export async function writeAudit(tx: AuditWriter, entry: AuditEntry): Promise<string> {
  const operation = currentOperation();
  const correlationId = entry.correlationId ?? operation?.correlationId ?? newCorrelationId(entry.action.split(".")[0]);
  const row = await tx.auditLog.create({
    data: {
      correlationId,
      action: entry.action,
      actorId: entry.actorId !== undefined ? entry.actorId : (operation?.actorId ?? null),
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      metadata: entry.metadata,
    },
    select: { correlationId: true },
  });
  return row.correlationId;
}
