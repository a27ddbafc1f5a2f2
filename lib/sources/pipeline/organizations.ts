// Find-or-create organizations for a batch: by case-insensitive name (LinkedIn, Contacts and vCard rows
// name the company) and by email domain (free-mail domains never make an organization). An organization
// known by name that has no domain yet adopts a domain whose readable name matches it ("Stripe" ← stripe.com).
import { randomUUID } from "node:crypto";
import { nameFromDomain } from "./free-mail";
import { SQL_NOW } from "./sql";
import type { Tx } from "./types";

export interface OrganizationLookup {
  /** Lowercased, trimmed name → id. */
  byName: Map<string, string>;
  byDomain: Map<string, string>;
  created: number;
}

interface OrgRow {
  id: string;
  name: string;
  domain: string | null;
}

const nameKey = (name: string) => name.trim().toLowerCase();

export async function resolveOrganizations(tx: Tx, names: readonly string[], domains: readonly string[]): Promise<OrganizationLookup> {
  const wantedNames = [...new Set(names.map(nameKey).filter(Boolean))];
  const wantedDomains = [...new Set(domains)];
  const lookup: OrganizationLookup = { byName: new Map(), byDomain: new Map(), created: 0 };
  if (wantedNames.length === 0 && wantedDomains.length === 0) return lookup;
  const domainNames = wantedDomains.map((domain) => nameKey(nameFromDomain(domain)));
  const rows = await tx.$queryRawUnsafe<OrgRow[]>(
    `SELECT id, name, domain FROM "Organization"
      WHERE "deletedAt" IS NULL AND (lower(name) = ANY($1::text[]) OR domain = ANY($2::text[]))
      ORDER BY "createdAt", id`,
    [...wantedNames, ...domainNames],
    wantedDomains,
  );
  for (const row of rows) {
    if (row.domain) lookup.byDomain.set(row.domain, row.id);
    if (!lookup.byName.has(nameKey(row.name))) lookup.byName.set(nameKey(row.name), row.id);
  }

  const inserts: OrgRow[] = [];
  const adoptions: Array<{ id: string; domain: string }> = [];
  const domainless = new Map(rows.filter((row) => !row.domain).map((row) => [nameKey(row.name), row]));
  for (const domain of wantedDomains) {
    if (lookup.byDomain.has(domain)) continue;
    const readable = nameFromDomain(domain);
    const existing = domainless.get(nameKey(readable));
    if (existing) {
      domainless.delete(nameKey(readable));
      adoptions.push({ id: existing.id, domain });
      lookup.byDomain.set(domain, existing.id);
      continue;
    }
    const row = { id: randomUUID(), name: readable, domain };
    inserts.push(row);
    lookup.byDomain.set(domain, row.id);
    if (!lookup.byName.has(nameKey(readable))) lookup.byName.set(nameKey(readable), row.id);
  }
  const originalNames = new Map(names.map((name) => [nameKey(name), name.trim()]));
  for (const key of wantedNames) {
    if (lookup.byName.has(key)) continue;
    const row = { id: randomUUID(), name: originalNames.get(key) ?? key, domain: null };
    inserts.push(row);
    lookup.byName.set(key, row.id);
  }

  if (inserts.length > 0) {
    // Column arrays for one `unnest` statement: cheaper for PostgreSQL than a JSON document.
    await tx.$executeRawUnsafe(
      `INSERT INTO "Organization" (id, name, domain, "createdAt", "updatedAt")
       SELECT d.id, d.name, d.domain, ${SQL_NOW}, ${SQL_NOW} FROM unnest($1::uuid[], $2::text[], $3::text[]) AS d(id, name, domain)`,
      inserts.map((row) => row.id),
      inserts.map((row) => row.name),
      inserts.map((row) => row.domain),
    );
    lookup.created = inserts.length;
  }
  if (adoptions.length > 0) {
    await tx.$executeRawUnsafe(
      `UPDATE "Organization" o SET domain = d.domain, "updatedAt" = ${SQL_NOW}
         FROM unnest($1::uuid[], $2::text[]) AS d(id, domain) WHERE o.id = d.id`,
      adoptions.map((row) => row.id),
      adoptions.map((row) => row.domain),
    );
  }
  return lookup;
}

export function organizationIdByName(lookup: OrganizationLookup, name: string | undefined): string | undefined {
  return name ? lookup.byName.get(nameKey(name)) : undefined;
}
