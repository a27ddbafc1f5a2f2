// `npm run resolve` end to end against the test database: dry run writes nothing, the JSON summary is the
// last line, the cluster export lists every source record per resolved person (also merged-in ones), and
// the export matches the generator's labels well enough to be a useful accuracy measurement.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeEach, describe, expect, inject, it } from "vitest";
import { prisma } from "../../db/client";
import { resetDatabase } from "../../testing/reset-database";
import { generatePopulation } from "../generator/generate-population";
import { insertPopulation } from "../testing/insert-population";

beforeEach(resetDatabase);

const tempDirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "wig-resolve-"));
  tempDirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

function runResolve(...args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/resolve.ts", ...args], {
    cwd: process.cwd(),
    env: { ...process.env, DATABASE_URL: inject("databaseUrl") },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const lastJson = (stdout: string) => JSON.parse(stdout.trimEnd().split("\n").at(-1) ?? "null");

describe("npm run resolve", () => {
  it("dry-runs, resolves, exports clusters with their source records, and is idempotent", async () => {
    const { records } = generatePopulation({ records: 400, seed: 3 });
    await insertPopulation(prisma, records);
    const dir = tempDir();

    const dry = runResolve("--dry-run", "--json", "--export-clusters", join(dir, "dry.jsonl"));
    expect(dry.code, dry.stderr).toBe(0);
    const planned = lastJson(dry.stdout);
    expect(planned).toMatchObject({ dryRun: true, people: 400 });
    expect(planned.autoMerged).toBeGreaterThan(50);
    expect(await prisma.merge.count()).toBe(0);
    expect(await prisma.mergeCandidate.count()).toBe(0);

    const run = runResolve("--json", "--export-clusters", join(dir, "clusters.jsonl"));
    expect(run.code, run.stderr).toBe(0);
    const summary = lastJson(run.stdout);
    expect(summary).toMatchObject({ dryRun: false, autoMerged: planned.autoMerged, queued: planned.queued });
    expect(await prisma.merge.count({ where: { method: "auto" } })).toBe(planned.autoMerged);

    // Every record appears exactly once; dry-run and real export group the records the same way.
    const read = (file: string) => readFileSync(join(dir, file), "utf8").trim().split("\n").map((line) => JSON.parse(line) as { records: Array<{ sourceId: string }> });
    const groups = (file: string) => read(file).map((line) => line.records.map((record) => record.sourceId).sort().join(",")).sort();
    const lines = read("clusters.jsonl");
    expect(lines.flatMap((line) => line.records.map((record) => record.sourceId)).sort()).toEqual(records.map((record) => record.id).sort());
    expect(groups("clusters.jsonl")).toEqual(groups("dry.jsonl"));
    // Auto-merges are (near) certain: every exported group holds one true person.
    const entityOf = new Map(records.map((record) => [record.id, record.entityId]));
    const impure = lines.filter((line) => new Set(line.records.map((record) => entityOf.get(record.sourceId))).size > 1);
    expect(impure).toEqual([]);

    const again = runResolve("--json");
    expect(lastJson(again.stdout)).toMatchObject({ autoMerged: 0, candidatesCreated: 0 });

    const human = runResolve();
    expect(human.stdout).toMatch(/auto-merged\s+0/);
    expect(human.stdout).toMatch(/queued\s+\d+/);
    expect(human.stdout).toMatch(/dropped\s+\d+/);
    const bad = runResolve("--auto-threshold", "2");
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim()).toBe('resolve: --auto-threshold must be a probability between 0 and 1 (got "2").');
  }, 300_000);

  it("refuses an --export-clusters path it cannot write before resolving anything, in one line", async () => {
    // Two records of one person on the same address: a run would merge them on its own.
    await prisma.person.create({ data: { names: ["Rhea Castellanos"], emails: ["rhea@castellanos.example"] } });
    await prisma.person.create({ data: { names: ["Rhea Castellanos"], emails: ["rhea@castellanos.example"] } });
    const dir = tempDir();

    for (const [path, reason] of [
      [join(dir, "missing-folder", "clusters.jsonl"), "its folder does not exist"],
      [dir, "it is a folder"],
    ] as const) {
      const run = runResolve("--json", "--export-clusters", path);
      expect(run.code).toBe(1);
      expect(run.stderr.trim()).toBe(`resolve: Cannot write the --export-clusters file ${path}: ${reason}. Nothing was resolved.`);
      expect(await prisma.merge.count()).toBe(0);
    }
    // The same run with a writable path does merge them: the refusals above prevented a real merge.
    const ok = runResolve("--json", "--export-clusters", join(dir, "clusters.jsonl"));
    expect(ok.code, ok.stderr).toBe(0);
    expect(lastJson(ok.stdout)).toMatchObject({ autoMerged: 1, exported: 1 });
  }, 120_000);
});
