// Settings shared by playwright.config.ts, scripts/test.ts and the e2e fixtures. Side-effect free: the
// config (and so this file) is loaded again in every Playwright worker.
import { existsSync } from "node:fs";

/** Set once the e2e database is running; its presence means "already prepared, do not prepare again". */
export const E2E_DATABASE_URL_VAR = "WIG_E2E_DATABASE_URL";

export const DEFAULT_E2E_PORT = 3210;

/** Where a direct `npx playwright test` run keeps its prepared environment (runner process only). */
export const DIRECT_RUN_KEY = "__wigE2eDirectRun";

/** Auth.js needs a secret of at least 32 characters under `next start`; this one only ever signs test sessions. */
export const E2E_AUTH_SECRET = "wig-e2e-only-auth-secret-0123456789abcdef";

export function e2ePort(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.WIG_E2E_PORT;
  if (!raw) return DEFAULT_E2E_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`WIG_E2E_PORT must be a port number, got "${raw}"`);
  return port;
}

/** One host name everywhere (Auth.js redirects to it and cookies are scoped to it): localhost, never 127.0.0.1. */
export function e2eBaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return `http://localhost:${e2ePort(env)}`;
}

/**
 * Debian's Chromium by default (Playwright's own browsers cannot be downloaded here). WIG_CHROMIUM_PATH
 * overrides it; when neither exists, undefined lets Playwright use the browser `npx playwright install` fetched.
 */
export function chromiumExecutable(env: Readonly<Record<string, string | undefined>> = process.env, exists: (path: string) => boolean = existsSync): string | undefined {
  if (env.WIG_CHROMIUM_PATH) return env.WIG_CHROMIUM_PATH;
  return exists("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;
}

/**
 * Why no browser can run the e2e tests, or null when one can: the configured or Debian Chromium, else the one
 * `npx playwright install` fetched (`playwrightExecutable`, Playwright's own path for it).
 */
export function missingBrowserReason(
  playwrightExecutable: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
  exists: (path: string) => boolean = existsSync,
): string | null {
  if (env.WIG_CHROMIUM_PATH) {
    return exists(env.WIG_CHROMIUM_PATH) ? null : `WIG_CHROMIUM_PATH is ${env.WIG_CHROMIUM_PATH}, which does not exist.`;
  }
  if (chromiumExecutable(env, exists) || exists(playwrightExecutable)) return null;
  return "no Chromium to run the browser tests: install Debian's (apt-get install chromium; .ci/run does) or set WIG_CHROMIUM_PATH.";
}

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/**
 * The sync dashboard's upload limit under test (WIG_UPLOAD_MAX_BYTES): small enough that e2e/sync.spec.ts
 * can send a file over it, and above the 10 MB Next cuts request bodies at when its proxy sees them.
 */
export const E2E_UPLOAD_MAX_BYTES = 16 * 1024 * 1024;

/** Environment of `next start` (and the job worker) under test: the dedicated e2e database and a production server. */
export function serverEnvironment(databaseUrl: string, env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: E2E_AUTH_SECRET,
    AUTH_TRUST_HOST: "true",
    AUTH_URL: e2eBaseUrl(env),
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    WIG_UPLOAD_MAX_BYTES: String(E2E_UPLOAD_MAX_BYTES),
  };
}
