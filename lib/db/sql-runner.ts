// Bulk statements speak plain SQL through either driver: a Prisma transaction (what the overrides hold) or a
// node-postgres client (the full recompute job, the benchmarks, and the import pipeline and merges, which
// find the connection under their Prisma transaction: lib/db/client.ts directConnectionOf). Bulk work wants
// the latter: Prisma's raw API moves parameters at ~10 MB/s here, and 2,000 edges carry ~4 MB of factors.
// Results are normalized by the SQL itself (dates as epoch milliseconds, ids as text), so both agree.
import type pg from "pg";
import type { Prisma } from "../../prisma/generated/client";

export type PrismaTx = Prisma.TransactionClient;
export type SqlClient = PrismaTx | pg.ClientBase;

export interface SqlRunner {
  query<T>(text: string, params?: readonly unknown[]): Promise<T[]>;
  exec(text: string, params?: readonly unknown[]): Promise<void>;
  /** Runs a statement and returns the number of rows it inserted, updated or deleted. */
  execute(text: string, params?: readonly unknown[]): Promise<number>;
}

function isPrisma(client: SqlClient): client is PrismaTx {
  return typeof (client as PrismaTx).$queryRawUnsafe === "function";
}

export function sqlRunner(client: SqlClient): SqlRunner {
  if (isPrisma(client)) {
    return {
      query: <T>(text: string, params: readonly unknown[] = []) => client.$queryRawUnsafe<T[]>(text, ...params),
      exec: async (text: string, params: readonly unknown[] = []) => {
        await client.$executeRawUnsafe(text, ...params);
      },
      execute: (text: string, params: readonly unknown[] = []) => client.$executeRawUnsafe(text, ...params),
    };
  }
  return {
    query: async <T>(text: string, params: readonly unknown[] = []) => (await client.query(text, params as unknown[])).rows as T[],
    exec: async (text: string, params: readonly unknown[] = []) => {
      await client.query(text, params as unknown[]);
    },
    execute: async (text: string, params: readonly unknown[] = []) => (await client.query(text, params as unknown[])).rowCount ?? 0,
  };
}

/**
 * work_mem for bulk statements (set with withLocalSetting): a batch of a few thousand pairs carries ~5 MB of
 * factor documents, which the default 4 MB would sort and materialize on disk.
 */
export const BULK_WORK_MEM = "64MB";

/**
 * Runs `work` with a setting changed for this transaction (set_config(…, true), as SET LOCAL does), then puts
 * the previous value back. After a failed statement the transaction refuses the reset, and rolls the setting
 * back itself: the work's own error is what the caller gets.
 */
export async function withLocalSetting<T>(sql: SqlRunner, name: string, value: string, work: () => Promise<T>): Promise<T> {
  const [row] = await sql.query<{ previous: string }>(`SELECT current_setting($1) AS previous, set_config($1, $2, true) AS now`, [name, value]);
  try {
    return await work();
  } finally {
    await sql.query(`SELECT set_config($1, $2, true)`, [name, row?.previous ?? value]).catch(() => undefined);
  }
}
