// One relationship's stored strength and factor breakdown, both directions, for the edge panel and the
// intro-path hop details. Both people must be visible (not soft-deleted or erased), or there is no edge.
import "server-only";
import { prisma } from "@/lib/db";
import { parseStrengthFactors } from "@/lib/strength/stored-factors";
import type { EdgeDetails, EdgeDirection, EdgePerson } from "./edge-details.types";

export async function getEdgeDetails(a: string, b: string): Promise<EdgeDetails | null> {
  const [people, rows] = await Promise.all([
    prisma.person.findMany({
      where: { id: { in: [a, b] }, deletedAt: null, erasedAt: null },
      select: { id: true, names: true, emails: true, title: true, organization: { select: { name: true, deletedAt: true } } },
    }),
    prisma.edge.findMany({
      where: {
        OR: [
          { fromPersonId: a, toPersonId: b },
          { fromPersonId: b, toPersonId: a },
        ],
        fromPerson: { deletedAt: null },
        toPerson: { deletedAt: null },
      },
      orderBy: [{ strength: "desc" }, { id: "asc" }],
      select: {
        id: true,
        fromPersonId: true,
        toPersonId: true,
        relationshipType: true,
        strength: true,
        strengthFactors: true,
        sources: true,
        channels: true,
        interactionCount: true,
        firstSeenAt: true,
        lastSeenAt: true,
      },
    }),
  ]);
  const byId = new Map(people.map((person) => [person.id, person]));
  const personA = byId.get(a);
  const personB = byId.get(b);
  if (!personA || !personB || rows.length === 0) return null;

  const summary = (person: typeof personA): EdgePerson => ({
    id: person.id,
    name: person.names.find((name) => name.trim() !== "") ?? person.emails[0] ?? "Unnamed person",
    title: person.title,
    organizationName: person.organization && !person.organization.deletedAt ? person.organization.name : null,
  });

  // Several relationship types per direction: the strongest row (ordered first) speaks for it.
  const seen = new Set<string>();
  const directions: EdgeDirection[] = [];
  for (const row of rows) {
    const key = `${row.fromPersonId}>${row.toPersonId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    directions.push({
      id: row.id,
      fromId: row.fromPersonId,
      toId: row.toPersonId,
      relationshipType: row.relationshipType,
      strength: row.strength,
      factors: parseStrengthFactors(row.strengthFactors),
      sources: row.sources,
      channels: row.channels,
      interactionCount: row.interactionCount,
      firstSeenAt: row.firstSeenAt?.toISOString() ?? null,
      lastSeenAt: row.lastSeenAt?.toISOString() ?? null,
    });
  }
  directions.sort((x, y) => Number(y.fromId === a) - Number(x.fromId === a));
  return { a: summary(personA), b: summary(personB), directions };
}
