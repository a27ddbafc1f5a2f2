// Creating users, and signing a user out everywhere (revokeSessions). Each user is linked to their own Person in the graph by email (their "me" node, where
// intro paths start); the link is made when the user is created, if that person exists then.
import { z } from "zod";
import { writeAudit } from "../audit/write-audit";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { hashPassword, ZPassword } from "./password";

export const ZCreateUserInput = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address.")),
  name: z.string().trim().min(1).max(200).optional(),
  password: ZPassword,
  role: z.enum(["admin", "member"]),
});
export type TCreateUserInput = z.input<typeof ZCreateUserInput>;

export async function createUser(db: Db, rawInput: TCreateUserInput) {
  const parsed = ZCreateUserInput.safeParse(rawInput);
  if (!parsed.success) {
    throw new AppError("BAD_REQUEST", parsed.error.issues[0]?.message ?? "Invalid user.", { fields: z.flattenError(parsed.error).fieldErrors });
  }
  const { email, name, password, role } = parsed.data;
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email }, select: { id: true } })) {
      throw new AppError("CONFLICT", `A user with the email ${email} already exists.`);
    }
    const person = await tx.person.findFirst({ where: { emails: { has: email }, deletedAt: null }, select: { id: true, names: true } });
    const user = await tx.user.create({
      data: { email, name: name ?? person?.names[0] ?? null, role, passwordHash, personId: person?.id ?? null },
      select: { id: true, email: true, name: true, role: true, personId: true },
    });
    await writeAudit(tx, { action: "user.created", entityType: "User", entityId: user.id, metadata: { role, linkedPersonId: user.personId } });
    return user;
  });
}

/**
 * Signs a user out everywhere: sessions are JWTs, so recording the moment voids the current cookie and any
 * copy of it (getSessionUser compares it with each session's sign-in time). Audited as auth.signed_out.
 */
export async function revokeSessions(db: Db, userId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { sessionsValidAfter: new Date() } });
    await writeAudit(tx, { action: "auth.signed_out", entityType: "User", entityId: userId });
  });
}
