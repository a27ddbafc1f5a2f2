// The 1-hop ego network of one person for the graph screen: the strongest neighbours (capped) and every
// edge among them. Three set-based queries whatever the size; the neighbour scan is served by the
// covering (from,to) INCLUDE (strength) and (to,from) INCLUDE (strength) indexes.
import "server-only";
import { prisma } from "@/lib/db";
import { loadHiddenEdgePairs } from "@/lib/privacy/hidden-edges";
import type { EgoEdge, EgoGraph, EgoNode } from "./ego-network.types";

interface NeighbourRow {
  id: string;
  strength: number;
  total: number;
}

interface PairRow {
  a: string;
  b: string;
  strength: number;
}

/** Returns null when the person does not exist or is soft-deleted. `limit` counts nodes, centre included. */
export async function getEgoNetwork(personId: string, limit: number): Promise<EgoGraph | null> {
  // Pairs hidden by members' blocklists (lib/privacy/hidden-edges.ts) are not drawn, for anyone.
  const hidden = await loadHiddenEdgePairs(prisma);
  const hiddenNeighbours = hidden.neighboursOf(personId);
  const [center, neighbours] = await Promise.all([
    prisma.person.findFirst({ where: { id: personId, deletedAt: null, erasedAt: null }, select: { id: true } }),
    // Edges are stored per direction; a neighbour reached either way counts once, at its strongest.
    prisma.$queryRaw<NeighbourRow[]>`
      SELECT nb.id, max(nb.strength)::float8 AS strength, (count(*) OVER ())::int AS total
      FROM (
        SELECT e."toPersonId" AS id, e.strength FROM "Edge" e WHERE e."fromPersonId" = ${personId}::uuid
        UNION ALL
        SELECT e."fromPersonId" AS id, e.strength FROM "Edge" e WHERE e."toPersonId" = ${personId}::uuid
      ) nb
      JOIN "Person" p ON p.id = nb.id AND p."deletedAt" IS NULL
      WHERE nb.id <> ${personId}::uuid AND NOT (nb.id = ANY(${hiddenNeighbours}::uuid[]))
      GROUP BY nb.id
      ORDER BY max(nb.strength) DESC, nb.id
      LIMIT ${limit - 1}`,
  ]);
  if (!center) return null;

  const ids = [personId, ...neighbours.map((row) => row.id)];
  const [people, pairs] = await Promise.all([
    prisma.person.findMany({
      where: { id: { in: ids }, deletedAt: null },
      select: { id: true, names: true, title: true, organization: { select: { name: true, deletedAt: true } } },
    }),
    prisma.$queryRaw<PairRow[]>`
      SELECT LEAST(e."fromPersonId", e."toPersonId") AS a, GREATEST(e."fromPersonId", e."toPersonId") AS b,
             max(e.strength)::float8 AS strength
      FROM "Edge" e
      WHERE e."fromPersonId" = ANY(${ids}::uuid[]) AND e."toPersonId" = ANY(${ids}::uuid[])
        AND e."fromPersonId" <> e."toPersonId"
      GROUP BY 1, 2`,
  ]);

  const visible = new Set(people.map((person) => person.id));
  const edges: EgoEdge[] = pairs
    .filter((pair) => visible.has(pair.a) && visible.has(pair.b) && !hidden.has(pair.a, pair.b))
    .map((pair) => ({ id: `${pair.a}:${pair.b}`, source: pair.a, target: pair.b, strength: pair.strength }));

  const degree = new Map<string, number>();
  for (const edge of edges) {
    degree.set(edge.source, (degree.get(edge.source) ?? 0) + 1);
    degree.set(edge.target, (degree.get(edge.target) ?? 0) + 1);
  }
  const strengthToCenter = new Map(neighbours.map((row) => [row.id, row.strength]));

  const nodes: EgoNode[] = people.map((person) => {
    const isCenter = person.id === personId;
    const organization = person.organization && !person.organization.deletedAt ? person.organization.name : null;
    return {
      id: person.id,
      name: person.names.find((name) => name.trim() !== "") ?? "Unnamed person",
      title: person.title,
      organizationName: organization,
      degree: degree.get(person.id) ?? 0,
      strengthToCenter: isCenter ? 1 : (strengthToCenter.get(person.id) ?? 0),
      isCenter,
    };
  });
  // Centre first, then strongest ties: the client and the side panel rely on this order.
  nodes.sort((x, y) => Number(y.isCenter) - Number(x.isCenter) || y.strengthToCenter - x.strengthToCenter);

  const totalNeighbours = neighbours[0]?.total ?? 0;
  return { centerId: personId, nodes, edges, totalNeighbours, truncated: totalNeighbours > neighbours.length };
}
