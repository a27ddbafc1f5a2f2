// Second-degree connections: people two hops from `personId` who are not already direct connections,
// ranked by their best two-hop path (product of strengths), with how many mutual connections lead there.
// One SQL statement over the (from, to, type) index; deleted people never appear, and
// neither do the edges members' blocklists hide (lib/privacy/hidden-edges.ts), as in the graph and path search.
import type { Db } from "../db/client";
import { loadHiddenEdgePairs } from "../privacy/hidden-edges";

export interface SecondDegreeConnection {
  personId: string;
  name: string;
  /** The strongest intermediary and the product of the two strengths through them. */
  viaPersonId: string;
  viaName: string;
  pathStrength: number;
  mutualCount: number;
}

export async function findSecondDegreeConnections(db: Db, personId: string, limit = 50): Promise<SecondDegreeConnection[]> {
  const hidden = (await loadHiddenEdgePairs(db)).toArrays();
  const rows = await db.$queryRaw<Array<{
    personId: string; name: string | null; viaPersonId: string; viaName: string | null; pathStrength: number; mutualCount: bigint;
  }>>`
    WITH hidden AS (
      SELECT h.a, h.b FROM unnest(${hidden.a}::uuid[], ${hidden.b}::uuid[]) AS h(a, b)
    ),
    first_hop AS (
      SELECT e."toPersonId" AS via, e.strength
      FROM "Edge" e JOIN "Person" v ON v.id = e."toPersonId" AND v."deletedAt" IS NULL
      WHERE e."fromPersonId" = ${personId}::uuid
        AND NOT EXISTS (SELECT 1 FROM hidden h WHERE h.a = LEAST(e."fromPersonId", e."toPersonId") AND h.b = GREATEST(e."fromPersonId", e."toPersonId"))
    ),
    second_hop AS (
      SELECT e2."toPersonId" AS target, f.via, f.strength * e2.strength AS path_strength
      FROM first_hop f JOIN "Edge" e2 ON e2."fromPersonId" = f.via
      WHERE e2."toPersonId" <> ${personId}::uuid
        AND e2."toPersonId" NOT IN (SELECT via FROM first_hop)
        AND NOT EXISTS (SELECT 1 FROM hidden h WHERE h.a = LEAST(e2."fromPersonId", e2."toPersonId") AND h.b = GREATEST(e2."fromPersonId", e2."toPersonId"))
    ),
    ranked AS (
      SELECT target, via, path_strength,
             count(*) OVER (PARTITION BY target) AS mutual_count,
             row_number() OVER (PARTITION BY target ORDER BY path_strength DESC, via) AS rank
      FROM second_hop
    )
    SELECT r.target AS "personId", t.names[1] AS name, r.via AS "viaPersonId", v.names[1] AS "viaName",
           r.path_strength AS "pathStrength", r.mutual_count AS "mutualCount"
    FROM ranked r
    JOIN "Person" t ON t.id = r.target AND t."deletedAt" IS NULL
    JOIN "Person" v ON v.id = r.via
    WHERE r.rank = 1
    ORDER BY r.path_strength DESC, r.target
    LIMIT ${limit}`;
  return rows.map((row) => ({
    personId: row.personId,
    name: row.name ?? "(unnamed)",
    viaPersonId: row.viaPersonId,
    viaName: row.viaName ?? "(unnamed)",
    pathStrength: Number(row.pathStrength),
    mutualCount: Number(row.mutualCount),
  }));
}
