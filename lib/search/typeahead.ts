// Typeahead over people (names, emails) and organizations (name, domain) for the search screen.
//
// Every filter uses the exact expressions of the trigram indexes (migration 20261126062500_search_trigram_
// indexes): wig_person_search_text("names","emails") and wig_organization_search_text("name","domain"),
// with "deletedAt" IS NULL as in the partial indexes, so matching is a bitmap index scan. Erased
// tombstones are filtered too.
//
// Why candidates first: a short query ("mar") matches thousands of people, and ranking all of them means
// evaluating the search text of each (measured at ~170 ms for 4,700 rows on a loaded 2-core machine).
// So each query gathers a few bounded candidate sets, each an index scan that stops at its LIMIT:
//   1. any word starts with the query (a first or last name, an email's local part, a domain), via a
//      regex whose leading separator lets pg_trgm use the padded word-start trigram (" ma"), which is
//      selective (an anchored "^ma" is not: every word starting with "ma" is a candidate to recheck),
//   2. the query anywhere (three characters or more: shorter ones have no trigram to look up),
//   3. an exact email address (the emails GIN index),
// then ranks only those: exact first, then prefixes, then trigram similarity, then the name.
// Measured by scripts/bench/search-typeahead.ts on 100k people.
// No `import "server-only"` and no shared client: the benchmark (plain Node) runs these exact queries;
// the route handler passes the app's client.
import { Prisma } from "../../prisma/generated/client";
import type { Db } from "../db/client";
import type { OrganizationHit, PersonHit, TypeaheadHit } from "./typeahead.types";

/** Rows each candidate set may contribute before ranking: bounds the work of a short, common query. */
const WORD_CANDIDATES = 150;
const CONTAINS_CANDIDATES = 120;
/** A one-character query has no trigram; it looks at this many people only (the user is still typing). */
const ONE_CHAR_SCAN = 5_000;

/** Escapes LIKE wildcards so "50%" or "a_b" match literally. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** Escapes regular-expression syntax (PostgreSQL ARE) so the query matches literally. */
export function escapeRegex(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, (char) => `\\${char}`);
}

/** Lower-cased, inner whitespace collapsed: the search text is lower(…) with single spaces. */
export function normalizeQuery(query: string): string {
  return query.trim().toLowerCase().replace(/\s+/g, " ");
}

/** The patterns one query needs, computed once. */
export function searchPatterns(query: string) {
  const q = normalizeQuery(query);
  const re = escapeRegex(q);
  return {
    q,
    contains: `%${escapeLike(q)}%`,
    prefix: `${escapeLike(q)}%`,
    wordPrefix: `% ${escapeLike(q)}%`,
    // Separators as an explicit class: pg_trgm treats them as word boundaries, so " ma" is extracted.
    wordRegex: `(^|[ .@_+-])${re}`,
    /** Queries under three characters contain no trigram: the "anywhere" set would scan the whole index. */
    allowContains: q.length >= 3,
  };
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

export async function searchPeopleTypeahead(db: Db, query: string, limit: number): Promise<PersonHit[]> {
  const p = searchPatterns(query);
  if (p.q === "") return [];
  const visible = Prisma.sql`p."deletedAt" IS NULL AND p."erasedAt" IS NULL`;
  const text = Prisma.sql`wig_person_search_text(p."names", p."emails")`;
  // Each branch returns whole rows (not ids to join back): with ids alone the planner misjudges the
  // candidates' number and hash-joins them against a sequential scan of Person. `t` is the function's
  // body written out, which costs less per row than calling the SQL function again.
  const columns = Prisma.sql`p.id, p.names, p.emails, p.title, p."organizationId", lower(array_to_string(p.names, ' ') || ' ' || array_to_string(p.emails, ' ')) AS t`;
  let branches: Prisma.Sql;
  let wordsCte = Prisma.empty;
  if (p.q.length < 2) {
    // One character has no trigram: look at a bounded slice of people instead of the whole table.
    branches = Prisma.sql`(SELECT * FROM (SELECT ${columns} FROM "Person" p WHERE ${visible} LIMIT ${ONE_CHAR_SCAN}) x WHERE x.t LIKE ${p.prefix} OR x.t LIKE ${p.wordPrefix} LIMIT ${WORD_CANDIDATES})`;
  } else {
    // Mid-word matches rank below word starts, so they are looked up only when word starts cannot fill the list.
    const contains = p.allowContains
      ? Prisma.sql`UNION (SELECT ${columns} FROM "Person" p WHERE ${visible} AND ${text} LIKE ${p.contains}
          LIMIT CASE WHEN (SELECT count(*) FROM words) >= ${limit} THEN 0 ELSE ${CONTAINS_CANDIDATES} END)`
      : Prisma.empty;
    branches = Prisma.sql`
      (SELECT * FROM words)
      ${contains}
      UNION (SELECT ${columns} FROM "Person" p WHERE ${visible} AND p.emails @> ARRAY[${p.q}]::text[])`;
    wordsCte = Prisma.sql`words AS MATERIALIZED (SELECT ${columns} FROM "Person" p WHERE ${visible} AND ${text} ~ ${p.wordRegex} LIMIT ${WORD_CANDIDATES}),`;
  }
  const rows = await db.$queryRaw<PersonRow[]>`
    WITH ${wordsCte} scored AS MATERIALIZED (${branches})
    SELECT s.id, s.names[1] AS name, s.emails[1] AS email, s.title,
      (SELECT o.name FROM "Organization" o WHERE o.id = s."organizationId" AND o."deletedAt" IS NULL) AS "organizationName"
    FROM scored s
    ORDER BY
      CASE
        WHEN s.emails @> ARRAY[${p.q}]::text[] OR lower(s.names[1]) = ${p.q} THEN 0
        WHEN lower(s.names[1]) LIKE ${p.prefix} THEN 1
        WHEN s.t LIKE ${p.prefix} OR s.t LIKE ${p.wordPrefix} OR s.t ~ ${p.wordRegex} THEN 2
        ELSE 3
      END,
      similarity(s.t, ${p.q}) DESC,
      lower(s.names[1]) NULLS LAST, s.id
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

export async function searchOrganizationsTypeahead(db: Db, query: string, limit: number): Promise<OrganizationHit[]> {
  const p = searchPatterns(query);
  if (p.q === "") return [];
  const text = Prisma.sql`wig_organization_search_text(o."name", o."domain")`;
  const columns = Prisma.sql`o.id, o.name, o.domain, lower(o.name || ' ' || coalesce(o.domain, '')) AS t`;
  let branches: Prisma.Sql;
  let wordsCte = Prisma.empty;
  if (p.q.length < 2) {
    branches = Prisma.sql`(SELECT * FROM (SELECT ${columns} FROM "Organization" o WHERE o."deletedAt" IS NULL LIMIT ${ONE_CHAR_SCAN}) x WHERE x.t LIKE ${p.prefix} LIMIT ${WORD_CANDIDATES})`;
  } else {
    const contains = p.allowContains
      ? Prisma.sql`UNION (SELECT ${columns} FROM "Organization" o WHERE o."deletedAt" IS NULL AND ${text} LIKE ${p.contains}
          LIMIT CASE WHEN (SELECT count(*) FROM words) >= ${limit} THEN 0 ELSE ${CONTAINS_CANDIDATES} END)`
      : Prisma.empty;
    branches = Prisma.sql`
      (SELECT * FROM words)
      ${contains}
      UNION (SELECT ${columns} FROM "Organization" o WHERE o."deletedAt" IS NULL AND o.domain = ${p.q})`;
    wordsCte = Prisma.sql`words AS MATERIALIZED (SELECT ${columns} FROM "Organization" o WHERE o."deletedAt" IS NULL AND ${text} ~ ${p.wordRegex} LIMIT ${WORD_CANDIDATES}),`;
  }
  const rows = await db.$queryRaw<OrganizationRow[]>`
    WITH ${wordsCte} candidates AS MATERIALIZED (${branches}),
    ranked AS (
      SELECT c.id, c.name, c.domain,
        CASE
          WHEN lower(c.name) = ${p.q} OR c.domain = ${p.q} THEN 0
          WHEN lower(c.name) LIKE ${p.prefix} OR c.domain LIKE ${p.prefix} THEN 1
          WHEN c.t LIKE ${p.wordPrefix} OR c.t ~ ${p.wordRegex} THEN 2
          ELSE 3
        END AS bucket,
        similarity(c.t, ${p.q}) AS sim
      FROM candidates c
      ORDER BY bucket, sim DESC, lower(c.name), c.id
      LIMIT ${limit}
    )
    SELECT r.id, r.name, r.domain,
      (SELECT count(*) FROM "Person" p WHERE p."organizationId" = r.id AND p."deletedAt" IS NULL AND p."erasedAt" IS NULL)::int AS people
    FROM ranked r
    ORDER BY r.bucket, r.sim DESC, lower(r.name), r.id`;
  return rows.map((row) => ({ kind: "organization", id: row.id, name: row.name, domain: row.domain, people: row.people }));
}

/**
 * People and organizations for one query, at most `limit` in all. Organizations take at most a third of
 * the list, so a company name does not push its people off it. Order: an organization the query names
 * exactly (name or domain), a person it names exactly (name or address), an organization whose name or
 * domain starts with it ("granite" is after Granite Peak HR, not the fifty people with an address there),
 * the other people, the other organizations.
 */
export async function searchTypeahead(db: Db, query: string, limit: number): Promise<TypeaheadHit[]> {
  const [people, organizations] = await Promise.all([searchPeopleTypeahead(db, query, limit), searchOrganizationsTypeahead(db, query, Math.ceil(limit / 3))]);
  const chosenPeople = people.slice(0, Math.max(limit - organizations.length, limit - Math.ceil(limit / 3)));
  const chosenOrgs = organizations.slice(0, limit - chosenPeople.length);
  const q = normalizeQuery(query);
  const orgRank = (org: OrganizationHit) => (org.name.toLowerCase() === q || org.domain === q ? 0 : org.name.toLowerCase().startsWith(q) || org.domain?.startsWith(q) ? 2 : 4);
  const personRank = (person: PersonHit) => (person.name.toLowerCase() === q || person.email?.toLowerCase() === q ? 1 : 3);
  const ranked = [...chosenOrgs.map((hit) => ({ hit, rank: orgRank(hit) })), ...chosenPeople.map((hit) => ({ hit, rank: personRank(hit) }))];
  // Array.prototype.sort is stable: within a rank, each query's own order stands.
  return ranked.sort((x, y) => x.rank - y.rank).map(({ hit }) => hit);
}
