// One Prisma client per process (kept on globalThis so dev hot reload does not open new pools).
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../prisma/generated/client";
import { parseDatabaseUrl } from "./connection-url";

export type Db = PrismaClient;

export function createPrismaClient(databaseUrl: string): PrismaClient {
  const parsed = parseDatabaseUrl(databaseUrl);
  const adapter = new PrismaPg(
    { connectionString: parsed.connectionString, ...parsed.pool },
    parsed.schema ? { schema: parsed.schema } : undefined,
  );
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
