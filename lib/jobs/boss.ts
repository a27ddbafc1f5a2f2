// The pg-boss instance of this process. pg-boss keeps its tables in its own schema ("pgboss"), created
// on first start, so WIG's migrations and the schema/migration equivalence test do not see them.
import PgBoss from "pg-boss";
import { parseDatabaseUrl } from "../db/connection-url";

export const JOB_SCHEMA = "pgboss";

const globalForBoss = globalThis as unknown as { __wigBoss?: { url: string; boss: Promise<PgBoss> } };

export function createBoss(databaseUrl: string, options: { supervise?: boolean; schedule?: boolean } = {}): PgBoss {
  const parsed = parseDatabaseUrl(databaseUrl);
  const boss = new PgBoss({
    connectionString: parsed.connectionString,
    schema: JOB_SCHEMA,
    max: 4,
    application_name: "wig-jobs",
    // Only the worker supervises (expires crashed jobs, archives) and runs cron; senders just insert.
    supervise: options.supervise ?? false,
    schedule: options.schedule ?? false,
    migrate: true,
  });
  boss.on("error", (error: unknown) => {
    const line = jobErrorLine(error);
    if (line !== null) console.error(line);
  });
  return boss;
}

/**
 * The line pg-boss's background errors are logged as, or null for a server shutting down on purpose
 * (SQLSTATE 57P01, admin_shutdown): that is a command ending (an interrupted import stops the embedded
 * PostgreSQL under pg-boss's pool) or an operator stopping the server, and what fails after it is logged.
 */
export function jobErrorLine(error: unknown): string | null {
  if (typeof error === "object" && error !== null && (error as { code?: unknown }).code === "57P01") return null;
  return `[jobs] ${error instanceof Error ? error.message : String(error)}`;
}

/** The sender-side instance for DATABASE_URL (one per process, started on first use). */
export function getSenderBoss(databaseUrl = process.env.DATABASE_URL): Promise<PgBoss> {
  if (!databaseUrl) throw new Error("DATABASE_URL is not set; jobs need the database.");
  const cached = globalForBoss.__wigBoss;
  if (cached && cached.url === databaseUrl) return cached.boss;
  const boss = createBoss(databaseUrl).start();
  globalForBoss.__wigBoss = { url: databaseUrl, boss };
  boss.catch(() => {
    if (globalForBoss.__wigBoss?.boss === boss) globalForBoss.__wigBoss = undefined;
  });
  return boss;
}

export async function stopSenderBoss(): Promise<void> {
  const cached = globalForBoss.__wigBoss;
  globalForBoss.__wigBoss = undefined;
  if (cached) await (await cached.boss).stop({ graceful: false, wait: true });
}
