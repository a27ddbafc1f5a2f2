// Loads both sides of candidates for the side-by-side comparison in a fixed number of queries (people
// with organizations, identities, the last 5 interactions per person, users for names), never per row.
// A person deleted or erased outside a merge (a decided candidate can outlive them) is shown as
// "(deleted person)" with nothing else: the queue is not a privacy screen.
import type { Db } from "../../db/client";
import type { Prisma } from "../../../prisma/generated/client";
import { isDeletedOutsideMerge } from "../../privacy/soft-delete";
import { personKeysSql } from "../../strength/recompute-sql";
import type { CandidatePerson } from "./types";

interface PersonRow {
  id: string;
  names: string[];
  emails: string[];
  phones: string[];
  socialHandles: unknown;
  title: string | null;
  createdAt: Date;
  deletedAt: Date | null;
  erasedAt: Date | null;
  metadata: Prisma.JsonValue;
  organization: { id: string; name: string; domain: string | null } | null;
}

const handlesOf = (value: unknown): Record<string, string> =>
  value && typeof value === "object" && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value as Record<string, unknown>).filter((entry): entry is [string, string] => typeof entry[1] === "string"))
    : {};

export async function loadCandidatePeople(db: Db, ids: readonly string[]): Promise<Map<string, CandidatePerson>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const people: PersonRow[] = await db.person.findMany({
    where: { id: { in: unique } },
    select: {
      id: true, names: true, emails: true, phones: true, socialHandles: true, title: true, createdAt: true, deletedAt: true, erasedAt: true,
      metadata: true,
      organization: { select: { id: true, name: true, domain: true } },
    },
  });
  const identities = await db.personIdentity.findMany({
    where: { personId: { in: unique } },
    select: { personId: true, sourceName: true, sourceId: true, observedAt: true },
    orderBy: [{ sourceName: "asc" }, { sourceId: "asc" }],
  });
  // The last 5 interactions per person, by any of the keys the strength recompute counts for them (their
  // emails and source-qualified handles, personKeysSql), through the participants GIN index (`&&`).
  const interactions = await db.$queryRawUnsafe<Array<{ personId: string; timestamp: Date; channel: string; sourceName: string }>>(
    `SELECT p.id::text AS "personId", i.timestamp, i.channel::text AS channel, i."sourceName"
       FROM "Person" p
       CROSS JOIN LATERAL (
         SELECT timestamp, channel, "sourceName" FROM "Interaction"
          WHERE participants && ARRAY(SELECT k.key FROM ${personKeysSql("p")} AS k(key) WHERE k.key IS NOT NULL)
          ORDER BY timestamp DESC LIMIT 5) i
      WHERE p.id = ANY($1::uuid[])
      ORDER BY p.id, i.timestamp DESC`,
    unique,
  );

  const result = new Map<string, CandidatePerson>();
  for (const person of people) {
    if (isDeletedOutsideMerge(person)) {
      result.set(person.id, hiddenPerson(person.id, person.createdAt));
      continue;
    }
    const own = identities.filter((identity) => identity.personId === person.id);
    result.set(person.id, {
      id: person.id,
      displayName: person.names[0] ?? person.emails[0] ?? "(no name)",
      names: person.names,
      emails: person.emails,
      phones: person.phones,
      socialHandles: handlesOf(person.socialHandles),
      title: person.title,
      organization: person.organization,
      identities: own.map(({ sourceName, sourceId, observedAt }) => ({ sourceName, sourceId, observedAt })),
      sources: [...new Set(own.map((identity) => identity.sourceName))],
      recentInteractions: interactions
        .filter((row) => row.personId === person.id)
        .map(({ timestamp, channel, sourceName }) => ({ timestamp, channel, sourceName })),
      createdAt: person.createdAt,
      deleted: person.deletedAt !== null || person.erasedAt !== null,
    });
  }
  return result;
}

function hiddenPerson(id: string, createdAt: Date): CandidatePerson {
  return {
    id,
    displayName: "(deleted person)",
    names: [],
    emails: [],
    phones: [],
    socialHandles: {},
    title: null,
    organization: null,
    identities: [],
    sources: [],
    recentInteractions: [],
    createdAt,
    deleted: true,
  };
}

export async function loadUsers(db: Db, ids: ReadonlyArray<string | null>): Promise<Map<string, { id: string; name: string | null; email: string }>> {
  const unique = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (unique.length === 0) return new Map();
  const users = await db.user.findMany({ where: { id: { in: unique } }, select: { id: true, name: true, email: true } });
  return new Map(users.map((user) => [user.id, user]));
}
