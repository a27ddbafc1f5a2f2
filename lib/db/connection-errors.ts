// Translates connection failures into one line a person can act on, instead of a stack trace.
import { describeDatabaseUrl } from "./connection-url";

interface ErrorWithCode {
  code?: unknown;
  message?: unknown;
  errors?: unknown;
  cause?: unknown;
}

function codeOf(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth++) {
    const candidate = current as ErrorWithCode;
    if (typeof candidate.code === "string") return candidate.code;
    if (Array.isArray(candidate.errors) && candidate.errors.length > 0) {
      current = candidate.errors[0];
      continue;
    }
    current = candidate.cause;
  }
  return undefined;
}

export function explainConnectionError(error: unknown, databaseUrl: string): string {
  const where = describeDatabaseUrl(databaseUrl);
  const code = codeOf(error);
  switch (code) {
    case "ECONNREFUSED":
      return `Cannot reach PostgreSQL at ${where}: connection refused. Start the server, or unset DATABASE_URL to use the embedded database.`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `Cannot reach PostgreSQL at ${where}: the host name does not resolve. Check the host in DATABASE_URL.`;
    case "ETIMEDOUT":
      return `Cannot reach PostgreSQL at ${where}: the connection timed out. Check the host, port and firewall.`;
    case "28P01":
    case "28000":
      return `PostgreSQL at ${where} rejected the credentials in DATABASE_URL (wrong user name or password).`;
    case "3D000":
      return `PostgreSQL at ${where} has no such database. Create it (createdb) or fix the database name in DATABASE_URL.`;
    case "57P03":
      return `PostgreSQL at ${where} is starting up or shutting down; try again in a moment.`;
    default: {
      const message = error instanceof Error ? error.message : String(error);
      return `Cannot use PostgreSQL at ${where}: ${message.split("\n")[0]}`;
    }
  }
}
