// The PairAggregate table: each pair's aggregate, kept so that new interactions are added to it rather than
// the pair's whole history re-read (stored-aggregate.ts has the pure part). It is a cache of Interaction:
// - recomputePairs writes the rows of the pairs it reads in full, the full recompute replaces the table;
// - recomputePairs with `newInteractions` adds a run's interactions to the rows of pairs whose people still
//   have the same keys (keysFingerprint) and were not rewritten during the run (`through`);
// - anything that changes a history in another way (merge, undo, erasure, soft delete, restore, purge)
//   forgets the rows of the people involved, and the next recompute of those pairs reads them in full.
import { tokenArrayLiteral, textListsLiteral } from "../db/array-literal";
import type { SqlRunner } from "../db/sql-runner";
import { packStoredAggregate, unpackStoredAggregate, type StoredAggregate } from "./stored-aggregate";

export interface StoredPair {
  a: string;
  b: string;
  fingerprint: string;
  stored: StoredAggregate;
  /** The pair's mutual connections as last counted. */
  mutualConnections: number;
}

/**
 * Serializes the writers that add to stored rows (recomputePairs with new interactions, the full recompute),
 * for the rest of the transaction: two imports finishing at once would otherwise both add to the same row
 * read before the other committed. (A transaction-level advisory lock: row locks on every read row cost a
 * heap write each.) Recomputes that read pairs in full overwrite rows and do not need it.
 */
export async function lockStoredPairs(sql: SqlRunner): Promise<void> {
  await sql.exec(`SELECT pg_advisory_xact_lock(hashtext('wig.pair_aggregates'))`);
}

/** The stored rows of these pairs (a < b). Callers that add to them hold lockStoredPairs. */
export async function readStoredPairs(sql: SqlRunner, pairs: ReadonlyArray<readonly [string, string]>): Promise<Map<string, StoredPair>> {
  const found = new Map<string, StoredPair>();
  if (pairs.length === 0) return found;
  // One primary-key probe per pair (LATERAL … OFFSET 0: the planner cannot turn it into a scan of the table).
  const rows = await sql.query<{ a: string; b: string; fp: string; through_ms: number; data: string; sources: string[]; mutual: number }>(
    `SELECT p.a::text AS a, p.b::text AS b, x.fp, x.through_ms, x.data, x.sources, x.mutual
       FROM unnest($1::uuid[], $2::uuid[]) AS p(a, b) CROSS JOIN LATERAL (
         SELECT s."keysFingerprint" AS fp, (date_part('epoch', s.through) * 1000)::float8 AS through_ms, encode(s.data, 'base64') AS data, s.sources,
                s."mutualConnections" AS mutual
           FROM "PairAggregate" s WHERE s."personAId" = p.a AND s."personBId" = p.b OFFSET 0
       ) x`,
    [pairs.map((pair) => pair[0]), pairs.map((pair) => pair[1])],
  );
  for (const row of rows) {
    const stored = unpackStoredAggregate(Buffer.from(row.data, "base64"), row.sources ?? [], new Date(Number(row.through_ms)));
    // A row in another layout is as good as none: the pair is read in full and the row rewritten.
    if (stored) found.set(`${row.a} ${row.b}`, { a: row.a, b: row.b, fingerprint: row.fp, stored, mutualConnections: Number(row.mutual) });
  }
  return found;
}

/** The parameters of writeStoredPairs' statements, so a caller can build them while the previous write runs. */
export function storedPairColumns(pairs: readonly StoredPair[]): unknown[] {
  // Ready-made array literals (lib/db/array-literal.ts): every value here is a plain token.
  return [
    tokenArrayLiteral(pairs.map((pair) => pair.a)),
    tokenArrayLiteral(pairs.map((pair) => pair.b)),
    tokenArrayLiteral(pairs.map((pair) => pair.fingerprint)),
    tokenArrayLiteral(pairs.map((pair) => pair.stored.through.getTime())),
    tokenArrayLiteral(pairs.map((pair) => packStoredAggregate(pair.stored).toString("base64"))),
    textListsLiteral(pairs.map((pair) => pair.stored.aggregate.sources)),
    tokenArrayLiteral(pairs.map((pair) => pair.mutualConnections)),
  ];
}

const SELECT_COLUMNS = `SELECT a, b, fp, to_timestamp(through_ms / 1000.0) AT TIME ZONE 'UTC', decode(data, 'base64'), string_to_array(sources, E'\\x1f'), mutual, now() AT TIME ZONE 'UTC'
   FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::float8[], $5::text[], $6::text[], $7::int[]) AS t(a, b, fp, through_ms, data, sources, mutual)`;
const INSERT_INTO = `INSERT INTO "PairAggregate" ("personAId", "personBId", "keysFingerprint", through, data, sources, "mutualConnections", "updatedAt")`;

/** Inserts or replaces these pairs' rows. */
export async function writeStoredPairs(sql: SqlRunner, pairs: readonly StoredPair[]): Promise<void> {
  if (pairs.length === 0) return;
  await sql.exec(
    `${INSERT_INTO} ${SELECT_COLUMNS}
     ON CONFLICT ("personAId", "personBId") DO UPDATE SET "keysFingerprint" = EXCLUDED."keysFingerprint", through = EXCLUDED.through,
       data = EXCLUDED.data, sources = EXCLUDED.sources, "mutualConnections" = EXCLUDED."mutualConnections", "updatedAt" = EXCLUDED."updatedAt"`,
    storedPairColumns(pairs),
  );
}

/**
 * The full recompute: empties the table and drops its indexes (in its transaction) before
 * appendStoredColumns refills it; the returned function builds them again (by sorting, once, instead of
 * one insertion per row). Definitions come from the live catalog, so a later migration's index is kept.
 */
export async function clearStoredPairs(sql: SqlRunner): Promise<() => Promise<void>> {
  await sql.exec(`TRUNCATE "PairAggregate"`);
  const indexes = await sql.query<{ name: string; definition: string; constraint: string | null }>(
    `SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS definition, k.conname AS constraint
       FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
       LEFT JOIN pg_constraint k ON k.conindid = i.indexrelid AND k.conrelid = i.indrelid AND k.contype = 'p'
      WHERE i.indrelid = '"PairAggregate"'::regclass ORDER BY c.relname`,
  );
  for (const index of indexes) {
    await sql.exec(index.constraint ? `ALTER TABLE "PairAggregate" DROP CONSTRAINT ${quoteName(index.constraint)}` : `DROP INDEX ${quoteName(index.name)}`);
  }
  return async () => {
    for (const index of indexes) {
      await sql.exec(index.definition);
      if (index.constraint) await sql.exec(`ALTER TABLE "PairAggregate" ADD CONSTRAINT ${quoteName(index.constraint)} PRIMARY KEY USING INDEX ${quoteName(index.name)}`);
    }
  };
}

const quoteName = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** Appends rows built by storedPairColumns (the full recompute, after clearStoredPairs: no conflicts). */
export async function appendStoredColumns(sql: SqlRunner, columns: unknown[]): Promise<void> {
  await sql.exec(`${INSERT_INTO} ${SELECT_COLUMNS}`, columns);
}

/** Forgets every stored pair of these people (their histories changed in a way deltas cannot follow). */
export async function forgetPeoplesPairs(sql: SqlRunner, personIds: readonly string[]): Promise<void> {
  if (personIds.length === 0) return;
  await sql.exec(`DELETE FROM "PairAggregate" WHERE "personAId" = ANY($1::uuid[]) OR "personBId" = ANY($1::uuid[])`, [[...new Set(personIds)]]);
}

/** Forgets the stored pairs whose two people are both in `personIds` (the pairs of a large group). */
export async function forgetPairsAmong(sql: SqlRunner, personIds: readonly string[]): Promise<void> {
  if (personIds.length < 2) return;
  await sql.exec(`DELETE FROM "PairAggregate" WHERE "personAId" = ANY($1::uuid[]) AND "personBId" = ANY($1::uuid[])`, [[...new Set(personIds)]]);
}

/** Forgets these pairs' stored rows. */
export async function forgetPairs(sql: SqlRunner, pairs: ReadonlyArray<readonly [string, string]>): Promise<void> {
  if (pairs.length === 0) return;
  await sql.exec(
    `DELETE FROM "PairAggregate" s USING unnest($1::uuid[], $2::uuid[]) AS p(a, b) WHERE s."personAId" = p.a AND s."personBId" = p.b`,
    [pairs.map((pair) => pair[0]), pairs.map((pair) => pair[1])],
  );
}

/**
 * Forgets every stored pair of every person (deleted or not) who has one of these keys among their emails or
 * network handles: the people whose interactions were deleted or changed (erasure, retention).
 */
export async function forgetPairsOfKeys(sql: SqlRunner, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  await sql.exec(
    `WITH people AS (
       SELECT id FROM "Person" WHERE emails && $1::text[]
       UNION
       SELECT p.id FROM "Person" p CROSS JOIN LATERAL jsonb_each_text(p."socialHandles") AS h(key, value)
         JOIN unnest($1::text[]) AS k(key) ON k.key = h.key || ':' || h.value
        WHERE jsonb_typeof(p."socialHandles") = 'object'
     )
     DELETE FROM "PairAggregate" s WHERE s."personAId" IN (SELECT id FROM people) OR s."personBId" IN (SELECT id FROM people)`,
    [[...new Set(keys)]],
  );
}
