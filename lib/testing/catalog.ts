// A comparable description of a database's schema, read from PostgreSQL's catalogs: tables and columns,
// constraints, indexes, enums and extensions. Two databases with equal catalogs have the same schema.
import pg from "pg";

export interface Catalog {
  columns: string[];
  constraints: string[];
  indexes: string[];
  enums: string[];
  extensions: string[];
}

const IGNORED_TABLE = "_prisma_migrations";

export async function readCatalog(url: string, ignoreIndexes: readonly string[] = []): Promise<Catalog> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const lines = async (sql: string, params: unknown[] = []) =>
      (await client.query<{ line: string }>(sql, params)).rows.map((row) => row.line);
    return {
      columns: await lines(
        `SELECT table_name || '.' || column_name || ' ' || udt_name || ' ' || is_nullable || ' ' || coalesce(column_default, '') AS line
         FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> $1 ORDER BY 1`,
        [IGNORED_TABLE],
      ),
      constraints: await lines(
        `SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) AS line
         FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND trim(both '"' from conrelid::regclass::text) <> $1 ORDER BY 1`,
        [IGNORED_TABLE],
      ),
      indexes: await lines(
        `SELECT indexdef AS line FROM pg_indexes
         WHERE schemaname = 'public' AND tablename <> $1 AND NOT (indexname = ANY($2)) ORDER BY 1`,
        [IGNORED_TABLE, [...ignoreIndexes]],
      ),
      enums: await lines(
        `SELECT t.typname || ': ' || string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder) AS line
         FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
         WHERE t.typnamespace = 'public'::regnamespace GROUP BY t.typname ORDER BY 1`,
      ),
      extensions: await lines(`SELECT extname AS line FROM pg_extension WHERE extname <> 'plpgsql' ORDER BY 1`),
    };
  } finally {
    await client.end();
  }
}

export async function indexNames(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ indexname: string }>(`SELECT indexname FROM pg_indexes WHERE schemaname = 'public'`)).rows.map((row) => row.indexname);
  } finally {
    await client.end();
  }
}
