// Maps a Person row (as the DB layer loads it, with its organization) to an IdentityRecord. Structural
// types only, so this stays pure and the Prisma client is not imported into the matching code.
import type { IdentityRecord } from "./normalize-record";

export interface PersonLike {
  id: string;
  names: readonly string[];
  emails: readonly string[];
  phones: readonly string[];
  /** Person.socialHandles: `{ linkedin, twitter, … }`, any JSON. */
  socialHandles?: unknown;
  title?: string | null;
  organization?: { name: string; domain: string | null } | null;
}

function linkedinHandle(socialHandles: unknown): string | null {
  if (!socialHandles || typeof socialHandles !== "object" || Array.isArray(socialHandles)) return null;
  const value = (socialHandles as Record<string, unknown>).linkedin;
  return typeof value === "string" && value.trim().length > 0 ? value : null;
}

export function identityRecordFromPerson(person: PersonLike): IdentityRecord {
  return {
    id: person.id,
    names: person.names,
    emails: person.emails,
    phones: person.phones,
    linkedin: linkedinHandle(person.socialHandles),
    title: person.title ?? null,
    organizationName: person.organization?.name ?? null,
    organizationDomain: person.organization?.domain ?? null,
  };
}
