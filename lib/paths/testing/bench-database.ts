// Shared by the strength and paths benchmarks: a dedicated PostgreSQL database (a fresh one on DATABASE_URL's
// server, or an embedded server in its own data directory, stopped at the end), a node-postgres client on
// it, bulk inserts through unnest arrays, and the table/JSON output both print.
import pg from "pg";
import { startTestDatabase, type TestDatabase } from "../../testing/test-database";

export interface BenchDatabase {
  url: string;
  client: pg.Client;
  embedded: boolean;
  stop(): Promise<void>;
}

export async function openBenchDatabase(name: string): Promise<BenchDatabase> {
  const embedded = !process.env.DATABASE_URL;
  const database: TestDatabase = await startTestDatabase(name, { instance: `${name}-postgres` });
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  if (embedded) {
    // Our own server: room for bulk loads without a checkpoint every few seconds (reloadable settings only).
    await client.query(`ALTER SYSTEM SET max_wal_size = '8GB'`);
    await client.query(`ALTER SYSTEM SET checkpoint_timeout = '30min'`);
    await client.query(`SELECT pg_reload_conf()`);
  }
  return {
    url: database.url,
    client,
    embedded,
    async stop() {
      await client.end().catch(() => undefined);
      await database.stop();
    },
  };
}

/** Inserts rows given as parallel columns, `chunk` rows per statement (`select` maps unnest columns c1..cn). */
export async function insertColumns(
  client: pg.Client,
  table: string,
  targets: readonly string[],
  types: readonly string[],
  select: readonly string[],
  columns: readonly unknown[][],
  chunk = 20_000,
): Promise<void> {
  const length = columns[0]?.length ?? 0;
  const aliases = types.map((_, index) => `c${index + 1}`);
  const text = `INSERT INTO "${table}" (${targets.map((target) => `"${target}"`).join(", ")})
    SELECT ${select.join(", ")} FROM unnest(${types.map((type, index) => `$${index + 1}::${type}[]`).join(", ")}) AS t(${aliases.join(", ")})`;
  for (let start = 0; start < length; start += chunk) {
    await client.query(text, columns.map((column) => column.slice(start, start + chunk)));
  }
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

export function table(rows: ReadonlyArray<readonly string[]>): string {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length))) ?? [];
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join("  ").trimEnd()).join("\n");
}

export function memoryMb(): number {
  return Math.round(process.memoryUsage().rss / 1024 / 1024);
}
