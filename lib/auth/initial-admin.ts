// The first admin on a fresh install, from WIG_ADMIN_EMAIL + WIG_ADMIN_PASSWORD at start-up. Only when
// no user has that email yet: changing the variables later never resets a password.
import { currentOperation, newCorrelationId, runInOperation } from "../audit/correlation";
import type { Db } from "../db/client";
import { createUser } from "./users";

export async function ensureInitialAdmin(db: Db, env: { WIG_ADMIN_EMAIL?: string; WIG_ADMIN_PASSWORD?: string }): Promise<string | null> {
  if (!env.WIG_ADMIN_EMAIL || !env.WIG_ADMIN_PASSWORD) return null;
  const email = env.WIG_ADMIN_EMAIL.trim().toLowerCase();
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) return null;
  const create = () => createUser(db, { email, password: env.WIG_ADMIN_PASSWORD ?? "", role: "admin" });
  // At start-up there is no request: the creation is its own operation.
  const user = currentOperation() ? await create() : await runInOperation({ correlationId: newCorrelationId("start-admin"), actorId: null }, create);
  return user.email;
}
