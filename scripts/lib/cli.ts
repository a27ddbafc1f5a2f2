// Shared scaffolding for WIG's command-line tools: one clear line on expected failures, a stack trace
// only for bugs (or with WIG_DEBUG=1), and a non-zero exit either way.
import { existsSync } from "node:fs";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { EnvError } from "../../lib/env";
import { closeAllDatabases, DatabaseUnavailableError } from "../../lib/db/runtime";
import { MigrationError } from "../../lib/db/migrations";
import { EmbeddedDatabaseError } from "../../lib/db/embedded";
import { SchemaPushError } from "../../lib/db/schema-push";

// Like Next.js, read .env from the project root; variables already in the environment win.
if (existsSync(".env")) process.loadEnvFile(".env");

export class CliUsageError extends Error {
  override name = "CliUsageError";
}

const EXPECTED_ERRORS = [EnvError, DatabaseUnavailableError, MigrationError, EmbeddedDatabaseError, SchemaPushError, CliUsageError];

export function parseCliArgs<T extends ParseArgsConfig["options"]>(options: T, argv = process.argv.slice(2)) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliUsageError(error instanceof Error ? error.message : String(error));
  }
}

/**
 * Runs a CLI's main function. Whatever happens (success, an error, Ctrl+C), an embedded PostgreSQL the
 * command started is stopped before the process exits. Commands with their own signal handling
 * (`npm start`) pass `handleSignals: false`.
 */
export function runCli(name: string, main: () => Promise<void | number>, options: { handleSignals?: boolean } = {}): void {
  const finish = async (code: number) => {
    await closeAllDatabases();
    process.exit(code);
  };
  if (options.handleSignals !== false) {
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      process.once(signal, () => {
        console.error(`${name}: interrupted (${signal}), stopping.`);
        void finish(130);
      });
    }
  }
  main().then(
    (code) => finish(typeof code === "number" ? code : 0),
    (error: unknown) => {
      const expected = EXPECTED_ERRORS.some((type) => error instanceof type);
      const message = error instanceof Error ? error.message : String(error);
      console.error(`${name}: ${message}`);
      if (!expected || process.env.WIG_DEBUG === "1") console.error(error);
      return finish(1);
    },
  );
}
