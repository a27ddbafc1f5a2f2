// Which sign-in methods are on, read from the environment. Email + password is always on; Google is on
// when both AUTH_GOOGLE_ID and AUTH_GOOGLE_SECRET are set (it needs the internet, so it is off offline).
export interface AuthProviderSettings {
  credentials: true;
  google: { clientId: string; clientSecret: string } | null;
}

export function readAuthProviderSettings(env: Readonly<Record<string, string | undefined>> = process.env): AuthProviderSettings {
  const clientId = env.AUTH_GOOGLE_ID?.trim();
  const clientSecret = env.AUTH_GOOGLE_SECRET?.trim();
  return { credentials: true, google: clientId && clientSecret ? { clientId, clientSecret } : null };
}

/** Secure cookies in production; WIG_INSECURE_COOKIES=1 allows a production build over plain http on a LAN. */
export function useSecureCookies(env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  return env.NODE_ENV === "production" && env.WIG_INSECURE_COOKIES !== "1";
}
