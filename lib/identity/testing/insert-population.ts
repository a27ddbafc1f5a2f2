// Writes a generated population (generator/) into the database as an import would leave it before
// resolution: one Person per record, with its organization and one PersonIdentity (source, record id).
// Used by integration tests and the database part of the resolution benchmark; not a user-facing path.
import { randomUUID } from "node:crypto";
import type { Db } from "../../db/client";
import type { Prisma } from "../../../prisma/generated/client";
import type { GeneratedRecord } from "../generator/generate-population";

export interface InsertedPopulation {
  /** Person id per record id. */
  personOf: Map<string, string>;
}

const CHUNK = 2_000;

export async function insertPopulation(db: Db, records: readonly GeneratedRecord[], options: { createdAt?: Date } = {}): Promise<InsertedPopulation> {
  const organizations = new Map<string, { id: string; name: string; domain: string | null }>();
  for (const record of records) {
    if (!record.organizationName && !record.organizationDomain) continue;
    const domain = record.organizationDomain?.toLowerCase() ?? null;
    const key = domain ?? `name:${record.organizationName}`;
    if (!organizations.has(key)) organizations.set(key, { id: randomUUID(), name: record.organizationName ?? domain ?? "", domain });
  }
  const orgRows = [...organizations.values()];
  for (let start = 0; start < orgRows.length; start += CHUNK) await db.organization.createMany({ data: orgRows.slice(start, start + CHUNK) });

  const base = (options.createdAt ?? new Date("2026-01-01T00:00:00Z")).getTime();
  const personOf = new Map<string, string>();
  const people: Prisma.PersonCreateManyInput[] = [];
  const identities: Prisma.PersonIdentityCreateManyInput[] = [];
  records.forEach((record, index) => {
    const id = randomUUID();
    personOf.set(record.id, id);
    const domain = record.organizationDomain?.toLowerCase() ?? null;
    const organization = record.organizationName || domain ? organizations.get(domain ?? `name:${record.organizationName}`) : undefined;
    people.push({
      id,
      names: [...(record.names ?? [])],
      emails: [...new Set((record.emails ?? []).map((email) => email.trim().toLowerCase()))],
      phones: [...(record.phones ?? [])],
      socialHandles: record.linkedin ? { linkedin: record.linkedin } : undefined,
      title: record.title ?? null,
      organizationId: organization?.id ?? null,
      createdAt: new Date(base + index * 1_000),
      updatedAt: new Date(base + index * 1_000),
    });
    identities.push({ personId: id, sourceName: record.source, sourceId: record.id });
  });
  for (let start = 0; start < people.length; start += CHUNK) await db.person.createMany({ data: people.slice(start, start + CHUNK) });
  for (let start = 0; start < identities.length; start += CHUNK) await db.personIdentity.createMany({ data: identities.slice(start, start + CHUNK) });
  return { personOf };
}
