// Transactions for merges and undos: generous timeouts (a merge recomputes edges), a retry when
// PostgreSQL aborts one of two transactions that wait on each other (deadlock or serialization failure:
// nothing was written, so running it again is safe), and the person row locks every merge takes first.
import type { Db } from "../../db/client";
import type { Prisma } from "../../../prisma/generated/client";
import { AppError } from "../../errors/app-error";
import { mergedIntoOf } from "../../privacy/soft-delete";

type Tx = Prisma.TransactionClient;

const RETRYABLE = /40P01|40001|deadlock detected|could not serialize/i;

function isRetryable(error: unknown): boolean {
  if (error instanceof AppError) return false;
  const seen = new Set<unknown>();
  for (let current: unknown = error; current && !seen.has(current); current = (current as { cause?: unknown }).cause) {
    seen.add(current);
    const text = `${(current as { message?: string }).message ?? ""} ${JSON.stringify((current as { meta?: unknown }).meta ?? "")} ${(current as { code?: string }).code ?? ""}`;
    if (RETRYABLE.test(text)) return true;
  }
  return false;
}

export async function inMergeTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db.$transaction(fn, { timeout: 300_000, maxWait: 60_000 });
    } catch (error) {
      if (attempt >= attempts || !isRetryable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.floor(Math.random() * 30)));
    }
  }
}

export interface LockedPerson {
  id: string;
  deletedAt: Date | null;
  erasedAt: Date | null;
  metadata: Prisma.JsonValue | null;
  createdAt: Date;
}

/** Locks the people (in id order, so two merges sharing a person cannot deadlock) and returns them by id. */
export async function lockPeople(tx: Tx, ids: readonly string[]): Promise<Map<string, LockedPerson>> {
  const rows = await tx.$queryRawUnsafe<LockedPerson[]>(
    `SELECT id::text AS id, "deletedAt", "erasedAt", metadata, "createdAt" FROM "Person" WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
    [...new Set(ids)],
  );
  return new Map(rows.map((row) => [row.id, row]));
}

/** Throws the clear error for a person that cannot take part in a merge (any more). */
export function assertMergeable(person: LockedPerson | undefined, label: string): asserts person is LockedPerson {
  if (!person) throw new AppError("NOT_FOUND", `The ${label} person does not exist.`);
  if (person.erasedAt) throw new AppError("CONFLICT", `The ${label} person (${person.id}) was erased and cannot take part in a merge.`);
  if (person.deletedAt) {
    const into = mergedIntoOf(person.metadata);
    if (into) throw new AppError("CONFLICT", `The ${label} person (${person.id}) was already merged into ${into}.`);
    throw new AppError("CONFLICT", `The ${label} person (${person.id}) is deleted; a deleted person cannot take part in a merge.`);
  }
}
