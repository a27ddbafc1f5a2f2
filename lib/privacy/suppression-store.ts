// Reads and extends the SuppressedIdentifier table (the query side of suppression-keys.ts).
import type { Prisma } from "../../prisma/generated/client";
import type { Db } from "../db/client";
import type { PhoneOptions } from "../identity/normalize/normalize-phone";
import { SuppressionSet, type SuppressionKey } from "./suppression-keys";

export async function loadSuppressionSet(db: Pick<Db, "suppressedIdentifier">, options: PhoneOptions = {}): Promise<SuppressionSet> {
  const rows = await db.suppressedIdentifier.findMany({ select: { hash: true } });
  return new SuppressionSet(new Set(rows.map((row) => row.hash)), options);
}

export async function addSuppressionKeys(tx: Pick<Prisma.TransactionClient, "suppressedIdentifier">, keys: readonly SuppressionKey[]): Promise<number> {
  if (keys.length === 0) return 0;
  const result = await tx.suppressedIdentifier.createMany({
    data: keys.map((key) => ({ hash: key.hash, kind: key.kind })),
    skipDuplicates: true,
  });
  return result.count;
}
