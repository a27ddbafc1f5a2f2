// Starts (or creates) the PostgreSQL database a test tier runs against.
// - DATABASE_URL set: a fresh database named `name` is created on that server (dropped first if left over).
// - Otherwise: an embedded PostgreSQL in .data/test-postgres on a free port, stopped at the end.
// Either way migrations are applied, so tests run on exactly the schema production gets.
import { createServer } from "node:net";
import { join } from "node:path";
import pg from "pg";
import { parseDatabaseUrl } from "../db/connection-url";
import { startEmbeddedDatabase } from "../db/embedded";
import { applyMigrations } from "../db/migrations";
import { dataDirectory } from "../db/runtime";

export interface TestDatabase {
  url: string;
  /** URL of the server's maintenance database, for creating/dropping more databases. */
  adminUrl: string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function recreateDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const quoted = `"${name.replaceAll('"', '""')}"`;
    await client.query(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${quoted}`);
  } finally {
    await client.end();
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function startTestDatabase(name: string, options: { instance?: string } = {}): Promise<TestDatabase> {
  const external = process.env.DATABASE_URL;
  let adminUrl: string;
  let stopServer: () => Promise<void> = async () => undefined;
  if (external) {
    adminUrl = withDatabase(parseDatabaseUrl(external).connectionString, "postgres");
  } else {
    const embedded = await startEmbeddedDatabase({
      dataDir: join(dataDirectory(), options.instance ?? "test-postgres"),
      port: await freePort(),
      database: "postgres",
    });
    adminUrl = embedded.url;
    stopServer = () => embedded.stop();
  }
  await recreateDatabase(adminUrl, name);
  const url = withDatabase(adminUrl, name);
  await applyMigrations(url);
  return { url, adminUrl, stop: stopServer };
}
