// Which people an interaction's participant keys name: an email, or "network:handle". Every live person
// with the key counts (an address two people share counts for both), the rule both recompute paths and the
// privacy screens' recomputes follow.
import type { SqlRunner } from "../db/sql-runner";

/** Every person (not deleted) each key names: emails by the GIN index, network handles by one pass. */
export async function peopleOfKeys(sql: SqlRunner, keys: readonly string[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  if (keys.length === 0) return result;
  const add = (key: string, id: string) => {
    const list = result.get(key);
    if (!list) result.set(key, [id]);
    else if (!list.includes(id)) list.push(id);
  };
  // Every key as an email: one GIN probe each, forced (the run's people are not in the planner's statistics
  // yet, so it would scan Person once per key; `= ANY` over thousands of keys compared every pair of them).
  // The deleted filter is applied outside the probe (OFFSET 0 keeps it there): with Person never analyzed
  // the planner ANDed every probe with the deletedAt index, reading all 30k live people per key (13 s for
  // the 30k keys of a first LinkedIn import).
  await sql.exec(`SET LOCAL enable_seqscan = off`);
  try {
    const rows = await sql.query<{ id: string; key: string }>(
      `SELECT x.id, k.key FROM unnest($1::text[]) AS k(key) CROSS JOIN LATERAL (
         SELECT p.id::text AS id, p."deletedAt" AS deleted FROM "Person" p WHERE p.emails @> ARRAY[k.key] OFFSET 0) x
        WHERE x.deleted IS NULL`,
      [keys],
    );
    for (const row of rows) add(row.key, row.id);
  } finally {
    await sql.exec(`SET LOCAL enable_seqscan = on`);
  }
  // Keys of the form network:handle, against every handle (no index covers socialHandles): one pass over
  // the people who have any; `= ANY` over a parameter array is a hashed lookup (PostgreSQL 14+), and only
  // matches come back.
  const handles = keys.filter((key) => key.indexOf(":") > 0);
  if (handles.length > 0) {
    const rows = await sql.query<{ id: string; handle: string }>(
      `SELECT p.id::text AS id, h.key || ':' || h.value AS handle
         FROM "Person" p CROSS JOIN LATERAL jsonb_each_text(p."socialHandles") AS h(key, value)
        WHERE p."deletedAt" IS NULL AND jsonb_typeof(p."socialHandles") = 'object' AND h.key || ':' || h.value = ANY($1::text[])`,
      [handles],
    );
    for (const row of rows) add(row.handle, row.id);
  }
  return result;
}
