// npm start — one command from a fresh clone to a running WIG on http://localhost:3000.
//   1. validate the environment (one clear line per problem)
//   2. use DATABASE_URL, or start the embedded PostgreSQL (data in .data/postgres, port 54329)
//   3. apply migrations; seed the demo network when the database is empty
//   4. build the production app when the sources changed, then serve it with `next start`
//   5. start the background job worker (scripts/worker.ts) as a child process, unless WIG_WORKER=off, and
//      start it again if it dies
// SIGTERM/SIGINT stop Next and the worker, then PostgreSQL unless another WIG process (a CLI) still uses it
// (lib/db/embedded-leases.ts); nothing is left running.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { parseServerEnv } from "../lib/env";
import { ensureInitialAdmin } from "../lib/auth/initial-admin";
import { createPrismaClient } from "../lib/db/client";
import { applyMigrations } from "../lib/db/migrations";
import { closeAllDatabases, dataDirectory, openDatabase, type DatabaseHandle } from "../lib/db/runtime";
import { hasHeapCap, WORKER_HEAP_FLAGS } from "../lib/jobs/node-flags";
import { nextRestart, type RestartState } from "../lib/jobs/restart-policy";
import { isDatabaseEmpty, seedDatabase } from "../lib/seed";
import { CliUsageError, onStopSignals, parseCliArgs, runCli } from "./lib/cli";
import { ensureProductionBuild } from "./lib/next-build";

const log = (line: string) => console.log(`[wig] ${line}`);

/** Auth.js needs a secret. Locally we generate one once and keep it beside the data; production sets AUTH_SECRET. */
function authSecret(existing: string | undefined): string {
  if (existing) return existing;
  const file = join(dataDirectory(), "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDirectory(), { recursive: true });
  const secret = randomBytes(32).toString("base64");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  log(`Generated AUTH_SECRET and stored it in ${file}. Set AUTH_SECRET yourself in production.`);
  return secret;
}

function ensurePortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", () =>
      reject(new CliUsageError(`Port ${port} is already in use. Stop the program using it or start WIG with PORT=<free port> npm start.`)),
    );
    server.once("listening", () => server.close(() => resolve()));
    server.listen(port);
  });
}

runCli("start", async () => {
  const { values } = parseCliArgs({
    dev: { type: "boolean", default: false },
    rebuild: { type: "boolean", default: false },
    "no-seed": { type: "boolean", default: false },
  });
  const env = parseServerEnv();
  await ensurePortFree(env.PORT);
  const secret = authSecret(env.AUTH_SECRET);

  let shuttingDown = false;
  let db: DatabaseHandle | undefined;
  let server: ChildProcess | undefined;
  let worker: ChildProcess | undefined;

  const stopChild = async (child: ChildProcess | undefined, graceMs: number) => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, graceMs))]);
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  };

  const building = new AbortController();
  const shutdown = async (code: number) => {
    if (shuttingDown) return;
    shuttingDown = true;
    building.abort();
    // The worker stops at its next batch boundary (an interrupted import resumes on the next start).
    await Promise.all([stopChild(server, 10_000), stopChild(worker, 15_000)]);
    if (db && db.kind !== "external") log("Stopping the embedded PostgreSQL (unless another WIG process still uses it)…");
    // Before the database is open, this aborts its start and stops the server spawned so far.
    await (db ? db.close() : closeAllDatabases()).catch((error: unknown) => console.error(error));
    process.exit(code);
  };
  // Set before the database opens: a signal while the embedded PostgreSQL starts must stop it too.
  // A second one exits at once: the children are killed and the embedded PostgreSQL told to stop.
  onStopSignals("start", () => void shutdown(0), () => {
    for (const child of [server, worker]) if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  });

  log(env.DATABASE_URL ? "Using the PostgreSQL in DATABASE_URL." : "Opening the embedded PostgreSQL (set DATABASE_URL to use your own)…");
  try {
    db = await openDatabase({ onNotice: log });
  } catch (error) {
    // Interrupted while starting: shutdown() is stopping everything and exits the process.
    if (shuttingDown) await new Promise(() => undefined);
    throw error;
  }
  const database: DatabaseHandle = db;
  if (database.kind === "shared") log("Using the embedded PostgreSQL another WIG process started; the last one to finish stops it.");

  try {
    const migrations = await applyMigrations(database.url);
    if (migrations.applied.length > 0) log(`Applied ${migrations.applied.length} migration(s).`);
    if (!values["no-seed"] && (await isDatabaseEmpty(database.url))) {
      log("The database is empty: seeding the demo network…");
      log(await seedDatabase(database.url, { demo: true }));
    }
    const adminClient = createPrismaClient(database.url);
    const admin = await ensureInitialAdmin(adminClient, env).finally(() => adminClient.$disconnect());
    if (admin) log(`Created the first admin account ${admin} from WIG_ADMIN_EMAIL.`);
    if (!values.dev) await ensureProductionBuild({ force: values.rebuild, log, signal: building.signal });
  } catch (error) {
    // Stopped by a signal: shutdown() is closing everything and exits the process.
    if (shuttingDown) await new Promise(() => undefined);
    await database.close().catch(() => undefined);
    throw error;
  }
  if (shuttingDown) return;

  const nextBin = join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
  server = spawn(process.execPath, [nextBin, values.dev ? "dev" : "start", "-p", String(env.PORT)], {
    stdio: "inherit",
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      AUTH_SECRET: secret,
      AUTH_TRUST_HOST: process.env.AUTH_TRUST_HOST ?? "true",
      NODE_ENV: values.dev ? "development" : "production",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  if (env.WIG_WORKER === "on") {
    const heapFlags = hasHeapCap() ? [] : [...WORKER_HEAP_FLAGS];
    let restart: RestartState = { quickExits: 0 };
    const startWorkerProcess = () => {
      const startedAt = Date.now();
      const child = spawn(process.execPath, [...heapFlags, "--import", "tsx", join(process.cwd(), "scripts", "worker.ts")], {
        stdio: "inherit",
        env: { ...process.env, DATABASE_URL: database.url, AUTH_SECRET: secret },
      });
      worker = child;
      child.once("exit", (code, signal) => {
        if (shuttingDown) return;
        // Imports wait in the queue while no worker runs: start it again (lib/jobs/restart-policy.ts).
        const next = nextRestart(restart, Date.now() - startedAt);
        restart = next.state;
        log(`The job worker exited (${code ?? signal}); starting it again${next.delayMs > 0 ? ` in ${Math.round(next.delayMs / 1000)} s` : ""}. An interrupted import resumes from its last batch.`);
        setTimeout(() => {
          if (!shuttingDown) startWorkerProcess();
        }, next.delayMs).unref();
      });
    };
    startWorkerProcess();
  } else {
    log("WIG_WORKER=off: not starting the job worker; run `npm run worker` for imports and other background jobs.");
  }
  const stops = database.kind === "external" ? "Ctrl+C stops it" : "Ctrl+C stops it, and the database once no other WIG process uses it";
  log(`WIG is starting on http://localhost:${env.PORT} (${stops}).`);
  await new Promise<void>((resolve) => {
    server?.once("exit", (code) => {
      if (!shuttingDown) {
        log(`The web server exited (code ${code ?? "signal"}).`);
        void shutdown(code ?? 1);
      }
      resolve();
    });
  });
  // shutdown() exits the process; keep the promise pending until it does.
  await new Promise(() => undefined);
}, { handleSignals: false });
