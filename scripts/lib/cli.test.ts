// The operator CLIs' argument handling, run as real processes: `--help` prints the usage and exits 0, a
// mistake is one line and exit 1, before any database is opened. DATABASE_URL points at a closed port so
// that a CLI which wrongly went on to the database fails fast instead of starting an embedded server.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const dataDir = mkdtempSync(join(tmpdir(), "wig-cli-args-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function cli(script: string, ...args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", script, ...args], {
    cwd: process.cwd(),
    env: { ...process.env, DATABASE_URL: "postgresql://wig:wig@127.0.0.1:1/wig", WIG_DATA_DIR: dataDir, WIG_DEBUG: "" },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
}

const COMMANDS = [
  { name: "import", script: "scripts/import.ts", usage: /^usage: npm run import -- <source> <file-or-folder>/ },
  { name: "resolve", script: "scripts/resolve.ts", usage: /^usage: npm run resolve -- \[--dry-run\]/ },
  { name: "paths", script: "scripts/paths.ts", usage: /^usage: npm run paths -- --from <email>/ },
  { name: "privacy", script: "scripts/privacy.ts", usage: /^usage: npm run privacy -- erase --email/ },
  { name: "seed", script: "scripts/db/seed.ts", usage: /^usage: npm run seed / },
  { name: "migrate", script: "scripts/db/migrate.ts", usage: /^usage: npm run migrate/ },
  { name: "user:create", script: "scripts/users/create-user.ts", usage: /^usage: npm run user:create -- --email/ },
  { name: "worker", script: "scripts/worker.ts", usage: /^usage: npm run worker/ },
];

describe("CLI usage and argument errors", () => {
  it.each(COMMANDS)("$name --help prints its usage on stdout and exits 0", ({ script, usage }) => {
    for (const flag of ["--help", "-h"]) {
      const result = cli(script, flag);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toMatch(usage);
      expect(result.stderr).toBe("");
    }
  });

  it.each(COMMANDS)("$name rejects an unknown option with one line that points at --help", ({ name, script }) => {
    const result = cli(script, "--no-such-option");
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`${name}: Unknown option '--no-such-option'. Run with --help for usage.`);
  });

  it("with --json a failure is also one JSON object on stdout's last line", () => {
    const result = cli("scripts/resolve.ts", "--json", "--auto-threshold", "0.5", "--review-threshold", "0.9");
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("resolve: --review-threshold (0.9) must be at or below --auto-threshold (0.5).");
    expect(JSON.parse(result.stdout.split("\n").at(-1) ?? "")).toEqual({ error: "--review-threshold (0.9) must be at or below --auto-threshold (0.5).", exitCode: 1 });
    const plain = cli("scripts/resolve.ts", "--review-threshold", "0.995");
    expect(plain.code).toBe(1);
    expect(plain.stdout).toBe("");
  });

  it("import names a bad --owner in one line", () => {
    const result = cli("scripts/import.ts", "linkedin", "lib/sources/fixtures/linkedin-connections.csv", "--owner", "not-an-email");
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('import: --owner must be an email address, got "not-an-email".');
  });

  it("seed rejects a stray argument instead of quietly seeding only the contract data", () => {
    const result = cli("scripts/db/seed.ts", "demo");
    expect(result.code).toBe(1);
    expect(result.stderr.split("\n")[0]).toBe('seed: Unexpected argument "demo".');
  });

  it("privacy rejects an option its command does not take (purge --email would purge everything)", () => {
    const purge = cli("scripts/privacy.ts", "purge", "--email", "someone@example.com");
    expect(purge.code).toBe(1);
    expect(purge.stderr).toBe("privacy: purge does not take --email. Options for purge: --dry-run, --json.");
    const remove = cli("scripts/privacy.ts", "delete", "--email", "someone@example.com", "--json");
    expect(remove.code).toBe(1);
    expect(remove.stderr).toBe("privacy: delete does not take --json. Options for delete: --email, --reason.");
  });
});
