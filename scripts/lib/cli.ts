// Shared scaffolding for WIG's command-line tools: one clear line on expected failures, a stack trace
// only for bugs (or with WIG_DEBUG=1), and a non-zero exit either way.
import { existsSync } from "node:fs";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { EnvError } from "../../lib/env";
import { DatabaseUnavailableError } from "../../lib/db/runtime";
import { MigrationError } from "../../lib/db/migrations";
import { EmbeddedDatabaseError } from "../../lib/db/embedded";

// Like Next.js, read .env from the project root; variables already in the environment win.
if (existsSync(".env")) process.loadEnvFile(".env");

export class CliUsageError extends Error {
  override name = "CliUsageError";
}

const EXPECTED_ERRORS = [EnvError, DatabaseUnavailableError, MigrationError, EmbeddedDatabaseError, CliUsageError];

export function parseCliArgs<T extends ParseArgsConfig["options"]>(options: T, argv = process.argv.slice(2)) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliUsageError(error instanceof Error ? error.message : String(error));
  }
}

export function runCli(name: string, main: () => Promise<void | number>): void {
  main().then(
    (code) => process.exit(typeof code === "number" ? code : 0),
    (error: unknown) => {
      const expected = EXPECTED_ERRORS.some((type) => error instanceof type);
      const message = error instanceof Error ? error.message : String(error);
      console.error(`${name}: ${message}`);
      if (!expected || process.env.WIG_DEBUG === "1") console.error(error);
      process.exit(1);
    },
  );
}
