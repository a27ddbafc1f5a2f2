// The server secret for Auth.js and for WIG's keyed hashes (throttle keys, later the erasure suppression
// list). `npm start` always provides one; tests and scripts without one get a fixed development value.
export function serverSecret(): string {
  const secret = process.env.AUTH_SECRET;
  if (secret && secret.length >= 32) return secret;
  if (process.env.NODE_ENV === "production") throw new Error("AUTH_SECRET must be set (at least 32 characters) in production.");
  return "wig-development-secret-not-for-production-use";
}
