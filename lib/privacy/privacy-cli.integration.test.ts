// npm run privacy (scripts/privacy.ts) end to end against the test database: export prints valid JSON on
// stdout, erase --yes erases with the same audit row as the screen, errors are one line and exit 1.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "../db";
import { createPerson } from "../testing/factories";
import { resetDatabase } from "../testing/reset-database";

const tsx = join(process.cwd(), "node_modules", ".bin", "tsx");

function privacy(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, ["scripts/privacy.ts", ...args], { cwd: process.cwd(), env: { ...process.env, WIG_DEBUG: "" }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr: stderr.trim() }));
  });
}

beforeEach(resetDatabase);

describe("npm run privacy", () => {
  it("exports, erases with --yes, and refuses a second erasure and unknown emails with one line", async () => {
    const person = await createPerson(prisma, { names: ["Cli Person"], emails: ["cli.person@example.com"] });

    const exported = await privacy("export", "--email", "Cli.Person@example.com");
    expect(exported.status).toBe(0);
    expect(JSON.parse(exported.stdout).person).toMatchObject({ id: person.id, names: ["Cli Person"] });

    const erased = await privacy("erase", "--email", "cli.person@example.com", "--yes");
    expect(erased.status, erased.stderr).toBe(0);
    expect(erased.stdout).toContain(`Erased person ${person.id}`);
    expect((await prisma.person.findUniqueOrThrow({ where: { id: person.id } })).erasedAt).toBeInstanceOf(Date);
    const audit = await prisma.auditLog.findMany({ where: { action: { in: ["person.exported", "person.erased"] } }, orderBy: { createdAt: "asc" } });
    expect(audit.map((row) => row.action)).toEqual(["person.exported", "person.erased"]);
    expect(audit[1]?.correlationId).toMatch(/^cli-privacy-/);
    // Each command names its operation, to find its rows in /admin/audit.
    expect(erased.stdout).toContain(`Audit: operation ${audit[1]?.correlationId}.`);
    expect(exported.stderr).toContain(`Audit: operation ${audit[0]?.correlationId}.`);

    const again = await privacy("erase", "--email", "cli.person@example.com", "--yes");
    expect(again.status).toBe(1);
    expect(again.stderr).toBe("privacy: No person has the email address cli.person@example.com.");

    const usage = await privacy("erase");
    expect(usage.status).toBe(1);
    expect(usage.stderr).toMatch(/erase needs --email/);
  }, 240_000);

  it("previews retention with --dry-run --json", async () => {
    const result = await privacy("purge", "--dry-run", "--json");
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout.trim().split("\n").at(-1) ?? "")).toMatchObject({ dryRun: true, softDeletedPeople: { count: 0 } });
  }, 120_000);
});
