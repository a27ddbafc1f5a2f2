// A member's own blocklist (issue 7, item 5): a person, or a whole email domain. Adding and removing are
// audited (`blocklist.added` / `blocklist.removed`) in the same transaction; a member only ever sees and
// changes their own entries. What an entry hides is defined in hidden-edges.ts.
import { z } from "zod";
import { writeAudit } from "../audit/write-audit";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { parseInput } from "./parse-input";

const DOMAIN = /^(?=.{3,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export const ZBlocklistDomain = z
  .string()
  .trim()
  .toLowerCase()
  // What people paste: an address, a URL, a www. host. All mean the email domain.
  .transform((value) =>
    value
      .replace(/^[a-z][a-z0-9+.-]*:\/\//, "")
      .replace(/[/?#].*$/, "")
      .replace(/^.*@/, "")
      .replace(/^www\./, "")
      .replace(/^\.+|\.+$/g, ""),
  )
  .pipe(z.string().regex(DOMAIN, "Enter a domain such as example.com."));

export const ZAddBlocklistEntryInput = z.union([
  z.object({ personId: z.guid("Choose a person."), domain: z.undefined().optional() }),
  z.object({ domain: ZBlocklistDomain, personId: z.undefined().optional() }),
]);
export type TAddBlocklistEntryInput = z.input<typeof ZAddBlocklistEntryInput>;

export const ZRemoveBlocklistEntryInput = z.object({ entryId: z.guid() });
export type TRemoveBlocklistEntryInput = z.input<typeof ZRemoveBlocklistEntryInput>;

export interface BlocklistEntryView {
  id: string;
  kind: "person" | "domain";
  personId: string | null;
  personName: string | null;
  domain: string | null;
  createdAt: Date;
}

export async function listBlocklist(db: Db, userId: string): Promise<BlocklistEntryView[]> {
  const entries = await db.blocklistEntry.findMany({ where: { userId }, orderBy: { createdAt: "desc" } });
  const personIds = entries.flatMap((entry) => (entry.personId ? [entry.personId] : []));
  // Deleted or erased people stay blocked but are not named here.
  const people = await db.person.findMany({ where: { id: { in: personIds }, deletedAt: null }, select: { id: true, names: true } });
  const nameOf = new Map(people.map((person) => [person.id, person.names[0] ?? null]));
  return entries.map((entry) => ({
    id: entry.id,
    kind: entry.personId ? "person" : "domain",
    personId: entry.personId,
    personName: entry.personId ? (nameOf.get(entry.personId) ?? null) : null,
    domain: entry.domain,
    createdAt: entry.createdAt,
  }));
}

export async function addBlocklistEntry(db: Db, userId: string, rawInput: TAddBlocklistEntryInput): Promise<BlocklistEntryView> {
  const input = parseInput(ZAddBlocklistEntryInput, rawInput, "Block either a person or an email domain.");
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { personId: true } });
    if (!user) throw new AppError("NOT_FOUND", "Your account no longer exists.");
    let personName: string | null = null;
    if (input.personId) {
      if (input.personId === user.personId) throw new AppError("BAD_REQUEST", "You cannot block yourself.");
      const person = await tx.person.findFirst({ where: { id: input.personId, deletedAt: null }, select: { names: true } });
      if (!person) throw new AppError("NOT_FOUND", "No person with this id.");
      personName = person.names[0] ?? null;
    }
    const existing = await tx.blocklistEntry.findFirst({
      where: input.personId ? { userId, personId: input.personId } : { userId, domain: input.domain },
      select: { id: true },
    });
    if (existing) throw new AppError("CONFLICT", input.personId ? "That person is already on your blocklist." : `${input.domain} is already on your blocklist.`);
    const entry = await tx.blocklistEntry.create({
      data: { userId, personId: input.personId ?? null, domain: input.domain ?? null },
    });
    await writeAudit(tx, {
      action: "blocklist.added",
      entityType: "BlocklistEntry",
      entityId: entry.id,
      metadata: input.personId ? { personId: input.personId } : { domain: input.domain ?? null },
    });
    return { id: entry.id, kind: input.personId ? "person" : "domain", personId: entry.personId, personName, domain: entry.domain, createdAt: entry.createdAt };
  });
}

export async function removeBlocklistEntry(db: Db, userId: string, rawInput: TRemoveBlocklistEntryInput): Promise<{ id: string }> {
  const { entryId } = parseInput(ZRemoveBlocklistEntryInput, rawInput, "Removing an entry needs its id.");
  return db.$transaction(async (tx) => {
    // Someone else's entry answers like a missing one: members cannot probe other blocklists.
    const entry = await tx.blocklistEntry.findFirst({ where: { id: entryId, userId } });
    if (!entry) throw new AppError("NOT_FOUND", "That entry is not on your blocklist.");
    await tx.blocklistEntry.delete({ where: { id: entry.id } });
    await writeAudit(tx, {
      action: "blocklist.removed",
      entityType: "BlocklistEntry",
      entityId: entry.id,
      metadata: entry.personId ? { personId: entry.personId } : { domain: entry.domain },
    });
    return { id: entry.id };
  });
}

export const ZBlockPersonLookup = z.object({ lookup: z.string().trim().min(1, "Enter a person's email or id.").max(320) });

/** A person to block, by email address or person id (visible people only). */
export async function findPersonToBlock(db: Db, rawInput: z.input<typeof ZBlockPersonLookup>): Promise<{ id: string; name: string }> {
  const { lookup } = parseInput(ZBlockPersonLookup, rawInput, "Enter a person's email or id.");
  const byId = z.guid().safeParse(lookup).success;
  const person = await db.person.findFirst({
    where: byId ? { id: lookup, deletedAt: null } : { emails: { has: lookup.toLowerCase() }, deletedAt: null },
    select: { id: true, names: true },
    orderBy: { createdAt: "asc" },
  });
  if (!person) throw new AppError("NOT_FOUND", "No person matches that email or id.");
  return { id: person.id, name: person.names[0] ?? "Unnamed person" };
}
