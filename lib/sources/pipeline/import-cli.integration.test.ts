// `npm run import` end to end against the test database: the JSON summary on the last line, and one clear
// line with exit code 1 for a file of the wrong format.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, inject, it } from "vitest";
import { prisma } from "../../db/client";
import { resetDatabase } from "../../testing/reset-database";
import { fixturePath } from "../testing/helpers";

beforeEach(resetDatabase);

function runImport(...args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/import.ts", ...args], {
    cwd: process.cwd(),
    env: { ...process.env, DATABASE_URL: inject("databaseUrl") },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("npm run import", () => {
  it("prints the run summary as one JSON object on the last line", () => {
    const { code, stdout } = runImport("linkedin", fixturePath("linkedin-connections.csv"), "--owner", "alex.owner@gmail.com", "--json");
    expect(code).toBe(0);
    const last = stdout.trimEnd().split("\n").at(-1) ?? "";
    expect(JSON.parse(last)).toMatchObject({ status: "success", sourceName: "linkedin", people: { created: 8 }, edges: { recomputed: 14 } });
  });

  it("prints a folder of files as one object with the same top-level keys as one file's summary", () => {
    const folder = mkdtempSync(join(tmpdir(), "wig-import-folder-"));
    try {
      for (const name of ["contacts-v3.vcf", "contacts-v4.vcf"]) copyFileSync(fixturePath(name), join(folder, name));
      const { code, stdout, stderr } = runImport("vcard", folder, "--json");
      expect(code, stderr).toBe(0);
      const summary = JSON.parse(stdout.trimEnd().split("\n").at(-1) ?? "");
      expect(summary).toMatchObject({ status: "success", sourceName: "vcard", files: 2 });
      expect(summary.runs.map((run: { fileName: string }) => run.fileName)).toEqual(["contacts-v3.vcf", "contacts-v4.vcf"]);
      for (const key of ["rowsRead", "created", "updated", "skipped", "failed", "suppressed"]) {
        expect(summary[key], key).toBe(summary.runs.reduce((total: number, run: Record<string, number>) => total + (run[key] ?? 0), 0));
      }
      expect(summary.created).toBeGreaterThan(0);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it("imports LinkedIn's unpacked data export folder as one run of its Connections.csv and messages.csv", () => {
    const folder = mkdtempSync(join(tmpdir(), "wig-import-linkedin-"));
    try {
      copyFileSync(fixturePath("linkedin-connections.csv"), join(folder, "Connections.csv"));
      copyFileSync(fixturePath("linkedin-messages.csv"), join(folder, "messages.csv"));
      writeFileSync(join(folder, "Profile.csv"), "First Name,Last Name,Headline\nAlex,Owner,Partner\n");
      const { code, stdout, stderr } = runImport("linkedin", folder, "--owner", "alex.owner@gmail.com", "--json");
      expect(code, stderr).toBe(0);
      const summary = JSON.parse(stdout.trimEnd().split("\n").at(-1) ?? "");
      expect(summary).toMatchObject({ status: "success", sourceName: "linkedin", format: "linkedin_archive" });
      expect(summary.runs).toBeUndefined();
      // 8 Connections.csv rows (one blank but for its date) and 3 messages.
      expect(summary.interactions.created).toBe(7 + 3);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it("writes the resolution that follows the import under the run's correlation id", async () => {
    const { code, stdout, stderr } = runImport("linkedin", fixturePath("linkedin-connections.csv"), "--owner", "alex.owner@gmail.com", "--json");
    expect(code, stderr).toBe(0);
    const summary = JSON.parse(stdout.trimEnd().split("\n").at(-1) ?? "");
    expect(summary.resolution).toMatchObject({ people: 8, error: null });
    const rows = await prisma.auditLog.findMany({ where: { action: { in: ["sync.completed", "identity.resolved"] } }, select: { action: true, correlationId: true } });
    expect(rows.map((row) => row.action).sort()).toEqual(["identity.resolved", "sync.completed"]);
    for (const row of rows) expect(row, row.action).toMatchObject({ correlationId: summary.correlationId });
  });

  it("exits 1 with one clear line for a wrong format, a bad source or a missing file", async () => {
    const wrong = runImport("linkedin", fixturePath("gmail-takeout.mbox"));
    expect(wrong.code).toBe(1);
    expect(wrong.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^import: gmail-takeout\.mbox: This looks like an mbox file/)]);
    expect(await prisma.syncRun.count({ where: { status: "failed" } })).toBe(1);
    expect(await prisma.person.count()).toBe(0);

    const unknown = runImport("myspace", fixturePath("linkedin-connections.csv"));
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim()).toBe('import: Unknown source "myspace". Use one of: linkedin, google_contacts, vcard, gmail, calendar, slack.');
    const missing = runImport("vcard", "/does/not/exist.vcf");
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe("import: No such file or folder: /does/not/exist.vcf");
  });
});
