// Sign-in rate limiting, kept in PostgreSQL so every app instance sees the same counters.
// Per account: 5 failures in 15 minutes block that account for 15 minutes. Per client address: 20.
// Keys are HMACs of the email / address under AUTH_SECRET, so the table stores no personal data.
import { createHmac } from "node:crypto";
import type { Db } from "../db/client";
import type { Prisma } from "../../prisma/generated/client";

type DbOrTx = Db | Prisma.TransactionClient;

export const THROTTLE_WINDOW_MS = 15 * 60_000;
export const ACCOUNT_FAILURE_LIMIT = 5;
export const ADDRESS_FAILURE_LIMIT = 20;

export function throttleKey(kind: "account" | "ip", value: string, secret: string): string {
  return `${kind}:${createHmac("sha256", secret).update(value.trim().toLowerCase()).digest("hex").slice(0, 32)}`;
}

export interface ThrottleState {
  blocked: boolean;
  retryAfterSeconds: number;
}

/** Is any of these keys blocked right now? */
export async function checkThrottle(db: DbOrTx, keys: string[], now = new Date()): Promise<ThrottleState> {
  const rows = await db.signInThrottle.findMany({ where: { key: { in: keys }, blockedUntil: { gt: now } }, select: { blockedUntil: true } });
  const until = Math.max(0, ...rows.map((row) => row.blockedUntil?.getTime() ?? 0));
  return { blocked: rows.length > 0, retryAfterSeconds: until > 0 ? Math.ceil((until - now.getTime()) / 1000) : 0 };
}

/** Counts one failure against each key (atomically, in one statement per key); blocks keys over their limit. */
export async function recordFailure(db: DbOrTx, keys: Array<{ key: string; limit: number }>, now = new Date()): Promise<void> {
  const windowStartCutoff = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const blockUntil = new Date(now.getTime() + THROTTLE_WINDOW_MS);
  for (const { key, limit } of keys) {
    await db.$executeRaw`
      INSERT INTO "SignInThrottle" ("key", "failures", "windowStart", "blockedUntil", "updatedAt")
      VALUES (${key}, 1, ${now}, NULL, ${now})
      ON CONFLICT ("key") DO UPDATE SET
        "failures" = CASE WHEN "SignInThrottle"."windowStart" < ${windowStartCutoff} THEN 1 ELSE "SignInThrottle"."failures" + 1 END,
        "windowStart" = CASE WHEN "SignInThrottle"."windowStart" < ${windowStartCutoff} THEN ${now} ELSE "SignInThrottle"."windowStart" END,
        "blockedUntil" = CASE
          WHEN "SignInThrottle"."windowStart" >= ${windowStartCutoff} AND "SignInThrottle"."failures" + 1 >= ${limit} THEN ${blockUntil}::timestamp
          ELSE "SignInThrottle"."blockedUntil" END,
        "updatedAt" = ${now}`;
  }
}

/** A successful sign-in clears the account's counter (not the address's: one good password must not unlock guessing others). */
export async function clearFailures(db: DbOrTx, key: string): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key } });
}
