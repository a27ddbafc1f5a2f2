// Checks an email + password, with the rate limits and the audit trail. Unknown account and wrong
// password give the same answer in the same time; a blocked account or address says when to retry.
import { z } from "zod";
import { writeAudit } from "../audit/write-audit";
import type { Db } from "../db/client";
import { MAX_PASSWORD_LENGTH, verifyPassword } from "./password";
import { ADDRESS_FAILURE_LIMIT, ACCOUNT_FAILURE_LIMIT, checkThrottle, clearFailures, recordFailure, throttleKey } from "./throttle";

export const ZCredentials = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()).pipe(z.string().max(320)),
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
});

export type AuthenticateResult =
  | { ok: true; user: { id: string; email: string; name: string | null; role: "admin" | "member" } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

export async function authenticate(db: Db, input: unknown, clientAddress: string, secret: string): Promise<AuthenticateResult> {
  const parsed = ZCredentials.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;
  const accountKey = throttleKey("account", email, secret);
  const addressKey = throttleKey("ip", clientAddress, secret);

  const throttle = await checkThrottle(db, [accountKey, addressKey]);
  if (throttle.blocked) return { ok: false, reason: "rate_limited", retryAfterSeconds: throttle.retryAfterSeconds };

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, passwordHash: true },
  });
  const valid = await verifyPassword(user?.passwordHash, password);
  if (!user || !valid) {
    await db.$transaction(async (tx) => {
      await recordFailure(tx, [
        { key: accountKey, limit: ACCOUNT_FAILURE_LIMIT },
        { key: addressKey, limit: ADDRESS_FAILURE_LIMIT },
      ]);
      // The row names the account only when it exists; attempts at unknown emails are not personal data we keep.
      await writeAudit(tx, { action: "auth.sign_in_failed", entityType: "User", entityId: user?.id ?? null, actorId: null });
    });
    return { ok: false, reason: "invalid" };
  }
  await db.$transaction(async (tx) => {
    await clearFailures(tx, accountKey);
    await writeAudit(tx, { action: "auth.signed_in", entityType: "User", entityId: user.id, actorId: user.id, metadata: { method: "password" } });
  });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}
