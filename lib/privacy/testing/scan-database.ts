// Test support: searches EVERY text, varchar, text[]/varchar[] and json/jsonb column of EVERY table in the
// public schema (found through information_schema, so a table added later is scanned too) for strings and
// for phone numbers in any formatting. Used by the erasure scan test; slow on big databases by design.
import type { Db } from "../../db/client";

export interface ScanHit {
  table: string;
  column: string;
  needle: string;
  value: string;
}

interface ColumnRow {
  table_name: string;
  column_name: string;
}

const likePattern = (value: string) => `%${value.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

export async function scanDatabase(db: Db, needles: { texts: string[]; phoneDigits?: string[] }): Promise<ScanHit[]> {
  const columns = await db.$queryRaw<ColumnRow[]>`
    SELECT table_name::text, column_name::text FROM information_schema.columns
    WHERE table_schema = 'public'
      AND (data_type IN ('text', 'character varying', 'json', 'jsonb') OR (data_type = 'ARRAY' AND udt_name IN ('_text', '_varchar')))
    ORDER BY table_name, column_name`;
  const hits: ScanHit[] = [];
  for (const { table_name: table, column_name: column } of columns) {
    const q = (name: string) => `"${name.replaceAll('"', '""')}"`;
    for (const needle of needles.texts) {
      const rows = await db.$queryRawUnsafe<Array<{ value: string }>>(
        `SELECT ${q(column)}::text AS value FROM ${q(table)} WHERE ${q(column)}::text ILIKE $1 LIMIT 5`,
        likePattern(needle),
      );
      for (const row of rows) hits.push({ table, column, needle, value: row.value.slice(0, 300) });
    }
    for (const digits of needles.phoneDigits ?? []) {
      const rows = await db.$queryRawUnsafe<Array<{ value: string }>>(
        `SELECT ${q(column)}::text AS value FROM ${q(table)} WHERE regexp_replace(${q(column)}::text, '\\D', '', 'g') LIKE $1 LIMIT 5`,
        likePattern(digits),
      );
      for (const row of rows) hits.push({ table, column, needle: digits, value: row.value.slice(0, 300) });
    }
  }
  return hits;
}

/** How many columns a scan covers (the test asserts the scan is not vacuous). */
export async function scannedColumnCount(db: Db): Promise<number> {
  const [row] = await db.$queryRaw<Array<{ count: number }>>`
    SELECT count(*)::int AS count FROM information_schema.columns
    WHERE table_schema = 'public'
      AND (data_type IN ('text', 'character varying', 'json', 'jsonb') OR (data_type = 'ARRAY' AND udt_name IN ('_text', '_varchar')))`;
  return row?.count ?? 0;
}
