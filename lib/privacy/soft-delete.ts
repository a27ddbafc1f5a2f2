// Soft delete and restore of a Person or Organization (issue 7, item 1). Each change runs in one
// transaction with the row locked (SELECT … FOR UPDATE), and writes its AuditLog row inside that
// transaction with the current operation's correlation id, so the row exists exactly when the change does.
// Deleting an organization hides it only: its people keep organizationId, read paths show no organization.
import { z } from "zod";
import { writeAudit } from "../audit/write-audit";
import type { Db } from "../db/client";
import type { Prisma } from "../../prisma/generated/client";
import { AppError } from "../errors/app-error";
import { forgetPeoplesPairs } from "../strength/pair-store";
import { sqlRunner } from "../db/sql-runner";

export const ZSoftDeletePersonInput = z.object({
  personId: z.uuid(),
  reason: z.string().trim().max(2_000).optional(),
});
export const ZRestorePersonInput = z.object({ personId: z.uuid() });
export const ZSoftDeleteOrganizationInput = z.object({
  organizationId: z.uuid(),
  reason: z.string().trim().max(2_000).optional(),
});
export const ZRestoreOrganizationInput = z.object({ organizationId: z.uuid() });

export type TSoftDeletePersonInput = z.input<typeof ZSoftDeletePersonInput>;
export type TRestorePersonInput = z.input<typeof ZRestorePersonInput>;
export type TSoftDeleteOrganizationInput = z.input<typeof ZSoftDeleteOrganizationInput>;
export type TRestoreOrganizationInput = z.input<typeof ZRestoreOrganizationInput>;

/** What every privacy operation answers about an erased person (restore, delete, export, erase again). */
export const ERASED_MESSAGE = "That person was erased: their data is gone for good, so they cannot be restored, deleted, exported or erased again.";

export interface SoftDeleteResult {
  id: string;
  deletedAt: Date | null;
  correlationId: string;
}

type JsonObject = Record<string, Prisma.JsonValue>;
const asObject = (value: Prisma.JsonValue | null): JsonObject =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as JsonObject) : {};

function parse<T extends z.ZodType>(schema: T, input: unknown, message: string): z.output<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AppError("BAD_REQUEST", message, { fields: z.flattenError(parsed.error).fieldErrors as Record<string, string[]> });
  return parsed.data;
}

/** The id of the person this record was merged into, if it was hidden by a merge rather than a delete. */
export function mergedIntoOf(metadata: Prisma.JsonValue | null): string | null {
  const value = asObject(metadata).mergedInto;
  return typeof value === "string" && value !== "" ? value : null;
}

/** What a history shows instead of the words of a merge whose person has since been deleted or erased. */
export const HIDDEN_MERGE_EXPLANATION = "Not shown: a person of this merge has since been deleted.";

/**
 * Hidden by a soft delete or an erasure, rather than by a merge: a merge's tombstone (deletedAt with
 * metadata.mergedInto) is still part of that merge's history, a deleted person is not shown in it.
 */
export function isDeletedOutsideMerge(person: { deletedAt: Date | null; erasedAt: Date | null; metadata: Prisma.JsonValue | null }): boolean {
  return person.erasedAt !== null || (person.deletedAt !== null && mergedIntoOf(person.metadata) === null);
}

export async function softDeletePerson(db: Db, rawInput: TSoftDeletePersonInput): Promise<SoftDeleteResult> {
  const { personId, reason } = parse(ZSoftDeletePersonInput, rawInput, "Deleting a person needs a valid person id.");
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<Array<{ id: string; deletedAt: Date | null; erasedAt: Date | null }>>`
      SELECT id, "deletedAt", "erasedAt" FROM "Person" WHERE id = ${personId}::uuid FOR UPDATE`;
    const row = locked[0];
    if (!row) throw new AppError("NOT_FOUND", "That person does not exist.");
    if (row.erasedAt) throw new AppError("CONFLICT", ERASED_MESSAGE);
    if (row.deletedAt) throw new AppError("CONFLICT", "That person is already deleted.");
    const updated = await tx.person.update({ where: { id: personId }, data: { deletedAt: new Date() }, select: { id: true, deletedAt: true } });
    // While deleted, their new interactions are nobody's: stored pair aggregates would miss them on restore.
    await forgetPeoplesPairs(sqlRunner(tx), [personId]);
    const correlationId = await writeAudit(tx, {
      action: "person.deleted",
      entityType: "Person",
      entityId: personId,
      metadata: reason ? { reason } : {},
    });
    return { ...updated, correlationId };
  });
}

export async function restorePerson(db: Db, rawInput: TRestorePersonInput): Promise<SoftDeleteResult> {
  const { personId } = parse(ZRestorePersonInput, rawInput, "Restoring a person needs a valid person id.");
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<Array<{ id: string; deletedAt: Date | null; erasedAt: Date | null; metadata: Prisma.JsonValue | null }>>`
      SELECT id, "deletedAt", "erasedAt", metadata FROM "Person" WHERE id = ${personId}::uuid FOR UPDATE`;
    const row = locked[0];
    if (!row) throw new AppError("NOT_FOUND", "That person does not exist.");
    // An erasure cannot be undone: the tombstone holds nothing to restore.
    if (row.erasedAt) throw new AppError("CONFLICT", ERASED_MESSAGE);
    if (!row.deletedAt) throw new AppError("CONFLICT", "That person is not deleted, so there is nothing to restore.");
    const mergedInto = mergedIntoOf(row.metadata);
    if (mergedInto) {
      throw new AppError("CONFLICT", `This record was merged into person ${mergedInto}; undo the merge instead of restoring it here.`);
    }
    const updated = await tx.person.update({ where: { id: personId }, data: { deletedAt: null }, select: { id: true, deletedAt: true } });
    await forgetPeoplesPairs(sqlRunner(tx), [personId]);
    const correlationId = await writeAudit(tx, { action: "person.restored", entityType: "Person", entityId: personId, metadata: { deletedAt: row.deletedAt.toISOString() } });
    return { ...updated, correlationId };
  });
}

export async function softDeleteOrganization(db: Db, rawInput: TSoftDeleteOrganizationInput): Promise<SoftDeleteResult> {
  const { organizationId, reason } = parse(ZSoftDeleteOrganizationInput, rawInput, "Deleting an organization needs a valid organization id.");
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<Array<{ id: string; deletedAt: Date | null }>>`
      SELECT id, "deletedAt" FROM "Organization" WHERE id = ${organizationId}::uuid FOR UPDATE`;
    const row = locked[0];
    if (!row) throw new AppError("NOT_FOUND", "That organization does not exist.");
    if (row.deletedAt) throw new AppError("CONFLICT", "That organization is already deleted.");
    const updated = await tx.organization.update({ where: { id: organizationId }, data: { deletedAt: new Date() }, select: { id: true, deletedAt: true } });
    const correlationId = await writeAudit(tx, {
      action: "organization.deleted",
      entityType: "Organization",
      entityId: organizationId,
      metadata: reason ? { reason } : {},
    });
    return { ...updated, correlationId };
  });
}

export async function restoreOrganization(db: Db, rawInput: TRestoreOrganizationInput): Promise<SoftDeleteResult> {
  const { organizationId } = parse(ZRestoreOrganizationInput, rawInput, "Restoring an organization needs a valid organization id.");
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<Array<{ id: string; deletedAt: Date | null }>>`
      SELECT id, "deletedAt" FROM "Organization" WHERE id = ${organizationId}::uuid FOR UPDATE`;
    const row = locked[0];
    if (!row) throw new AppError("NOT_FOUND", "That organization does not exist.");
    if (!row.deletedAt) throw new AppError("CONFLICT", "That organization is not deleted, so there is nothing to restore.");
    const updated = await tx.organization.update({ where: { id: organizationId }, data: { deletedAt: null }, select: { id: true, deletedAt: true } });
    const correlationId = await writeAudit(tx, {
      action: "organization.restored",
      entityType: "Organization",
      entityId: organizationId,
      metadata: { deletedAt: row.deletedAt.toISOString() },
    });
    return { ...updated, correlationId };
  });
}

export const ZFindPersonToDeleteInput = z
  .object({ personId: z.uuid().optional(), email: z.string().trim().toLowerCase().email().max(320).optional() })
  .refine((value) => Boolean(value.personId) !== Boolean(value.email), { message: "Give either a person id or an email address." });
export type TFindPersonToDeleteInput = z.input<typeof ZFindPersonToDeleteInput>;

export interface PersonToDelete {
  id: string;
  names: string[];
  emails: string[];
  title: string | null;
}

/** The confirmation step of "Delete a person": resolves an id or email to one visible person. */
export async function findPersonToDelete(db: Db, rawInput: TFindPersonToDeleteInput): Promise<PersonToDelete> {
  const { personId, email } = parse(ZFindPersonToDeleteInput, rawInput, "Give either a valid person id or an email address.");
  const select = { id: true, names: true, emails: true, title: true, deletedAt: true, erasedAt: true } as const;
  const matches = personId
    ? await db.person.findMany({ where: { id: personId }, select })
    : await db.person.findMany({ where: { emails: { has: email ?? "" } }, select, orderBy: { createdAt: "asc" } });
  if (matches.length === 0) throw new AppError("NOT_FOUND", "No person matches that id or email.");
  if (matches.every((person) => person.erasedAt)) throw new AppError("CONFLICT", ERASED_MESSAGE);
  const visible = matches.filter((person) => !person.deletedAt);
  const [first] = visible;
  if (!first) throw new AppError("CONFLICT", "That person is already deleted.");
  if (visible.length > 1) throw new AppError("CONFLICT", "More than one person has that email address; delete by person id instead.");
  return { id: first.id, names: first.names, emails: first.emails, title: first.title };
}
