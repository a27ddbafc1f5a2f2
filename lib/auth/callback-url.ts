// Where to send someone after signing in: only a path on this site, never another origin (no open redirect).
export function safeCallbackUrl(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  // Back to a sign-in page (or /login, which redirects there) would only ask again.
  if (value.startsWith("/signin") || /^\/login(?:[/?#]|$)/.test(value) || value.startsWith("/api/")) return "/";
  return value.slice(0, 2_000);
}
