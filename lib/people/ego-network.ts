// The ego network of one person for the graph screen: the strongest neighbours at one or two hops
// (capped), every edge among them, and the people of an intro path being highlighted. Filters (minimum
// strength, source, channel, time window on the last interaction) apply to every edge read, in SQL.
// A fixed number of set-based queries whatever the size; neighbour scans use the (from, to, type) and
// (toPersonId) indexes, then read the rows the filters need. Soft-deleted and erased people
// are never read.
import "server-only";
import { prisma, Prisma } from "@/lib/db";
import { loadHiddenEdgePairs } from "@/lib/privacy/hidden-edges";
import { DEFAULT_EGO_FILTERS, EGO_WINDOWS, type EgoEdge, type EgoGraph, type EgoNode, type TEgoFilters } from "./ego-network.types";

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

const DAY_MS = 86_400_000;

/** The SQL condition the filters put on an Edge row aliased `e`. */
function edgeFilter(filters: TEgoFilters, now: Date): Prisma.Sql {
  const days = EGO_WINDOWS[filters.window];
  const conditions: Prisma.Sql[] = [Prisma.sql`e.strength >= ${filters.minStrength}`];
  if (filters.source) conditions.push(Prisma.sql`${filters.source} = ANY(e.sources)`);
  if (filters.channel) conditions.push(Prisma.sql`${filters.channel} = ANY(e.channels)`);
  if (days !== null) conditions.push(Prisma.sql`e."lastSeenAt" >= ${new Date(now.getTime() - days * DAY_MS)}`);
  return Prisma.join(conditions, " AND ");
}

export interface EgoNetworkOptions extends Partial<TEgoFilters> {
  /** People to include whatever the cap and filters (an intro path), in path order. */
  path?: string[];
  now?: Date;
}

/** Returns null when the person does not exist or is soft-deleted. `limit` counts nodes, centre included. */
export async function getEgoNetwork(personId: string, limitOrOptions: number | EgoNetworkOptions = {}): Promise<EgoGraph | null> {
  const options: EgoNetworkOptions = typeof limitOrOptions === "number" ? { limit: limitOrOptions } : limitOrOptions;
  const filters: TEgoFilters = { ...DEFAULT_EGO_FILTERS, ...options };
  const filter = edgeFilter(filters, options.now ?? new Date());
  const path = (options.path ?? []).filter((id) => id !== personId);
  // Pairs hidden by members' blocklists (lib/privacy/hidden-edges.ts) are not drawn, for anyone.
  const hidden = await loadHiddenEdgePairs(prisma);
  const hiddenNeighbours = hidden.neighboursOf(personId);
  const hiddenPairs = hidden.toArrays();

  const [center, neighbours, sourceRows] = await Promise.all([
    prisma.person.findFirst({ where: { id: personId, deletedAt: null, erasedAt: null }, select: { id: true } }),
    // Edges are stored per direction; a neighbour reached either way counts once, at its strongest.
    prisma.$queryRaw<NeighbourRow[]>`
      SELECT nb.id, max(nb.strength)::float8 AS strength, (count(*) OVER ())::int AS total
      FROM (
        SELECT e."toPersonId" AS id, e.strength FROM "Edge" e WHERE e."fromPersonId" = ${personId}::uuid AND ${filter}
        UNION ALL
        SELECT e."fromPersonId" AS id, e.strength FROM "Edge" e WHERE e."toPersonId" = ${personId}::uuid AND ${filter}
      ) nb
      JOIN "Person" p ON p.id = nb.id AND p."deletedAt" IS NULL AND p."erasedAt" IS NULL
      WHERE nb.id <> ${personId}::uuid AND NOT (nb.id = ANY(${hiddenNeighbours}::uuid[]))
      GROUP BY nb.id
      ORDER BY max(nb.strength) DESC, nb.id
      LIMIT ${filters.limit - 1}`,
    prisma.$queryRaw<Array<{ source: string }>>`
      SELECT DISTINCT s AS source FROM "Edge" e, unnest(e.sources) AS s WHERE e."fromPersonId" = ${personId}::uuid ORDER BY 1 LIMIT 50`,
  ]);
  if (!center) return null;

  // At two hops, friends of friends get up to half the slots (best two-hop product first), reached through
  // the direct ties that are drawn; slots they leave go back to more direct ties. Otherwise a member with
  // more direct ties than the cap would see no change at all when asking for friends of friends.
  const slots = filters.limit - 1;
  const directShare = filters.hops === 2 ? Math.ceil(slots / 2) : slots;
  const bridges = neighbours.slice(0, directShare);
  let second: NeighbourRow[] = [];
  if (filters.hops === 2 && slots > bridges.length && bridges.length > 0) {
    second = await prisma.$queryRaw<NeighbourRow[]>`
      SELECT e."toPersonId" AS id, max(f.s * e.strength)::float8 AS strength, (count(*) OVER ())::int AS total
      FROM unnest(${bridges.map((row) => row.id)}::uuid[], ${bridges.map((row) => row.strength)}::float8[]) AS f(id, s)
      JOIN "Edge" e ON e."fromPersonId" = f.id
      JOIN "Person" p ON p.id = e."toPersonId" AND p."deletedAt" IS NULL AND p."erasedAt" IS NULL
      WHERE ${filter} AND e."toPersonId" <> ${personId}::uuid
        AND NOT (e."toPersonId" = ANY(${neighbours.map((row) => row.id)}::uuid[]))
        AND NOT EXISTS (SELECT 1 FROM unnest(${hiddenPairs.a}::uuid[], ${hiddenPairs.b}::uuid[]) AS h(a, b)
                        WHERE h.a = LEAST(f.id, e."toPersonId") AND h.b = GREATEST(f.id, e."toPersonId"))
      GROUP BY e."toPersonId"
      ORDER BY 2 DESC, 1
      LIMIT ${slots - bridges.length}`;
  }
  const direct = neighbours.slice(0, slots - second.length);

  const hopOf = new Map<string, number | null>([[personId, 0]]);
  const strengthToCenter = new Map<string, number>([[personId, 1]]);
  for (const row of direct) {
    hopOf.set(row.id, 1);
    strengthToCenter.set(row.id, row.strength);
  }
  for (const row of second) {
    hopOf.set(row.id, 2);
    strengthToCenter.set(row.id, row.strength);
  }
  for (const id of path) if (!hopOf.has(id)) hopOf.set(id, null);
  const ids = [...hopOf.keys()];

  const [people, pairs] = await Promise.all([
    prisma.person.findMany({
      where: { id: { in: ids }, deletedAt: null, erasedAt: null },
      select: { id: true, names: true, emails: true, title: true, organization: { select: { name: true, deletedAt: true } } },
    }),
    // Edges among the drawn people that pass the filters; the highlighted path's own hops always do.
    prisma.$queryRaw<PairRow[]>`
      SELECT LEAST(e."fromPersonId", e."toPersonId") AS a, GREATEST(e."fromPersonId", e."toPersonId") AS b,
             max(e.strength)::float8 AS strength
      FROM "Edge" e
      WHERE e."fromPersonId" = ANY(${ids}::uuid[]) AND e."toPersonId" = ANY(${ids}::uuid[])
        AND e."fromPersonId" <> e."toPersonId"
        AND (${filter} OR (e."fromPersonId" = ANY(${[personId, ...path]}::uuid[]) AND e."toPersonId" = ANY(${[personId, ...path]}::uuid[])))
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

  const nodes: EgoNode[] = people.map((person) => {
    const isCenter = person.id === personId;
    const organization = person.organization && !person.organization.deletedAt ? person.organization.name : null;
    return {
      id: person.id,
      name: person.names.find((name) => name.trim() !== "") ?? person.emails[0] ?? "Unnamed person",
      title: person.title,
      organizationName: organization,
      degree: degree.get(person.id) ?? 0,
      hops: hopOf.get(person.id) ?? null,
      strengthToCenter: strengthToCenter.get(person.id) ?? 0,
      isCenter,
    };
  });
  // Centre first, then direct ties strongest first, then the rest: the client and the side panel rely on this order.
  const rank = (node: EgoNode) => (node.isCenter ? 0 : node.hops === 1 ? 1 : node.hops === 2 ? 2 : 3);
  nodes.sort((x, y) => rank(x) - rank(y) || y.strengthToCenter - x.strengthToCenter || (x.id < y.id ? -1 : 1));

  const totalNeighbours = neighbours[0]?.total ?? 0;
  const totalSecondDegree = second[0]?.total ?? 0;
  return {
    centerId: personId,
    nodes,
    edges,
    totalNeighbours,
    shownNeighbours: direct.length,
    totalSecondDegree,
    shownSecondDegree: second.length,
    truncated: totalNeighbours > direct.length || totalSecondDegree > second.length,
    sources: sourceRows.map((row) => row.source),
  };
}
