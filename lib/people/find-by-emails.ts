// Finds people by any of several email addresses (the contract's `emails: { hasSome }` pattern, GIN-indexed).
import type { Db } from "../db/client";

export function normalizeEmailForLookup(email: string): string {
  return email.trim().toLowerCase();
}

export async function findPeopleByEmails(db: Db, emails: readonly string[]) {
  const wanted = [...new Set(emails.map(normalizeEmailForLookup).filter((email) => email.includes("@")))];
  if (wanted.length === 0) return [];
  return db.person.findMany({
    where: { deletedAt: null, emails: { hasSome: wanted } },
    include: { organization: { select: { id: true, name: true, domain: true } } },
    orderBy: { createdAt: "asc" },
  });
}
