// Auth.js (next-auth v5) configuration: email + password (argon2id), optional Google, JWT sessions in an
// httpOnly SameSite=Lax cookie (Secure in production), and the custom sign-in page.
import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import Google from "next-auth/providers/google";
import type { Provider } from "next-auth/providers";
import { prisma } from "../db/client";
import { writeAudit } from "../audit/write-audit";
import { authenticate } from "./authenticate";
import { readAuthProviderSettings, useSecureCookies } from "./providers";
import { serverSecret } from "./secret";
import { clientAddressOf } from "./client-address";

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

class RateLimitedSignIn extends CredentialsSignin {
  override code = "rate_limited";
}

function providers(): Provider[] {
  const settings = readAuthProviderSettings();
  const list: Provider[] = [
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        const result = await authenticate(prisma, credentials, clientAddressOf(request.headers), serverSecret());
        if (result.ok) return result.user;
        if (result.reason === "rate_limited") throw new RateLimitedSignIn();
        return null;
      },
    }),
  ];
  if (settings.google) list.push(Google({ clientId: settings.google.clientId, clientSecret: settings.google.clientSecret }));
  return list;
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: serverSecret(),
  trustHost: true,
  providers: providers(),
  pages: { signIn: "/signin", error: "/signin" },
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  useSecureCookies: useSecureCookies(),
  // Never log secrets or credentials: only the error's name and code.
  logger: {
    error: (error: Error) => {
      // Error class names are minified in production builds; Auth.js's `type` stays readable.
      const type = "type" in error && typeof error.type === "string" ? error.type : error.name;
      console.error(`[auth] ${type}${"code" in error ? ` (${String(error.code)})` : ""}`);
    },
    warn: (code: string) => console.warn(`[auth] warning: ${code}`),
  },
  callbacks: {
    // Google sign-in is for people who already have a WIG account (invited by an admin): match by verified email.
    async signIn({ account, profile }) {
      if (account?.provider !== "google") return true;
      const email = typeof profile?.email === "string" ? profile.email.toLowerCase() : "";
      if (!email || profile?.email_verified !== true) return false;
      const user = await prisma.user.findUnique({ where: { email }, select: { id: true } });
      if (!user) return false;
      await prisma.$transaction(async (tx) => {
        await tx.account.upsert({
          where: { provider_providerAccountId: { provider: "google", providerAccountId: account.providerAccountId } },
          create: { userId: user.id, type: account.type, provider: "google", providerAccountId: account.providerAccountId },
          update: {},
        });
        await writeAudit(tx, { action: "auth.signed_in", entityType: "User", entityId: user.id, actorId: user.id, metadata: { method: "google" } });
      });
      return true;
    },
    async jwt({ token, user, account }) {
      if (user) token.signedInAt = Date.now();
      if (account?.provider === "google" && token.email) {
        const local = await prisma.user.findUnique({ where: { email: token.email.toLowerCase() }, select: { id: true } });
        if (local) token.sub = local.id;
      } else if (user?.id) {
        token.sub = user.id;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.signedInAt = token.signedInAt;
      return session;
    },
  },
}));
