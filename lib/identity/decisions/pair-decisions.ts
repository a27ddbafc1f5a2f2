// Human decisions follow people through merges. A MergeDecision names the ids as they were when decided;
// a person who later absorbed either side lists it in previousIds, so the decision applies to the
// survivor: "different" keeps the survivor apart from the other side forever, "same" is satisfied once both
// ids live in one person (a re-import cannot split them: merged records resolve to the survivor).
import type { Prisma } from "../../../prisma/generated/client";

type Reader = Pick<Prisma.TransactionClient, "$queryRaw">;

export interface CurrentDecisions {
  /** Live person id pairs (ordered) that must never be merged or suggested. */
  different: Array<[string, string]>;
  /** Live person id pairs confirmed the same but not (or no longer) in one person. */
  same: Array<[string, string]>;
}

/** Every decision mapped onto the live people holding each side (via id or previousIds). */
export async function loadCurrentDecisions(db: Reader): Promise<CurrentDecisions> {
  const rows = await db.$queryRaw<Array<{ a: string; b: string; decision: "distinct" | "same" }>>`
    WITH owner AS (
      SELECT p.id AS live, p.id AS any FROM "Person" p WHERE p."deletedAt" IS NULL AND p."erasedAt" IS NULL
      UNION ALL
      SELECT p.id, unnest(p."previousIds") FROM "Person" p WHERE p."deletedAt" IS NULL AND p."erasedAt" IS NULL
    )
    SELECT DISTINCT LEAST(oa.live, ob.live)::text AS a, GREATEST(oa.live, ob.live)::text AS b, d.decision::text AS decision
      FROM "MergeDecision" d
      JOIN owner oa ON oa.any = d."personAId"
      JOIN owner ob ON ob.any = d."personBId"
     WHERE oa.live <> ob.live`;
  const different = rows.filter((row) => row.decision === "distinct").map((row) => [row.a, row.b] as [string, string]);
  const differentKeys = new Set(different.map(([a, b]) => `${a} ${b}`));
  // "different" wins over "same" for the same live pair (the later human judgement is the cautious one).
  const same = rows.filter((row) => row.decision === "same" && !differentKeys.has(`${row.a} ${row.b}`)).map((row) => [row.a, row.b] as [string, string]);
  return { different, same };
}

/** The decision between two live people, if any (either side may have absorbed the decided ids). */
export async function decisionBetween(db: Reader, personAId: string, personBId: string): Promise<"distinct" | "same" | null> {
  const rows = await db.$queryRaw<Array<{ decision: "distinct" | "same" }>>`
    WITH a AS (SELECT unnest(array_append("previousIds", id)) AS id FROM "Person" WHERE id = ${personAId}::uuid),
         b AS (SELECT unnest(array_append("previousIds", id)) AS id FROM "Person" WHERE id = ${personBId}::uuid)
    SELECT d.decision::text AS decision FROM "MergeDecision" d
     WHERE (d."personAId" IN (SELECT id FROM a) AND d."personBId" IN (SELECT id FROM b))
        OR (d."personAId" IN (SELECT id FROM b) AND d."personBId" IN (SELECT id FROM a))`;
  if (rows.some((row) => row.decision === "distinct")) return "distinct";
  return rows.length > 0 ? "same" : null;
}
