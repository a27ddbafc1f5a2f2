// Reads for people screens: search, profile, strongest relationships, merge history.
// Invariant: a soft-deleted person or organization is never returned from here (admin privacy screens
// use lib/people/deleted-queries.ts instead).
import "server-only";
import { prisma, Prisma } from "@/lib/db";
import { loadHiddenEdgePairs } from "@/lib/privacy/hidden-edges";
import { parseStrengthFactors } from "@/lib/strength/stored-factors";

export interface RelationshipFactor {
  key: string;
  label: string;
  normalized: number;
  contribution: number;
}

/** The largest contributions of a stored breakdown (a member's override always listed); [] when none is valid. */
export function topFactorsOf(stored: unknown, limit = 3): RelationshipFactor[] {
  const parsed = parseStrengthFactors(stored);
  if (parsed === null) return [];
  const factors = parsed.factors;
  const override = factors.filter((factor) => factor.key === "override");
  const ranked = factors.filter((factor) => factor.key !== "override" && factor.contribution > 0).sort((a, b) => b.contribution - a.contribution);
  return [...override, ...ranked].slice(0, limit).map(({ key, label, normalized, contribution }) => ({ key, label, normalized, contribution }));
}

export interface PersonSearchHit {
  id: string;
  names: string[];
  title: string | null;
  organizationName: string | null;
  /** True when the query was this person's exact email address. */
  emailMatch: boolean;
}

/** Escapes LIKE wildcards so a query such as "50%" matches literally. */
function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** One page of people search results and how many people match in all. */
export interface PersonSearchResult {
  hits: PersonSearchHit[];
  /** Every visible person the query matches, not just the hits returned. */
  total: number;
}

/**
 * People whose name variations contain `query` (case-insensitive) or whose emails include it exactly.
 * Exact email hits come first, then names starting with the query, then alphabetical. One SQL query:
 * Prisma's filters cannot express a substring match inside a text[] column. The total is a window count
 * over the same rows, which the sort reads in full anyway.
 */
export async function searchPeopleWithTotal(query: string, limit = 20): Promise<PersonSearchResult> {
  const email = query.toLowerCase();
  const contains = `%${escapeLike(query)}%`;
  const prefix = `${escapeLike(query)}%`;
  const rows = await prisma.$queryRaw<Array<PersonSearchHit & { total: number }>>`
    SELECT p.id, p.names, p.title, o.name AS "organizationName",
           (p.emails @> ARRAY[${email}]::text[]) AS "emailMatch",
           (count(*) OVER ())::int AS total
    FROM "Person" p
    LEFT JOIN "Organization" o ON o.id = p."organizationId" AND o."deletedAt" IS NULL
    WHERE p."deletedAt" IS NULL
      AND (p.emails @> ARRAY[${email}]::text[]
           OR EXISTS (SELECT 1 FROM unnest(p.names) AS n(name) WHERE n.name ILIKE ${contains}))
    ORDER BY "emailMatch" DESC, (p.names[1] ILIKE ${prefix}) DESC, lower(p.names[1]) ASC NULLS LAST, p.id
    LIMIT ${limit}`;
  return { hits: rows.map(({ total: _total, ...hit }) => hit), total: rows[0]?.total ?? 0 };
}

/** The first `limit` people matching `query` (see searchPeopleWithTotal). */
export async function searchPeople(query: string, limit = 20): Promise<PersonSearchHit[]> {
  return (await searchPeopleWithTotal(query, limit)).hits;
}

const organizationSummary = { select: { id: true, name: true, domain: true, deletedAt: true } } as const;

/** Drops an organization that has been soft-deleted, so screens never show it. */
function visibleOrganization<T extends { deletedAt: Date | null }>(organization: T | null): Omit<T, "deletedAt"> | null {
  if (!organization || organization.deletedAt) return null;
  const { deletedAt: _deleted, ...rest } = organization;
  return rest;
}

export async function getPersonProfile(id: string) {
  const person = await prisma.person.findFirst({
    where: { id, deletedAt: null },
    select: {
      id: true,
      names: true,
      emails: true,
      phones: true,
      socialHandles: true,
      title: true,
      mergeExplanation: true,
      previousIds: true,
      createdAt: true,
      updatedAt: true,
      organization: organizationSummary,
    },
  });
  if (!person) return null;
  return { ...person, organization: visibleOrganization(person.organization) };
}
export type PersonProfile = NonNullable<Awaited<ReturnType<typeof getPersonProfile>>>;

/** Outgoing edges to visible people, strongest first, with the other person in the same query (no N+1). */
export async function getStrongestRelationships(personId: string, take = 25) {
  // Both ends must be visible: a deleted person's relationships are as hidden as the person. Pairs a member's
  // blocklist hides (lib/privacy/hidden-edges.ts) are left out here as in the graph and path search.
  const hidden = (await loadHiddenEdgePairs(prisma)).neighboursOf(personId);
  const where: Prisma.EdgeWhereInput = {
    fromPersonId: personId,
    fromPerson: { deletedAt: null },
    toPerson: { deletedAt: null },
    ...(hidden.length > 0 ? { toPersonId: { notIn: hidden } } : {}),
  };
  const [edges, total] = await Promise.all([
    prisma.edge.findMany({
      where,
      orderBy: [{ strength: "desc" }, { id: "asc" }],
      take,
      select: {
        id: true,
        relationshipType: true,
        strength: true,
        channels: true,
        sources: true,
        interactionCount: true,
        lastSeenAt: true,
        strengthFactors: true,
        toPerson: { select: { id: true, names: true, title: true, organization: { select: { name: true, deletedAt: true } } } },
      },
    }),
    prisma.edge.count({ where }),
  ]);
  const rows = edges.map(({ toPerson, strengthFactors, ...edge }) => ({
    ...edge,
    topFactors: topFactorsOf(strengthFactors),
    person: {
      id: toPerson.id,
      names: toPerson.names,
      title: toPerson.title,
      organizationName: visibleOrganization(toPerson.organization)?.name ?? null,
    },
  }));
  return { rows, total };
}
export type RelationshipRow = Awaited<ReturnType<typeof getStrongestRelationships>>["rows"][number];

/** People who absorbed other records, most recently changed first. */
export async function listMergedPeople(take = 100) {
  const where: Prisma.PersonWhereInput = { deletedAt: null, previousIds: { isEmpty: false } };
  const [people, total] = await Promise.all([
    prisma.person.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      take,
      select: {
        id: true,
        names: true,
        emails: true,
        title: true,
        mergeExplanation: true,
        previousIds: true,
        updatedAt: true,
        organization: { select: { name: true, deletedAt: true } },
      },
    }),
    prisma.person.count({ where }),
  ]);
  const rows = people.map(({ organization, ...person }) => ({
    ...person,
    organizationName: visibleOrganization(organization)?.name ?? null,
  }));
  return { rows, total };
}

export interface PersonSummary {
  id: string;
  names: string[];
  title: string | null;
  organizationName: string | null;
}

export async function getPersonSummary(id: string): Promise<PersonSummary | null> {
  const person = await prisma.person.findFirst({
    where: { id, deletedAt: null },
    select: { id: true, names: true, title: true, organization: { select: { name: true, deletedAt: true } } },
  });
  if (!person) return null;
  return { id: person.id, names: person.names, title: person.title, organizationName: visibleOrganization(person.organization)?.name ?? null };
}

/**
 * The visible person with the most edges to other visible people: the graph screen's default centre.
 * An aggregate over Edge; fine for a default, not something to run per keystroke.
 */
export async function getMostConnectedPersonId(): Promise<string | null> {
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    SELECT e."fromPersonId" AS id
    FROM "Edge" e
    JOIN "Person" f ON f.id = e."fromPersonId" AND f."deletedAt" IS NULL
    JOIN "Person" t ON t.id = e."toPersonId" AND t."deletedAt" IS NULL
    GROUP BY e."fromPersonId"
    ORDER BY count(*) DESC, e."fromPersonId"
    LIMIT 1`;
  return rows[0]?.id ?? null;
}
