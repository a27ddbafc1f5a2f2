// The client's address for rate limiting: the first X-Forwarded-For hop (set by Next's server or a proxy
// in front of it), else X-Real-IP. Spoofable without a trusted proxy, which is why the per-account limit exists too.
export function clientAddressOf(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip")?.trim() || "unknown";
}
