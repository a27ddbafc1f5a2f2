// The full recompute's writer: instead of updating every Edge row in place (a write that cannot stay on its
// page maintains every index and fires two foreign-key triggers, ~0.3 ms a row here), it builds a
// replacement table without indexes, fills it in bulk, builds the indexes by sorting, validates the foreign
// keys with one join each, and swaps it in. Readers keep reading the old table until the swap, which is a
// few catalog renames.
//
// - The table is created from "Edge" itself (columns, defaults, NOT NULL and CHECK constraints, storage),
//   and its indexes and constraints are recreated from the live catalog (pg_get_indexdef /
//   pg_get_constraintdef), so a later migration that adds an index is carried over without touching this.
// - Recomputed rows keep their id, relationship type and createdAt (merge snapshots and audit rows refer to
//   edges by id); updatedAt moves only when a value changed. Edges of pairs that were not recomputed (seed
//   rows, override-only pairs, pairs with a deleted person) are copied unchanged.
// - Everything happens in the caller's transaction: a failure, or a stop, rolls back to the old table.
// Concurrency: the caller locks Person and Edge in SHARE ROW EXCLUSIVE mode first (writers wait, readers
// do not), in the same order the import pipeline and merges take them, so adding the foreign keys back
// cannot deadlock with a writer.
import { SCORED_DIRECTIONS_CTES, SQL_NOW, type ScoredColumns } from "./edge-writer";
import type { SqlRunner } from "../db/sql-runner";

export const EDGE_TABLE = "Edge";
export const REBUILD_TABLE = "Edge_rebuild";
const TEMP_NAME_PREFIX = "wig_rebuild_";

const quote = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** Locks taken before a rebuild: writers of people and edges wait, readers carry on. */
export async function lockForRebuild(sql: SqlRunner): Promise<void> {
  await sql.exec(`LOCK TABLE "Person", "Edge" IN SHARE ROW EXCLUSIVE MODE`);
}

/**
 * Creates the empty replacement table (no indexes, no foreign keys yet), with the storage parameters of
 * "Edge" (LIKE does not copy them): its fillfactor leaves each page room for the next version of its rows, so
 * the recomputes that follow update them in place (HOT; see the edge_hot_updates migration).
 */
export async function createRebuildTable(sql: SqlRunner): Promise<void> {
  await sql.exec(`DROP TABLE IF EXISTS ${quote(REBUILD_TABLE)}`);
  await sql.exec(
    `CREATE TABLE ${quote(REBUILD_TABLE)} (LIKE ${quote(EDGE_TABLE)} INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING STORAGE INCLUDING COMMENTS)`,
  );
  const [options] = await sql.query<{ reloptions: string[] | null }>(
    `SELECT reloptions FROM pg_class WHERE oid = ${literalRegclass(EDGE_TABLE)}`,
  );
  // Each option comes from the catalog as name=value (e.g. fillfactor=70): safe to paste back.
  if (options?.reloptions && options.reloptions.length > 0) {
    await sql.exec(`ALTER TABLE ${quote(REBUILD_TABLE)} SET (${options.reloptions.join(", ")})`);
  }
}

/** What one batch wrote: rows, and how many of them replace a row "Edge" already has (under its id). */
export interface RebuiltBatch {
  written: number;
  rewritten: number;
}

/**
 * Writes both directions of each scored pair (scoredPairColumns: the caller scores, so it can score the next
 * batch while this one is written) into the replacement table, reusing the ids, relationship types and
 * createdAt of the rows the directed pair already has in "Edge" (one index probe per direction).
 */
export async function insertRebuiltColumns(sql: SqlRunner, columns: ScoredColumns): Promise<RebuiltBatch> {
  if (columns.count === 0) return { written: 0, rewritten: 0 };
  const result = await sql.query<{ n: number; rewritten: number }>(
    // `rows` is materialized once: the insert reads it, and so does the count of rows that kept an id.
    `WITH ${SCORED_DIRECTIONS_CTES}, rows AS MATERIALIZED (
       SELECT COALESCE(x.id, gen_random_uuid()) AS id, i.f, i.t, COALESCE(x.type, 'knows') AS type, i.strength, i.factors,
              i.sources, i.channels, i.first_at, i.last_at, i.n, COALESCE(x.created_at, ${SQL_NOW}) AS created_at,
              CASE WHEN (x.strength = i.strength AND x.sources = i.sources AND x.channels = i.channels
                         AND x.first_at IS NOT DISTINCT FROM i.first_at AND x.last_at IS NOT DISTINCT FROM i.last_at
                         AND x.n = i.n AND x.factors::text = i.factors::text) IS TRUE
                   THEN x.updated_at ELSE ${SQL_NOW} END AS updated_at,
              x.id IS NOT NULL AS kept
         FROM input i LEFT JOIN LATERAL (
           SELECT e.id, e."relationshipType" AS type, e."createdAt" AS created_at, e."updatedAt" AS updated_at, e.strength,
                  e."strengthFactors" AS factors, e.sources, e.channels, e."firstSeenAt" AS first_at, e."lastSeenAt" AS last_at,
                  e."interactionCount" AS n
             FROM ${quote(EDGE_TABLE)} e WHERE e."fromPersonId" = i.f AND e."toPersonId" = i.t OFFSET 0
         ) x ON true
     ), written AS (
       INSERT INTO ${quote(REBUILD_TABLE)} (id, "fromPersonId", "toPersonId", "relationshipType", strength, "strengthFactors", sources,
                                           channels, "firstSeenAt", "lastSeenAt", "interactionCount", "createdAt", "updatedAt")
       SELECT id, f, t, type, strength, factors, sources, channels, first_at, last_at, n, created_at, updated_at FROM rows
       RETURNING 1
     )
     SELECT (SELECT count(*) FROM written)::int AS n, (SELECT count(*) FROM rows WHERE kept)::int AS rewritten`,
    columns.params,
  );
  return { written: result[0]?.n ?? 0, rewritten: result[0]?.rewritten ?? 0 };
}

interface IndexDef {
  name: string;
  definition: string;
  primary: boolean;
}

interface ConstraintDef {
  name: string;
  definition: string;
  kind: string;
}

/**
 * Copies the edges of pairs that were not recomputed, builds the indexes and constraints "Edge" has, and
 * swaps the tables. A recomputed pair's rows were all rewritten under their own ids (insertRebuiltColumns), so
 * the rows to copy are exactly those whose id the replacement does not have. `rewritten` is how many rows of
 * "Edge" the batches rewrote (each at most once: a directed pair is written once): when that is all of them,
 * the copy's anti-join, which reads both tables in full (~8 s at 1.8M rows), is skipped.
 */
export async function finishRebuild(sql: SqlRunner, rewritten: number): Promise<{ copied: number }> {
  const [existing] = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${quote(EDGE_TABLE)}`);
  const copied =
    (existing?.n ?? 0) === rewritten
      ? [{ n: 0 }]
      : await sql.query<{ n: number }>(
          `WITH copied AS (
             INSERT INTO ${quote(REBUILD_TABLE)} SELECT e.* FROM ${quote(EDGE_TABLE)} e
              WHERE NOT EXISTS (SELECT 1 FROM ${quote(REBUILD_TABLE)} r WHERE r.id = e.id)
             RETURNING 1
           ) SELECT count(*)::int AS n FROM copied`,
        );
  const indexes = await sql.query<IndexDef>(
    `SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS definition, i.indisprimary AS primary
       FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
      WHERE i.indrelid = ${literalRegclass(EDGE_TABLE)} ORDER BY c.relname`,
  );
  // Foreign keys only: NOT NULL and CHECK constraints came with LIKE, the primary key is rebuilt from its index.
  const constraints = await sql.query<ConstraintDef>(
    `SELECT conname AS name, pg_get_constraintdef(oid) AS definition, contype::text AS kind
       FROM pg_constraint WHERE conrelid = ${literalRegclass(EDGE_TABLE)} AND contype IN ('f', 'u', 'x') ORDER BY conname`,
  );
  const renames: Array<{ from: string; to: string; constraint: boolean }> = [];
  for (const [position, index] of indexes.entries()) {
    const temporary = `${TEMP_NAME_PREFIX}i${position}`;
    await sql.exec(retargetIndex(index.definition, temporary));
    if (index.primary) {
      await sql.exec(`ALTER TABLE ${quote(REBUILD_TABLE)} ADD CONSTRAINT ${quote(temporary)} PRIMARY KEY USING INDEX ${quote(temporary)}`);
      renames.push({ from: temporary, to: index.name, constraint: true });
    } else {
      renames.push({ from: temporary, to: index.name, constraint: false });
    }
  }
  for (const [position, constraint] of constraints.entries()) {
    if (constraint.kind !== "f") {
      throw new Error(`The edge rebuild does not know how to carry over constraint ${constraint.name} (${constraint.kind}).`);
    }
    const temporary = `${TEMP_NAME_PREFIX}c${position}`;
    await sql.exec(`ALTER TABLE ${quote(REBUILD_TABLE)} ADD CONSTRAINT ${quote(temporary)} ${constraint.definition}`);
    renames.push({ from: temporary, to: constraint.name, constraint: true });
  }
  await sql.exec(`LOCK TABLE ${quote(EDGE_TABLE)} IN ACCESS EXCLUSIVE MODE`);
  await sql.exec(`DROP TABLE ${quote(EDGE_TABLE)}`);
  await sql.exec(`ALTER TABLE ${quote(REBUILD_TABLE)} RENAME TO ${quote(EDGE_TABLE)}`);
  for (const rename of renames) {
    await sql.exec(
      rename.constraint
        ? `ALTER TABLE ${quote(EDGE_TABLE)} RENAME CONSTRAINT ${quote(rename.from)} TO ${quote(rename.to)}`
        : `ALTER INDEX ${quote(rename.from)} RENAME TO ${quote(rename.to)}`,
    );
  }
  await sql.exec(`ANALYZE ${quote(EDGE_TABLE)}`);
  return { copied: copied[0]?.n ?? 0 };
}

const literalRegclass = (table: string): string => `'${quote(table).replaceAll("'", "''")}'::regclass`;

/** `CREATE [UNIQUE] INDEX name ON [ONLY] schema."Edge" USING …` → the same index, renamed, on the replacement. */
export function retargetIndex(definition: string, temporaryName: string): string {
  const match = /^CREATE (UNIQUE )?INDEX (?:"(?:[^"]|"")+"|\S+) ON (?:ONLY )?(?:(?:"(?:[^"]|"")+"|[^\s."]+)\.)?(?:"(?:[^"]|"")+"|\S+) (USING .*)$/s.exec(
    definition,
  );
  if (!match) throw new Error(`The edge rebuild cannot read the index definition: ${definition}`);
  return `CREATE ${match[1] ?? ""}INDEX ${quote(temporaryName)} ON ${quote(REBUILD_TABLE)} ${match[2]}`;
}
