// Where to send someone after signing in: only a path on this site, never another origin (no open redirect).
export function safeCallbackUrl(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  if (value.startsWith("/signin") || value.startsWith("/api/")) return "/";
  return value.slice(0, 2_000);
}
