// `db:push` without introspection. Prisma's engine cannot read a live database through the pg adapter
// offline ("Column type 'char' could not be deserialized"), so we track which datamodel the database
// holds instead: the last pushed schema (table _wig_schema_push), else the migrations' snapshot when every
// migration is applied, else nothing for an empty database. Pushing = executing the engine's diff from
// that datamodel to schema.prisma, in one transaction, and remembering the new datamodel.
import pg from "pg";
import { parseDatabaseUrl } from "./connection-url";
import { readMigrations } from "./migrations";
import type { SchemaEngineSession, SchemaFile } from "./schema-engine";

export interface PushResult {
  statements: string;
  destructive: string[];
  executed: boolean;
}

export class SchemaPushError extends Error {
  override name = "SchemaPushError";
}

const DESTRUCTIVE = /^\s*(DROP\s|ALTER\s+TABLE\s+.*\s+DROP\s|ALTER\s+TABLE\s+.*ALTER\s+COLUMN\s+.*\s+TYPE\s|ALTER\s+TYPE\s+.*\s+RENAME)/i;

export function destructiveStatements(script: string): string[] {
  return script
    .split(";")
    .map((statement) => statement.replace(/--.*$/gm, "").trim())
    .filter((statement) => statement !== "" && DESTRUCTIVE.test(statement.replace(/\s+/g, " ")));
}

async function currentDatamodel(client: pg.Client, snapshot: string | undefined): Promise<string | "empty"> {
  const pushed = await client.query<{ datamodel: string }>(
    `SELECT datamodel FROM "_wig_schema_push" ORDER BY pushed_at DESC LIMIT 1`,
  ).catch(() => ({ rows: [] as Array<{ datamodel: string }> }));
  if (pushed.rows[0]) return pushed.rows[0].datamodel;
  const tables = await client.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`);
  if (tables.rows.length === 0) return "empty";
  const applied = await client
    .query<{ migration_name: string }>(`SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`)
    .catch(() => ({ rows: [] as Array<{ migration_name: string }> }));
  const appliedNames = new Set(applied.rows.map((row) => row.migration_name));
  if (snapshot && readMigrations().every((migration) => appliedNames.has(migration.name))) return snapshot;
  throw new SchemaPushError("Cannot tell which schema this database holds. Run `npm run migrate:deploy` first, or push to an empty database.");
}

export async function pushSchema(
  databaseUrl: string,
  engine: SchemaEngineSession,
  schema: SchemaFile,
  options: { snapshot: string | undefined; acceptDataLoss: boolean },
): Promise<PushResult> {
  const client = new pg.Client({ connectionString: parseDatabaseUrl(databaseUrl).connectionString });
  await client.connect();
  try {
    const base = await currentDatamodel(client, options.snapshot);
    const script = (await engine.diffScript(base === "empty" ? "empty" : { path: schema.path, content: base }, schema)).trim();
    const statements = /^(-- This is an empty migration\.?)?$/.test(script) ? "" : script;
    const destructive = destructiveStatements(statements);
    if (statements === "" || (destructive.length > 0 && !options.acceptDataLoss)) {
      return { statements, destructive, executed: false };
    }
    await client.query("BEGIN");
    try {
      await client.query(statements);
      await client.query(`CREATE TABLE IF NOT EXISTS "_wig_schema_push" (pushed_at timestamptz NOT NULL DEFAULT now(), datamodel text NOT NULL)`);
      await client.query(`INSERT INTO "_wig_schema_push" (datamodel) VALUES ($1)`, [schema.content]);
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw new SchemaPushError(`db:push failed and changed nothing: ${error instanceof Error ? error.message : String(error)}`);
    }
    return { statements, destructive, executed: true };
  } finally {
    await client.end().catch(() => undefined);
  }
}
