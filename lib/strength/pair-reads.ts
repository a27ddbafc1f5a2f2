// What a batch of pairs is scored with besides its interactions, read for the whole batch at once: its
// people's keys (who is live, and what their interactions are found by), their organizations, and members'
// overrides. Shared by the per-pair recompute (batch-pipeline.ts) and, for overrides, the full one.
import { pairKey } from "./pair-key";
import type { StrengthOverride } from "./pair-summary";
import { personKeysSql } from "./recompute-sql";
import type { SqlRunner } from "../db/sql-runner";

/** Overrides on these pairs (a member's own node ↔ the person), the latest statement winning. */
export async function overridesFor(sql: SqlRunner, pairs: ReadonlyArray<readonly [string, string]> | null): Promise<Map<string, StrengthOverride>> {
  const rows = pairs === null
    ? await sql.query<{ me: string; other: string; level: StrengthOverride }>(
        `SELECT u."personId"::text AS me, s."personId"::text AS other, s.level::text AS level
           FROM "StrengthOverride" s JOIN "User" u ON u.id = s."userId"
          WHERE u."personId" IS NOT NULL ORDER BY s."updatedAt", s.id`,
      )
    : await sql.query<{ me: string; other: string; level: StrengthOverride }>(
        `SELECT u."personId"::text AS me, s."personId"::text AS other, s.level::text AS level
           FROM "StrengthOverride" s JOIN "User" u ON u.id = s."userId"
           JOIN unnest($1::uuid[], $2::uuid[]) AS p(a, b)
             ON (u."personId" = p.a AND s."personId" = p.b) OR (u."personId" = p.b AND s."personId" = p.a)
          ORDER BY s."updatedAt", s.id`,
        [pairs.map((pair) => pair[0]), pairs.map((pair) => pair[1])],
      );
  const map = new Map<string, StrengthOverride>();
  for (const row of rows) map.set(pairKey(row.me, row.other), row.level);
  return map;
}

/** The keys (emails, "network:handle") of each person not deleted. */
export async function keysOf(sql: SqlRunner, ids: readonly string[]): Promise<Map<string, string[]>> {
  const rows = await sql.query<{ id: string; keys: string[] }>(
    `SELECT p.id::text AS id, array_agg(k.key) AS keys FROM "Person" p CROSS JOIN LATERAL ${personKeysSql("p")} AS k(key)
      WHERE p.id = ANY($1::uuid[]) AND p."deletedAt" IS NULL AND k.key IS NOT NULL GROUP BY p.id`,
    [[...new Set(ids)]],
  );
  return new Map(rows.map((row) => [row.id, row.keys]));
}

/** Each person's current organization (none when the organization is soft-deleted). */
export async function organizationsOf(sql: SqlRunner, ids: readonly string[]): Promise<Map<string, string | null>> {
  const rows = await sql.query<{ id: string; org: string | null }>(
    `SELECT p.id::text AS id, CASE WHEN o."deletedAt" IS NULL THEN o.id::text END AS org
       FROM "Person" p LEFT JOIN "Organization" o ON o.id = p."organizationId" WHERE p.id = ANY($1::uuid[])`,
    [[...new Set(ids)]],
  );
  return new Map(rows.map((row) => [row.id, row.org]));
}
