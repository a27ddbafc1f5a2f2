// Bad DATABASE_URLs end in one clear line and a non-zero exit, never a stack trace.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { freePort } from "../testing/test-database";

const tsx = join(process.cwd(), "node_modules", ".bin", "tsx");

function migrateWith(databaseUrl: string) {
  const result = spawnSync(tsx, ["scripts/db/migrate.ts", "deploy"], {
    cwd: process.cwd(),
    env: { ...process.env, DATABASE_URL: databaseUrl, WIG_DEBUG: "" },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, stderr: result.stderr.trim(), stdout: result.stdout.trim() };
}

describe("DATABASE_URL problems", () => {
  it("a malformed URL names the variable and the expected form", () => {
    const result = migrateWith("mysql://nope");
    expect(result.status).not.toBe(0);
    expect(result.stderr.split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/DATABASE_URL: must be a URL like postgresql:\/\//);
  });

  it("an unreachable server says so", async () => {
    const result = migrateWith(`postgresql://wig:wig@127.0.0.1:${await freePort()}/wig`);
    expect(result.status).not.toBe(0);
    expect(result.stderr.split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/Cannot reach PostgreSQL at 127\.0\.0\.1:\d+\/wig: connection refused/);
  });

  it("wrong credentials say so, without echoing the password", () => {
    const url = new URL(process.env.DATABASE_URL ?? "");
    url.password = "definitely-wrong-secret";
    const result = migrateWith(url.toString());
    expect(result.status).not.toBe(0);
    expect(result.stderr.split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/rejected the credentials/);
    expect(result.stderr).not.toContain("definitely-wrong-secret");
  });
});
