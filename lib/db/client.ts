// One Prisma client per process (kept on globalThis so dev hot reload does not open new pools).
import { PrismaPg } from "@prisma/adapter-pg";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { PrismaClient, type Prisma } from "../../prisma/generated/client";
import { parseDatabaseUrl } from "./connection-url";

export type Db = PrismaClient;

/**
 * Every open pooled connection of the clients createPrismaClient made, by the server process behind it:
 * how directConnectionOf finds the node-postgres connection a Prisma transaction runs on.
 */
const connectionsByBackendPid = new Map<number, pg.PoolClient>();

export function createPrismaClient(databaseUrl: string): PrismaClient {
  const parsed = parseDatabaseUrl(databaseUrl);
  const pool = new pg.Pool({ connectionString: parsed.connectionString, ...parsed.pool });
  const backendPid = (client: pg.PoolClient) => (client as unknown as { processID?: number }).processID;
  pool.on("connect", (client) => {
    const pid = backendPid(client);
    if (pid !== undefined) connectionsByBackendPid.set(pid, client);
  });
  pool.on("remove", (client) => {
    const pid = backendPid(client);
    if (pid !== undefined && connectionsByBackendPid.get(pid) === client) connectionsByBackendPid.delete(pid);
  });
  const adapter = new PrismaPg(pool, { ...(parsed.schema ? { schema: parsed.schema } : {}), disposeExternalPool: true });
  // Secrets never leave the data layer unless a caller asks for them explicitly.
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}

const globalForPrisma = globalThis as unknown as { __wigPrisma?: PrismaClient };

function requireDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error("DATABASE_URL is not set. Start WIG with `npm start` (it starts the embedded PostgreSQL) or set DATABASE_URL.");
  }
  return url;
}

function getClient(): PrismaClient {
  globalForPrisma.__wigPrisma ??= createPrismaClient(requireDatabaseUrl());
  return globalForPrisma.__wigPrisma;
}

/**
 * The shared client. Created on first use, so importing this module (for example during
 * `next build`) never needs a database.
 */
export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getClient();
    const value: unknown = Reflect.get(client, property, client);
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(client) : value;
  },
});

export async function disconnectDatabase(): Promise<void> {
  const client = globalForPrisma.__wigPrisma;
  globalForPrisma.__wigPrisma = undefined;
  if (client) await client.$disconnect();
}

/** True when PostgreSQL answers a trivial query within the timeout. */
export async function isDatabaseHealthy(timeoutMs = 2_000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const probe = getClient().$queryRaw`SELECT 1`;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error("health check timed out")), timeoutMs);
    });
    await Promise.race([probe, timeout]);
    return true;
  } catch {
    return false;
  } finally {
    if (timer) clearTimeout(timer);
  }
}

/**
 * The node-postgres connection a Prisma interactive transaction runs on, or null (a client this module did
 * not make, a connection it no longer holds). Statements sent on it run inside that transaction. Bulk work
 * wants it: Prisma's raw API carries large parameters through its query engine at a fraction of the
 * driver's speed (measured: a full edge recompute of 50k pairs writes in 10–11.5 s through the transaction,
 * 5.2–7 s on its connection; an import worker's peak RSS fell from 366–449 MB to 293–317 MB, the engine no
 * longer holding serialized copies of them). A transaction-local marker proves the match, so a process id
 * reused by another server can never hand out the wrong connection. The caller must not use the
 * transaction concurrently.
 */
export async function directConnectionOf(tx: Prisma.TransactionClient): Promise<pg.PoolClient | null> {
  const marker = randomUUID();
  const [row] = await tx.$queryRawUnsafe<Array<{ pid: number }>>(
    `SELECT pg_backend_pid() AS pid, set_config('wig.connection_marker', $1, true) AS marker`,
    marker,
  );
  const connection = row ? connectionsByBackendPid.get(row.pid) : undefined;
  if (!connection) return null;
  const seen = await connection.query<{ marker: string | null }>(`SELECT current_setting('wig.connection_marker', true) AS marker`);
  return seen.rows[0]?.marker === marker ? connection : null;
}
