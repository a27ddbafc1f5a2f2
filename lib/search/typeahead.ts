// Typeahead over people (names, emails) and organizations (name, domain) for the search screen.
// Both queries filter with the exact expressions of the trigram indexes (migration
// 20261126062500_search_trigram_indexes): wig_person_search_text("names","emails") and
// wig_organization_search_text("name","domain"), partial on "deletedAt" IS NULL, so a substring match
// is a bitmap index scan rather than a scan of every person. Erased tombstones are filtered too.
// Ranking: exact (an email or the whole name) first, then prefixes (of the name, any word, an email,
// the domain), then trigram similarity, then the name.
import "server-only";
import { prisma } from "@/lib/db";
import type { OrganizationHit, PersonHit, TypeaheadHit } from "./typeahead.types";

/** Escapes LIKE wildcards so "50%" or "a_b" match literally. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** Lower-cased, inner whitespace collapsed: the search text is lower(…) with single spaces. */
export function normalizeQuery(query: string): string {
  return query.trim().toLowerCase().replace(/\s+/g, " ");
}

interface PersonRow {
  id: string;
  name: string | null;
  email: string | null;
  title: string | null;
  organizationName: string | null;
}

interface OrganizationRow {
  id: string;
  name: string;
  domain: string | null;
  people: number;
}

export async function searchPeopleTypeahead(query: string, limit: number): Promise<PersonHit[]> {
  const q = normalizeQuery(query);
  if (q === "") return [];
  const contains = `%${escapeLike(q)}%`;
  const prefix = `${escapeLike(q)}%`;
  const wordPrefix = `% ${escapeLike(q)}%`;
  const rows = await prisma.$queryRaw<PersonRow[]>`
    SELECT p.id, p.names[1] AS name, p.emails[1] AS email, p.title, o.name AS "organizationName"
    FROM "Person" p
    LEFT JOIN "Organization" o ON o.id = p."organizationId" AND o."deletedAt" IS NULL
    WHERE p."deletedAt" IS NULL AND p."erasedAt" IS NULL
      AND wig_person_search_text(p."names", p."emails") LIKE ${contains}
    ORDER BY
      CASE
        WHEN p.emails @> ARRAY[${q}]::text[] OR lower(p.names[1]) = ${q} THEN 0
        WHEN lower(p.names[1]) LIKE ${prefix} THEN 1
        WHEN wig_person_search_text(p."names", p."emails") LIKE ${prefix}
          OR wig_person_search_text(p."names", p."emails") LIKE ${wordPrefix} THEN 2
        ELSE 3
      END,
      similarity(wig_person_search_text(p."names", p."emails"), ${q}) DESC,
      lower(p.names[1]) NULLS LAST, p.id
    LIMIT ${limit}`;
  return rows.map((row) => ({
    kind: "person",
    id: row.id,
    name: row.name?.trim() || row.email || "Unnamed person",
    email: row.email,
    title: row.title,
    organizationName: row.organizationName,
  }));
}

export async function searchOrganizationsTypeahead(query: string, limit: number): Promise<OrganizationHit[]> {
  const q = normalizeQuery(query);
  if (q === "") return [];
  const contains = `%${escapeLike(q)}%`;
  const prefix = `${escapeLike(q)}%`;
  const wordPrefix = `% ${escapeLike(q)}%`;
  const rows = await prisma.$queryRaw<OrganizationRow[]>`
    WITH hits AS (
      SELECT o.id, o.name, o.domain,
        CASE
          WHEN lower(o.name) = ${q} OR o.domain = ${q} THEN 0
          WHEN lower(o.name) LIKE ${prefix} OR o.domain LIKE ${prefix} THEN 1
          WHEN wig_organization_search_text(o."name", o."domain") LIKE ${wordPrefix} THEN 2
          ELSE 3
        END AS bucket,
        similarity(wig_organization_search_text(o."name", o."domain"), ${q}) AS sim
      FROM "Organization" o
      WHERE o."deletedAt" IS NULL
        AND wig_organization_search_text(o."name", o."domain") LIKE ${contains}
      ORDER BY bucket, sim DESC, lower(o.name), o.id
      LIMIT ${limit}
    )
    SELECT h.id, h.name, h.domain,
      (SELECT count(*) FROM "Person" p WHERE p."organizationId" = h.id AND p."deletedAt" IS NULL AND p."erasedAt" IS NULL)::int AS people
    FROM hits h
    ORDER BY h.bucket, h.sim DESC, lower(h.name), h.id`;
  return rows.map((row) => ({ kind: "organization", id: row.id, name: row.name, domain: row.domain, people: row.people }));
}

/**
 * People and organizations for one query, at most `limit` in all. Organizations take at most a third of
 * the list, so a company name does not push its people off it; an organization the query names exactly
 * (its name or domain) leads, the others follow the people.
 */
export async function searchTypeahead(query: string, limit: number): Promise<TypeaheadHit[]> {
  const [people, organizations] = await Promise.all([searchPeopleTypeahead(query, limit), searchOrganizationsTypeahead(query, Math.ceil(limit / 3))]);
  const chosenPeople = people.slice(0, Math.max(limit - organizations.length, limit - Math.ceil(limit / 3)));
  const chosenOrgs = organizations.slice(0, limit - chosenPeople.length);
  const q = normalizeQuery(query);
  const exact = (org: OrganizationHit) => org.name.toLowerCase() === q || org.domain === q;
  return [...chosenOrgs.filter(exact), ...chosenPeople, ...chosenOrgs.filter((org) => !exact(org))];
}
