// Who is signed in, checked against the database on every call: a deleted user or a changed role takes
// effect at once, not when the session cookie expires.
import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { prisma } from "../db/client";
import { AppError } from "../errors/app-error";
import { auth } from "./config";

export type Role = "admin" | "member";

export interface SessionUser {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  /** The user's own node in the graph, where intro paths start. */
  personId: string | null;
}

export async function getSessionUser(): Promise<SessionUser | null> {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const user = await prisma.user.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, role: true, personId: true, sessionsValidAfter: true },
  });
  if (!user) return null;
  // Revoked by a later sign-out (or sessions without a sign-in time, from before revocation existed).
  if (user.sessionsValidAfter && (session.signedInAt ?? 0) < user.sessionsValidAfter.getTime()) return null;
  const { sessionsValidAfter: _revokedBefore, ...sessionUser } = user;
  return sessionUser;
}

export function authorize(user: SessionUser | null, access: Role): SessionUser {
  if (!user) throw new AppError("UNAUTHORIZED", "Sign in to continue.");
  if (access === "admin" && user.role !== "admin") throw new AppError("FORBIDDEN", "This needs an admin account.");
  return user;
}

export async function requireUser(): Promise<SessionUser> {
  return authorize(await getSessionUser(), "member");
}

export async function requireAdmin(): Promise<SessionUser> {
  return authorize(await getSessionUser(), "admin");
}

/**
 * For pages: signed-out visitors go to the sign-in page and come back to the page they asked for
 * (proxy.ts passes it as x-wig-path); members on admin pages go home with a notice.
 */
export async function requirePageUser(access: Role = "member"): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) {
    const returnTo = (await headers()).get("x-wig-path") ?? "/";
    // A session cookie that no longer yields a user means the session expired (or the account went away).
    const jar = await cookies();
    const hadSession = jar.has("authjs.session-token") || jar.has("__Secure-authjs.session-token");
    redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}${hadSession ? "&reason=expired" : ""}`);
  }
  if (access === "admin" && user.role !== "admin") redirect("/?denied=admin");
  return user;
}
