// Reads for the admin privacy screen: soft-deleted (not erased) people with what an admin needs to decide,
// how many tombstones exist, and the person an erasure would hit (the confirmation step).
import { z } from "zod";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { parseInput } from "./parse-input";
import { ERASED_MESSAGE } from "./soft-delete";

export async function listDeletedPeopleForPrivacy(db: Db, take = 200) {
  const where = { deletedAt: { not: null }, erasedAt: null };
  const [rows, total, erased] = await Promise.all([
    db.person.findMany({
      where,
      orderBy: [{ deletedAt: "desc" }, { id: "asc" }],
      take,
      select: { id: true, names: true, emails: true, title: true, deletedAt: true, metadata: true },
    }),
    db.person.count({ where }),
    db.person.count({ where: { erasedAt: { not: null } } }),
  ]);
  return {
    rows: rows.map(({ metadata, ...row }) => ({ ...row, mergedInto: mergedIntoOf(metadata) })),
    total,
    erased,
  };
}

function mergedIntoOf(metadata: unknown): string | null {
  if (!metadata || typeof metadata !== "object" || Array.isArray(metadata)) return null;
  const value = (metadata as Record<string, unknown>).mergedInto;
  return typeof value === "string" && value !== "" ? value : null;
}

export const ZFindPersonToEraseInput = z
  .object({ personId: z.guid().optional(), email: z.string().trim().toLowerCase().email().max(320).optional() })
  .refine((value) => Boolean(value.personId) !== Boolean(value.email), { message: "Give either a person id or an email address." });

export interface PersonToErase {
  id: string;
  names: string[];
  emails: string[];
  phones: string[];
  deleted: boolean;
  mergedRecords: number;
  edges: number;
}

/** The confirmation step of "Erase a person": visible or soft-deleted, never a merge's hidden record. */
export async function findPersonToErase(db: Db, rawInput: z.input<typeof ZFindPersonToEraseInput>): Promise<PersonToErase> {
  const { personId, email } = parseInput(ZFindPersonToEraseInput, rawInput, "Give either a valid person id or an email address.");
  const select = { id: true, names: true, emails: true, phones: true, deletedAt: true, erasedAt: true, previousIds: true, metadata: true } as const;
  const matches = personId
    ? await db.person.findMany({ where: { id: personId }, select })
    : await db.person.findMany({ where: { emails: { has: email ?? "" } }, select, orderBy: { createdAt: "asc" } });
  if (matches.length === 0) throw new AppError("NOT_FOUND", "No person matches that id or email.");
  const candidates = matches.filter((person) => !person.erasedAt && !mergedIntoOf(person.metadata));
  const [first] = candidates;
  if (!first) {
    const merged = matches.find((person) => mergedIntoOf(person.metadata));
    if (merged) throw new AppError("CONFLICT", `That record was merged into person ${mergedIntoOf(merged.metadata)}; erase that person instead.`);
    throw new AppError("CONFLICT", ERASED_MESSAGE);
  }
  if (candidates.length > 1) throw new AppError("CONFLICT", "More than one person has that email address; erase by person id instead.");
  const edges = await db.edge.count({ where: { OR: [{ fromPersonId: first.id }, { toPersonId: first.id }] } });
  return {
    id: first.id,
    names: first.names,
    emails: first.emails,
    phones: first.phones,
    deleted: first.deletedAt !== null,
    mergedRecords: first.previousIds.length,
    edges: Math.round(edges / 2),
  };
}
