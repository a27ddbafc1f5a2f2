// Log-like columns (audit metadata, run issues, merge snapshots, notes) that may mention an erased person:
// found with ILIKE over the column's text and rewritten in place by redact.ts, rows kept. Each erasure scans
// these columns in full: fine at a team's scale, the first thing to index if erasures get slow.
import type { Prisma } from "../../prisma/generated/client";
import { isEmptyNeedles, redactJson, redactText, type Needles } from "./redact";

type Tx = Prisma.TransactionClient;

/** Log-like columns that may mention a person: redacted in place, rows kept. */
const REDACTED_COLUMNS: ReadonlyArray<{ table: string; column: string; json: boolean }> = [
  { table: "AuditLog", column: "metadata", json: true },
  { table: "SyncRun", column: "issues", json: true },
  { table: "SyncRun", column: "options", json: true },
  { table: "SyncRun", column: "error", json: false },
  { table: "SyncRun", column: "fileName", json: false },
  { table: "SyncRun", column: "filePath", json: false },
  { table: "SyncRun", column: "cursor", json: false },
  { table: "SyncState", column: "cursor", json: false },
  { table: "SyncState", column: "metadata", json: true },
  { table: "SyncState", column: "lastError", json: false },
  { table: "Merge", column: "snapshot", json: true },
  { table: "Merge", column: "explanation", json: false },
  { table: "MergeCandidate", column: "explanation", json: true },
  { table: "MergeCandidate", column: "proposalNote", json: false },
  { table: "StrengthOverride", column: "note", json: false },
  { table: "Person", column: "mergeExplanation", json: false },
  { table: "Person", column: "metadata", json: true },
];

const likePattern = (value: string) => `%${value.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

/** Returns the number of cells rewritten. */
export async function redactLogColumns(tx: Pick<Tx, "$queryRawUnsafe" | "$executeRawUnsafe">, needles: Needles): Promise<number> {
  if (isEmptyNeedles(needles)) return 0;
  const texts = needles.texts.map(likePattern);
  const phones = needles.phoneDigits.map(likePattern);
  let rewritten = 0;
  for (const { table, column, json } of REDACTED_COLUMNS) {
    const rows = await tx.$queryRawUnsafe<Array<{ id: string; value: unknown }>>(
      `SELECT id::text AS id, "${column}" AS value FROM "${table}"
        WHERE "${column}" IS NOT NULL
          AND ("${column}"::text ILIKE ANY($1::text[]) OR (cardinality($2::text[]) > 0 AND regexp_replace("${column}"::text, '\\D', '', 'g') LIKE ANY($2::text[])))`,
      texts,
      phones,
    );
    for (const row of rows) {
      const next = json ? redactJson(row.value, needles) : redactText(String(row.value), needles);
      if (next === row.value) continue;
      if (json) await tx.$executeRawUnsafe(`UPDATE "${table}" SET "${column}" = $1::jsonb WHERE id = $2::uuid`, JSON.stringify(next), row.id);
      else await tx.$executeRawUnsafe(`UPDATE "${table}" SET "${column}" = $1 WHERE id = $2::uuid`, next, row.id);
      rewritten += 1;
    }
  }
  return rewritten;
}
