// Environment variables, validated once. An invalid value becomes one line naming the variable and
// the reason (create-t3-app's env module, without the framework).
import { z } from "zod";

const postgresUrl = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "postgresql:" || url.protocol === "postgres:") && url.hostname.length > 0;
    } catch {
      return false;
    }
  }, "must be a URL like postgresql://user:password@host:5432/database");

const port = z.coerce.number().int().min(1).max(65535);

const BYTE_UNITS: Record<string, number> = { "": 1, b: 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3 };

/** A size in bytes: a plain number, or with a binary unit ("512MB", "2 GB", "64k"). */
const byteSize = z
  .string()
  .trim()
  .transform((value, context) => {
    const match = /^(\d+(?:\.\d+)?)\s*([kmg]?b?)$/i.exec(value);
    const multiplier = match ? BYTE_UNITS[(match[2] ?? "").toLowerCase()] : undefined;
    const bytes = match && multiplier ? Math.floor(Number(match[1]) * multiplier) : NaN;
    if (!Number.isSafeInteger(bytes) || bytes < 1) {
      context.addIssue({ code: "custom", message: 'must be a size in bytes, optionally with a unit: 536870912, "512MB" or "2GB"' });
      return z.NEVER;
    }
    return bytes;
  });

/** Default largest upload on the sync dashboard: 512 MiB. */
export const DEFAULT_UPLOAD_MAX_BYTES = 512 * 1024 * 1024;

export const ZServerEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: postgresUrl.optional(),
  PORT: port.default(3000),
  WIG_EMBEDDED_PG_PORT: port.default(54329),
  WIG_DATA_DIR: z.string().min(1).optional(),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters (generate one with: openssl rand -base64 32)").optional(),
  WIG_ADMIN_EMAIL: z.email("must be an email address").optional(),
  WIG_ADMIN_PASSWORD: z.string().min(12, "must be at least 12 characters").optional(),
  AUTH_GOOGLE_ID: z.string().optional(),
  AUTH_GOOGLE_SECRET: z.string().optional(),
  WIG_LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  /** Largest file the sync dashboard accepts (POST /api/sync/uploads), in bytes or with a unit ("512MB"). */
  WIG_UPLOAD_MAX_BYTES: byteSize.default(DEFAULT_UPLOAD_MAX_BYTES),
  /** `npm start` runs the background job worker as a child process unless this is "off". */
  WIG_WORKER: z.enum(["on", "off"], { error: 'must be "on" or "off"' }).default("on"),
});
export type TServerEnv = z.infer<typeof ZServerEnv>;

export class EnvError extends Error {
  override name = "EnvError";
}

/** Parses the environment, treating empty strings as unset (as shells and .env files produce them). */
export function parseServerEnv(source: Readonly<Record<string, string | undefined>> = process.env): TServerEnv {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ""));
  const result = ZServerEnv.safeParse(cleaned);
  if (!result.success) {
    const issue = result.error.issues[0];
    const name = issue?.path.join(".") ?? "environment";
    throw new EnvError(`Invalid environment variable ${name}: ${issue?.message ?? "invalid value"}`);
  }
  return result.data;
}

let cached: TServerEnv | undefined;
export function serverEnv(): TServerEnv {
  cached ??= parseServerEnv();
  return cached;
}
