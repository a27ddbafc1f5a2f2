"use server";
// Server actions for signing in and out. Signing in is the one public action: it has no session yet.
import { AuthError } from "next-auth";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { signIn, signOut } from "@/lib/auth/config";
import { MAX_PASSWORD_LENGTH } from "@/lib/auth/password";
import { revokeSessions } from "@/lib/auth/users";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";

// Deliberately loose: missing, malformed or oversized credentials become empty strings, which fail
// authentication with the same answer as a wrong password. Nothing here reveals what an account needs.
const ZSignInInput = z.object({
  email: z.string().max(320).catch(""),
  password: z.string().max(MAX_PASSWORD_LENGTH).catch(""),
  callbackUrl: z.string().max(2_000).optional().catch(undefined),
});

const SAME_ANSWER = "That email and password do not match an account.";

export const signInWithPassword = defineAction({ access: "public", input: ZSignInInput }, async ({ input }) => {
  try {
    await signIn("credentials", { email: input.email, password: input.password, redirectTo: safeCallbackUrl(input.callbackUrl) });
  } catch (error) {
    if (error instanceof AuthError) {
      const rateLimited = "code" in error && error.code === "rate_limited";
      throw new AppError(
        rateLimited ? "RATE_LIMITED" : "UNAUTHORIZED",
        rateLimited ? "Too many sign-in attempts for this account or network. Wait 15 minutes, then try again." : SAME_ANSWER,
      );
    }
    throw error; // the redirect after a successful sign-in
  }
  return null;
});

export const signInWithGoogle = defineAction({ access: "public", input: z.object({ callbackUrl: z.string().max(2_000).optional() }) }, async ({ input }) => {
  await signIn("google", { redirectTo: safeCallbackUrl(input.callbackUrl) });
  return null;
});

// Takes no input (a form posts its FormData, which is ignored).
export const signOutAction = defineAction({ access: "member", input: z.unknown() }, async ({ user }) => {
  await revokeSessions(prisma, user.id);
  await signOut({ redirectTo: "/signin" });
  return null;
});
