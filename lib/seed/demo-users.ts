// The demo's two sign-in accounts, linked to their Person nodes in the demo network. Their passwords are
// printed in the README's local-demo section and nowhere else (never in logs or screens).
import { runInOperation } from "../audit/correlation";
import { createUser } from "../auth/users";
import type { Db } from "../db/client";
import { DEMO_ADMIN_EMAIL, DEMO_MEMBER_EMAIL } from "./demo/team";

export const DEMO_USERS = [
  { email: DEMO_ADMIN_EMAIL, password: "kestrel-admin-demo", role: "admin" },
  { email: DEMO_MEMBER_EMAIL, password: "kestrel-member-demo", role: "member" },
] as const;

/** Creates the demo users that do not exist yet; returns how many it created. */
export async function writeDemoUsers(db: Db): Promise<number> {
  let created = 0;
  await runInOperation({ correlationId: "seed-demo-users", actorId: null }, async () => {
    for (const demo of DEMO_USERS) {
      if (await db.user.findUnique({ where: { email: demo.email }, select: { id: true } })) continue;
      await createUser(db, { email: demo.email, password: demo.password, role: demo.role });
      created++;
    }
  });
  return created;
}
