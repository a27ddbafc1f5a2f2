// The sync dashboard's read models on a real PostgreSQL: every source listed (imported or not) with its
// SyncState, counts and last run; the history newest first with who started each run and its issues; the
// active runs with progress as plain numbers (BigInt columns converted).
import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "../db/client";
import { createInteraction, createPerson } from "../testing/factories";
import { resetDatabase } from "../testing/reset-database";
import { getRunStatus, getSyncDashboard, listActiveRuns, listRunHistory, listSourceOverviews } from "./queries";

beforeEach(async () => {
  await resetDatabase();
});

const at = (iso: string) => new Date(iso);

async function run(data: Partial<Parameters<typeof prisma.syncRun.create>[0]["data"]> & { sourceName: string }) {
  return prisma.syncRun.create({ data: { correlationId: `sync-${Math.random().toString(16).slice(2)}`, ...data } });
}

describe("listSourceOverviews", () => {
  it("lists every known source, imported or not, with state, counts and the last run", async () => {
    await prisma.syncState.create({
      data: { sourceName: "linkedin", status: "failed", lastSyncAt: at("2026-11-02T10:00:00Z"), lastSuccessAt: at("2026-11-01T10:00:00Z"), lastError: "Wrong file.", cursor: '{"rowsRead":3}' },
    });
    await run({ sourceName: "linkedin", status: "success", startedAt: at("2026-11-01T10:00:00Z"), rowsRead: 3, created: 3 });
    await run({ sourceName: "linkedin", status: "failed", startedAt: at("2026-11-02T10:00:00Z"), rowsRead: 0, failed: 0, error: "Wrong file." });
    const person = await createPerson(prisma);
    await prisma.personIdentity.createMany({
      data: [
        { personId: person.id, sourceName: "linkedin", sourceId: "dana" },
        { personId: person.id, sourceName: "vcard", sourceId: "uid-1" },
      ],
    });
    await createInteraction(prisma, { participants: ["a@example.com", "b@example.com"], sourceName: "gmail" });

    const sources = await listSourceOverviews(prisma);
    expect(sources.map((source) => source.sourceName)).toEqual(["linkedin", "google_contacts", "vcard", "gmail", "calendar", "slack"]);
    const linkedin = sources[0];
    expect(linkedin).toMatchObject({
      configured: true,
      status: "failed",
      lastError: "Wrong file.",
      cursor: '{"rowsRead":3}',
      counts: { runs: 2, successfulRuns: 1, people: 1, interactions: 0 },
      lastRun: { status: "failed", startedAt: at("2026-11-02T10:00:00Z") },
    });
    expect(sources.find((source) => source.sourceName === "gmail")).toMatchObject({ configured: false, status: "idle", lastRun: null, counts: { runs: 0, interactions: 1 } });
    expect(sources.find((source) => source.sourceName === "vcard")?.counts.people).toBe(1);
  });

  it("keeps a source this build does not know, after the known ones", async () => {
    await prisma.syncState.create({ data: { sourceName: "outlook", status: "success" } });
    const sources = await listSourceOverviews(prisma);
    expect(sources.at(-1)).toMatchObject({ sourceName: "outlook", configured: true });
  });
});

describe("listRunHistory", () => {
  it("is newest first, with who started each run, a deleted starter kept as an id, and issues parsed", async () => {
    const admin = await prisma.user.create({ data: { email: "ada@example.com", name: "Ada Admin", role: "admin" } });
    const older = await run({ sourceName: "linkedin", status: "success", startedAt: at("2026-11-01T10:00:00Z"), finishedAt: at("2026-11-01T10:00:04Z"), startedById: admin.id, fileName: "Connections.csv", fileBytes: 2048n, filePath: "/data/uploads/x", rowsRead: 5, created: 4, skipped: 1, issues: [{ kind: "issue", severity: "skip", code: "invalid_row", reason: "The row has no name.", position: { row: 3, line: 7 } }] });
    const newer = await run({ sourceName: "gmail", status: "failed", startedAt: at("2026-11-02T10:00:00Z"), startedById: "00000000-0000-4000-8000-00000000dead", error: "This is not an mbox." });
    const cli = await run({ sourceName: "vcard", status: "success", startedAt: at("2026-10-01T10:00:00Z") });

    const history = await listRunHistory(prisma);
    expect(history.map((row) => row.id)).toEqual([newer.id, older.id, cli.id]);
    expect(history[1]).toMatchObject({
      startedBy: { id: admin.id, name: "Ada Admin", email: "ada@example.com" },
      fileName: "Connections.csv",
      fileBytes: 2048,
      hasFile: true,
      rowsRead: 5,
      created: 4,
      skipped: 1,
      issues: [{ severity: "skip", code: "invalid_row", reason: "The row has no name.", position: { row: 3, line: 7 } }],
    });
    expect(history[0]).toMatchObject({ startedBy: null, startedById: "00000000-0000-4000-8000-00000000dead", error: "This is not an mbox.", hasFile: false, issues: [] });
    expect(history[2]).toMatchObject({ startedBy: null, startedById: null });

    expect((await listRunHistory(prisma, { sourceName: "gmail" })).map((row) => row.id)).toEqual([newer.id]);
    expect(await listRunHistory(prisma, { limit: 1 })).toHaveLength(1);
  });
});

describe("active runs and one run's status", () => {
  it("lists queued and running runs oldest first with progress as numbers", async () => {
    const queued = await run({ sourceName: "linkedin", status: "queued", startedAt: at("2026-11-02T10:00:01Z"), fileName: "Connections.csv" });
    const running = await run({
      sourceName: "gmail",
      status: "running",
      startedAt: at("2026-11-02T10:00:00Z"),
      progressDone: 3_000_000_000n,
      progressTotal: 6_000_000_000n,
      progressUnit: "bytes",
      rowsRead: 1200,
      cancelRequestedAt: at("2026-11-02T10:01:00Z"),
    });
    await run({ sourceName: "vcard", status: "success" });

    const active = await listActiveRuns(prisma);
    expect(active.map((entry) => entry.id)).toEqual([running.id, queued.id]);
    expect(active[0]).toMatchObject({ status: "running", progressDone: 3_000_000_000, progressTotal: 6_000_000_000, progressUnit: "bytes", rowsRead: 1200, cancelRequested: true });
    expect(active[1]).toMatchObject({ status: "queued", progressDone: 0, progressTotal: null, cancelRequested: false, fileName: "Connections.csv" });
    expect(JSON.parse(JSON.stringify(active))).toEqual(active);

    const dashboard = await getSyncDashboard(prisma);
    expect(dashboard.active).toHaveLength(2);
    expect(dashboard.runs).toHaveLength(3);
    expect(dashboard.sources).toHaveLength(6);
  });

  it("returns one run's progress, counts and issues, or null", async () => {
    const finished = await run({ sourceName: "calendar", status: "success", progressUnit: "records", progressDone: 40n, progressTotal: 40n, rowsRead: 40, created: 12, updated: 3, suppressed: 1, issues: [{ severity: "warn", code: "no_owner", reason: "No owner.", position: {} }] });
    expect(await getRunStatus(prisma, finished.id)).toMatchObject({ status: "success", progressUnit: "records", progressDone: 40, created: 12, updated: 3, suppressed: 1, issues: [{ code: "no_owner" }] });
    expect(await getRunStatus(prisma, "00000000-0000-4000-8000-000000000000")).toBeNull();
  });
});
