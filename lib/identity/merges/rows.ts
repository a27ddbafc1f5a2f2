// Verbatim row copies for merge snapshots. Rows are read as `to_jsonb(t)` (every column, timestamps as
// text at their stored precision, floats in PostgreSQL's shortest exact form) and written back through
// `jsonb_populate_record(NULL::"Table", …)`, so a restored row is byte-for-byte the row that was copied,
// including createdAt/updatedAt, strength and strengthFactors. Table names are a fixed allow-list.
import type { Prisma } from "../../../prisma/generated/client";

export type Tx = Prisma.TransactionClient;
export type Row = Record<string, unknown> & { id: string };

export type SnapshotTable = "Person" | "Edge" | "PersonIdentity" | "StrengthOverride" | "BlocklistEntry" | "MergeCandidate" | "MergeDecision";

const columnCache = new Map<SnapshotTable, string[]>();

async function columnsOf(tx: Tx, table: SnapshotTable): Promise<string[]> {
  const cached = columnCache.get(table);
  if (cached) return cached;
  const rows = await tx.$queryRaw<Array<{ column_name: string }>>`
    SELECT column_name FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name = ${table} ORDER BY ordinal_position`;
  const columns = rows.map((row) => row.column_name);
  columnCache.set(table, columns);
  return columns;
}

const quote = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** Every row of `table` matching `where` (SQL over alias t, with $1.. parameters), as JSON, ordered by id. */
export async function dumpRows(tx: Tx, table: SnapshotTable, where: string, ...params: unknown[]): Promise<Row[]> {
  const rows = await tx.$queryRawUnsafe<Array<{ row: Row }>>(
    `SELECT to_jsonb(t) AS row FROM ${quote(table)} t WHERE ${where} ORDER BY t.id`,
    ...params,
  );
  return rows.map((entry) => entry.row);
}

/** Inserts rows exactly as dumped. Rows whose id already exists are left alone (returns how many were inserted). */
export async function insertRows(tx: Tx, table: SnapshotTable, rows: readonly Row[]): Promise<number> {
  if (rows.length === 0) return 0;
  return tx.$executeRawUnsafe(
    `INSERT INTO ${quote(table)} SELECT * FROM jsonb_populate_recordset(NULL::${quote(table)}, $1::jsonb) ON CONFLICT DO NOTHING`,
    JSON.stringify(rows),
  );
}

/** Overwrites every column of existing rows (matched by id) with the dumped values. */
export async function overwriteRows(tx: Tx, table: SnapshotTable, rows: readonly Row[]): Promise<number> {
  if (rows.length === 0) return 0;
  const columns = (await columnsOf(tx, table)).filter((column) => column !== "id");
  const list = columns.map(quote).join(", ");
  const values = columns.map((column) => `r.${quote(column)}`).join(", ");
  return tx.$executeRawUnsafe(
    `UPDATE ${quote(table)} t SET (${list}) = (${values})
       FROM jsonb_populate_recordset(NULL::${quote(table)}, $1::jsonb) r WHERE t.id = r.id`,
    JSON.stringify(rows),
  );
}

/** `updatedAt` as stored (text), per id: how later changes to a row are recognized. */
export async function updatedAtOf(tx: Tx, table: SnapshotTable, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.$queryRawUnsafe<Array<{ id: string; updatedAt: string }>>(
    `SELECT id::text AS id, to_jsonb(t."updatedAt") #>> '{}' AS "updatedAt" FROM ${quote(table)} t WHERE t.id = ANY($1::uuid[])`,
    ids,
  );
  return new Map(rows.map((row) => [row.id, row.updatedAt]));
}

/**
 * Several dumps in ONE round trip: each part is a table and a WHERE clause over alias t (sharing the
 * parameters). Merges run thousands of times in a resolution run, so round trips matter more than SQL.
 */
export interface DumpPart {
  table: SnapshotTable | "User";
  where: string;
  /** A JSON expression over t instead of the whole row (User links: never the user's other columns). */
  projection?: string;
}

export async function dumpMany<K extends string>(tx: Tx, parts: Record<K, DumpPart>, ...params: unknown[]): Promise<Record<K, Row[]>> {
  const entries = Object.entries(parts) as Array<[K, DumpPart]>;
  const fields = entries.map(
    ([key, { table, where, projection }]) =>
      `'${key}', coalesce((SELECT jsonb_agg(${projection ?? "to_jsonb(t)"} ORDER BY t.id) FROM ${quote(table)} t WHERE ${where}), '[]'::jsonb)`,
  );
  const [row] = await tx.$queryRawUnsafe<Array<{ dump: Record<K, Row[]> }>>(`SELECT jsonb_build_object(${fields.join(", ")}) AS dump`, ...params);
  if (!row) throw new Error("dumpMany returned nothing");
  return row.dump;
}
