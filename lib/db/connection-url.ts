// Turns DATABASE_URL into pg pool options. Prisma's classic URL options (`connection_limit`,
// `pool_timeout`, `connect_timeout`, `schema`) are honoured so URLs written for the @wig/db contract keep working.
import type { PoolConfig } from "pg";

export interface ParsedDatabaseUrl {
  /** The URL with Prisma-only query options removed, safe to hand to pg. */
  connectionString: string;
  pool: Pick<PoolConfig, "max" | "connectionTimeoutMillis" | "idleTimeoutMillis">;
  schema: string | undefined;
  /** host:port/database, for messages; never includes the password. */
  display: string;
}

const PRISMA_ONLY_PARAMS = ["connection_limit", "pool_timeout", "connect_timeout", "schema", "pgbouncer", "socket_timeout"];

export function parseDatabaseUrl(raw: string): ParsedDatabaseUrl {
  const url = new URL(raw);
  const params = url.searchParams;
  const positiveInt = (name: string): number | undefined => {
    const value = params.get(name);
    if (value === null) return undefined;
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`DATABASE_URL option ${name} must be a whole number, got "${value}"`);
    return parsed;
  };
  const max = positiveInt("connection_limit");
  const poolTimeout = positiveInt("pool_timeout");
  const connectTimeout = positiveInt("connect_timeout");
  const schema = params.get("schema") ?? undefined;
  for (const name of PRISMA_ONLY_PARAMS) params.delete(name);
  const timeoutSeconds = connectTimeout ?? poolTimeout;
  return {
    connectionString: url.toString(),
    pool: {
      max: max && max > 0 ? max : 10,
      connectionTimeoutMillis: timeoutSeconds !== undefined ? timeoutSeconds * 1000 : 10_000,
      idleTimeoutMillis: 30_000,
    },
    schema: schema ?? undefined,
    display: describeDatabaseUrl(raw),
  };
}

export function describeDatabaseUrl(raw: string): string {
  try {
    const url = new URL(raw);
    return `${url.hostname}:${url.port || "5432"}${url.pathname || "/"}`;
  } catch {
    return "(unparseable URL)";
  }
}
