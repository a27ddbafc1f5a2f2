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

/**
 * Statements waiting for each connection, so that concurrent callers (a recompute reading its next batch while
 * it writes this one) take turns: node-postgres deprecates queuing a query on a busy client, and a Prisma
 * transaction does not take concurrent queries. Keyed by client, not by runner: several runners share one.
 * When a statement ends, the next one is sent before its caller resumes, so the server is not left idle
 * while Node digests the result.
 */
export class StatementQueue {
  private busy = false;
  private readonly waiting: Array<() => void> = [];

  run<T>(statement: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const start = () => {
        this.busy = true;
        let sent: Promise<T>;
        try {
          sent = statement();
        } catch (error) {
          sent = Promise.reject(error);
        }
        sent.then(
          (value) => {
            this.startNext();
            resolve(value);
          },
          (error: unknown) => {
            this.startNext();
            reject(error);
          },
        );
      };
      if (this.busy) this.waiting.push(start);
      else start();
    });
  }

  private startNext(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.busy = false;
  }
}

const queues = new WeakMap<object, StatementQueue>();

function inTurn<T>(client: object, statement: () => Promise<T>): Promise<T> {
  let queue = queues.get(client);
  if (!queue) queues.set(client, (queue = new StatementQueue()));
  return queue.run(statement);
}

export function sqlRunner(client: SqlClient): SqlRunner {
  if (isPrisma(client)) {
    return {
      query: <T>(text: string, params: readonly unknown[] = []) => inTurn(client, () => client.$queryRawUnsafe<T[]>(text, ...params)),
      exec: async (text: string, params: readonly unknown[] = []) => {
        await inTurn(client, () => client.$executeRawUnsafe(text, ...params));
      },
      execute: (text: string, params: readonly unknown[] = []) => inTurn(client, () => client.$executeRawUnsafe(text, ...params)),
    };
  }
  const run = (text: string, params: readonly unknown[]) => inTurn(client, () => client.query(text, params as unknown[]));
  return {
    query: async <T>(text: string, params: readonly unknown[] = []) => (await run(text, params)).rows as T[],
    exec: async (text: string, params: readonly unknown[] = []) => {
      await run(text, params);
    },
    execute: async (text: string, params: readonly unknown[] = []) => (await run(text, params)).rowCount ?? 0,
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
export function withLocalSetting<T>(sql: SqlRunner, name: string, value: string, work: () => Promise<T>): Promise<T> {
  return withLocalSettings(sql, { [name]: value }, work);
}

/** withLocalSetting for several settings, changed and put back by one statement each way. */
export async function withLocalSettings<T>(sql: SqlRunner, settings: Readonly<Record<string, string>>, work: () => Promise<T>): Promise<T> {
  const names = Object.keys(settings);
  const values = names.map((name) => settings[name] as string);
  const [row] = await sql.query<{ previous: string[] }>(
    `SELECT array_agg(current_setting(s.name) ORDER BY s.at) AS previous, array_agg(set_config(s.name, s.value, true) ORDER BY s.at) AS now
       FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS s(name, value, at)`,
    [names, values],
  );
  try {
    return await work();
  } finally {
    const previous = names.map((name, index) => row?.previous[index] ?? (settings[name] as string));
    await sql.query(`SELECT set_config(s.name, s.value, true) FROM unnest($1::text[], $2::text[]) AS s(name, value)`, [names, previous]).catch(() => undefined);
  }
}

/** SQLSTATE of a statement sent after an earlier one failed: a consequence, never the cause. */
const IN_FAILED_TRANSACTION = "25P02";

const isConsequence = (error: unknown): boolean =>
  typeof error === "object" && error !== null && (error as { code?: unknown }).code === IN_FAILED_TRANSACTION;

/**
 * Promises of statements sent without waiting for each (the caller goes on computing while they run in
 * turn), settled together. Once one fails, the transaction is aborted and the statements after it fail too
 * ("current transaction is aborted"), possibly before the failed one's own caller reports it: the error
 * reported is the cause, not one of those.
 */
export class InFlight {
  private readonly pending = new Set<Promise<unknown>>();
  private cause: { error: unknown } | null = null;
  private consequence: { error: unknown } | null = null;

  track<T>(promise: Promise<T>): Promise<T> {
    this.pending.add(promise);
    promise.then(
      () => this.pending.delete(promise),
      (error: unknown) => {
        this.pending.delete(promise);
        if (isConsequence(error)) this.consequence ??= { error };
        else this.cause ??= { error };
      },
    );
    return promise;
  }

  /** Waits for everything tracked, and throws the cause of a failure if there was one. */
  async settle(): Promise<void> {
    const failure = await this.settled();
    if (failure) throw failure.error;
  }

  /** After `error` interrupted the caller: waits for the rest, and returns the failure's cause. */
  async causeOf(error: unknown): Promise<unknown> {
    return (await this.settled())?.error ?? error;
  }

  private async settled(): Promise<{ error: unknown } | null> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
    return this.cause ?? this.consequence;
  }
}

/** Lets pending I/O run (a statement's result, the next statement sent) before a long computation goes on. */
export const yieldToIo = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
