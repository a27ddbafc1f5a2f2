// Shared scaffolding for WIG's command-line tools: one clear line on expected failures, a stack trace
// only for bugs (or with WIG_DEBUG=1), and a non-zero exit either way. `--help` / `-h` prints the
// command's usage and exits 0.
import { existsSync } from "node:fs";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { EnvError } from "../../lib/env";
import { abandonDatabases, closeAllDatabases, DatabaseUnavailableError } from "../../lib/db/runtime";
import { MigrationError } from "../../lib/db/migrations";
import { EmbeddedDatabaseError } from "../../lib/db/embedded";
import { SchemaPushError } from "../../lib/db/schema-push";

// Like Next.js, read .env from the project root; variables already in the environment win.
if (existsSync(".env")) process.loadEnvFile(".env");

export class CliUsageError extends Error {
  override name = "CliUsageError";
}

/** Thrown by parseCliArgs on `--help` / `-h`; runCli prints the command's usage and exits 0. */
export class CliHelpRequested extends Error {
  override name = "CliHelpRequested";
}

const EXPECTED_ERRORS = [EnvError, DatabaseUnavailableError, MigrationError, EmbeddedDatabaseError, SchemaPushError, CliUsageError];

export function parseCliArgs<T extends ParseArgsConfig["options"]>(options: T, argv = process.argv.slice(2)) {
  // Arguments after a bare `--` belong to the command (e.g. a test runner), not to us.
  const terminator = argv.indexOf("--");
  const own = terminator === -1 ? argv : argv.slice(0, terminator);
  if (own.includes("--help") || own.includes("-h")) throw new CliHelpRequested("help requested");
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    // Node's advice about `--` ("To specify a positional argument starting with a '-' …") does not fit
    // `npm run x -- …`, where that `--` is already npm's: name the problem and where the usage is.
    const message = (error instanceof Error ? error.message : String(error)).replace(/\s*To specify a positional argument[\s\S]*$/, "").trim();
    throw new CliUsageError(`${message}${/[.!?]$/.test(message) ? "" : "."} Run with --help for usage.`);
  }
}

export interface RunCliOptions {
  /**
   * false for commands with their own signal handling from the first line (`npm start`). A command that
   * wants its own only once it is running (the worker: stop after the current batch) keeps the default and
   * calls `takeOverSignals()` then, so a signal while it starts still stops the server it started.
   */
  handleSignals?: boolean;
  /** Printed (to stdout, exit 0) for `--help` / `-h`. */
  usage?: string;
}

/** What runCli hands the command's main function. */
export interface CliContext {
  /** From now on the command handles SIGINT and SIGTERM itself (runCli's own handlers are removed). */
  takeOverSignals(): void;
}

/**
 * Handles SIGINT and SIGTERM: the first calls `stop`, the command's orderly stop. Another while it runs ends
 * the process at once (exit 130): `beforeExit` runs (a caller's children), then abandonDatabases tells an
 * embedded PostgreSQL no other WIG process uses to shut down, so a second Ctrl+C does not leave the server
 * running. Returns a function that removes the handlers.
 */
export function onStopSignals(name: string, stop: (signal: NodeJS.Signals) => void, beforeExit: () => void = () => undefined): () => void {
  let stopping = false;
  const handlers = (["SIGINT", "SIGTERM"] as const).map((signal) => {
    const handler = () => {
      if (!stopping) {
        stopping = true;
        stop(signal);
        return;
      }
      console.error(`${name}: ${signal} again: exiting now, without waiting for the orderly stop.`);
      beforeExit();
      abandonDatabases();
      process.exit(130);
    };
    process.on(signal, handler);
    return [signal, handler] as const;
  });
  return () => {
    for (const [signal, handler] of handlers) process.removeListener(signal, handler);
  };
}

/**
 * Runs a CLI's main function. Whatever happens (success, an error, an uncaught exception, the reader of
 * stdout going away, Ctrl+C), an embedded PostgreSQL the command started (or is starting) is stopped
 * before the process exits, and the process exits exactly once.
 */
export function runCli(name: string, main: (cli: CliContext) => Promise<void | number>, options: RunCliOptions = {}): void {
  let exiting: Promise<void> | undefined;
  let interrupted = false;
  const finish = (code: number): Promise<void> => {
    exiting ??= (async () => {
      await closeAllDatabases();
      process.exit(code);
    })();
    return exiting;
  };
  // With --json a script reads stdout: a failure is one JSON object there too (the line on stderr stays).
  const argv = process.argv.slice(2);
  const terminator = argv.indexOf("--");
  const wantsJson = (terminator === -1 ? argv : argv.slice(0, terminator)).includes("--json");
  const report = (error: unknown) => {
    const expected = EXPECTED_ERRORS.some((type) => error instanceof type);
    const message = error instanceof Error ? error.message : String(error);
    console.error(`${name}: ${message}`);
    if (!expected || process.env.WIG_DEBUG === "1") console.error(error);
    if (wantsJson) console.log(JSON.stringify({ error: message, exitCode: 1 }));
  };

  const removeSignalHandlers =
    options.handleSignals === false
      ? () => undefined
      : onStopSignals(name, (signal) => {
          if (exiting) return;
          interrupted = true;
          console.error(`${name}: interrupted (${signal}), stopping.`);
          void finish(130);
        });
  const cli: CliContext = { takeOverSignals: removeSignalHandlers };
  // A bug outside main's promise chain (an emitter's unhandled 'error', a stray rejection) would otherwise
  // end the process on the spot and leave the embedded PostgreSQL running.
  const crash = (error: unknown) => {
    if (exiting) return;
    report(error);
    void finish(1);
  };
  process.on("uncaughtException", crash);
  process.on("unhandledRejection", crash);
  // `npm run privacy -- export … | head`: the reader left. Stop quietly but honestly, not with a stack.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") return crash(error);
    if (exiting) return;
    console.error(`${name}: standard output was closed before the output was complete; stopped.`);
    void finish(1);
  });

  main(cli).then(
    (code) => finish(typeof code === "number" ? code : 0),
    (error: unknown) => {
      if (error instanceof CliHelpRequested) {
        console.log(options.usage ?? `${name}: see the Scripts table in README.md for this command's options.`);
        return finish(0);
      }
      // Interrupted: the database is going away under the running operation; its failure is expected.
      if (interrupted || exiting) return exiting;
      report(error);
      return finish(1);
    },
  );
}
