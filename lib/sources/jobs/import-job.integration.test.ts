// The import job with real processes: a worker killed mid-import (SIGKILL) and started again finishes the
// run from its cursor, and the database ends up identical to an uninterrupted import. Also cancel (queued
// and running), "Sync again", re-import idempotence, suppression, stored subjects and the progress read.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { prisma } from "../../db/client";
import { AppError } from "../../errors/app-error";
import { stopSenderBoss } from "../../jobs/boss";
import { suppressionKeysFor } from "../../privacy/suppression-keys";
import { addSuppressionKeys } from "../../privacy/suppression-store";
import { resetDatabase } from "../../testing/reset-database";
import { importFile } from "../pipeline/import-file";
import { fixturePath } from "../testing/helpers";
import { generateLinkedInConnections } from "../testing/generate-linkedin-connections";
import { runImportJobNow } from "./run-import-job";
import { getRunProgress, queueImport, requestCancel, retryRun } from "./runs";

const NOW = "2026-10-01T00:00:00.000Z";
const OWNER = "alex.owner@gmail.com";
const ROWS = 6000;
const BATCH = 300;

let scratch: string;
let connections: string;
const workers: ChildProcess[] = [];

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), "wig-import-job-"));
  connections = join(scratch, "Connections.csv");
  writeFileSync(connections, [...generateLinkedInConnections({ rows: ROWS })].join(""));
});
afterAll(async () => {
  rmSync(scratch, { recursive: true, force: true });
  await stopSenderBoss();
});
beforeEach(resetDatabase);
afterEach(async () => {
  for (const worker of workers.splice(0)) await stopWorker(worker, "SIGKILL");
});

function startWorker(): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    cwd: process.cwd(),
    env: { ...process.env, DATABASE_URL: inject("databaseUrl"), WIG_IMPORT_BATCH_SIZE: String(BATCH) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const started = Date.now();
  const echo = (chunk: Buffer) => {
    if (process.env.WIG_TEST_VERBOSE) process.stderr.write(`[worker +${Date.now() - started} ms] ${chunk.toString()}`);
  };
  child.stdout?.on("data", echo);
  child.stderr?.on("data", echo);
  workers.push(child);
  return child;
}

async function stopWorker(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill(signal);
  await exited;
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Everything an import writes, without ids and timestamps: people by their identifiers, edges by their people. */
async function snapshot() {
  const people = await prisma.person.findMany({ include: { organization: true } });
  const keyOf = new Map(people.map((person) => [person.id, `${[...person.emails].sort().join(",")}|${JSON.stringify(person.socialHandles)}|${person.names.join(",")}`]));
  const key = (id: string) => keyOf.get(id) ?? `missing ${id}`;
  const sort = <T>(rows: T[]) => rows.map((row) => JSON.stringify(row)).sort();
  return {
    people: sort(people.map((p) => ({ key: key(p.id), phones: p.phones, title: p.title, organization: p.organization?.name ?? null, deletedAt: p.deletedAt }))),
    organizations: sort((await prisma.organization.findMany()).map((o) => ({ name: o.name, domain: o.domain }))),
    identities: sort((await prisma.personIdentity.findMany()).map((i) => ({ person: key(i.personId), sourceName: i.sourceName, sourceId: i.sourceId, observedAt: i.observedAt }))),
    interactions: sort((await prisma.interaction.findMany()).map(({ id: _id, createdAt: _createdAt, ...rest }) => rest)),
    edges: sort(
      (await prisma.edge.findMany()).map(({ id: _id, createdAt: _c, updatedAt: _u, fromPersonId, toPersonId, ...rest }) => ({ from: key(fromPersonId), to: key(toPersonId), ...rest })),
    ),
  };
}

const queueConnections = (options: { ownerEmails?: string[] } = { ownerEmails: [OWNER] }) =>
  queueImport(prisma, { sourceName: "linkedin", filePath: connections, fileName: "Connections.csv", fileBytes: 1, startedById: null, options: { ...options, now: NOW } });

describe("import.run after a worker is killed mid-import", () => {
  it("resumes from the cursor and ends identical to an uninterrupted import", async () => {
    const { runId } = await queueConnections();
    const first = startWorker();
    const cursorAtKill = await waitFor("the first committed batch", async () => {
      const run = await prisma.syncRun.findUniqueOrThrow({ where: { id: runId } });
      return Number(run.cursor) > 0 && Number(run.cursor);
    });
    await stopWorker(first, "SIGKILL");
    const killed = await prisma.syncRun.findUniqueOrThrow({ where: { id: runId } });
    expect(killed.status).toBe("running");
    expect(Number(killed.cursor)).toBeGreaterThanOrEqual(cursorAtKill);
    expect(Number(killed.cursor)).toBeLessThan(ROWS);

    const second = startWorker();
    const done = await waitFor("the resumed run", async () => {
      const run = await prisma.syncRun.findUniqueOrThrow({ where: { id: runId } });
      return run.status !== "running" && run.status !== "queued" && run;
    });
    await stopWorker(second, "SIGTERM");
    expect(done).toMatchObject({ status: "success", error: null, rowsRead: ROWS, cursor: String(ROWS) });
    const actions = (await prisma.auditLog.findMany({ where: { entityId: runId }, orderBy: { createdAt: "asc" } })).map((row) => row.action);
    expect(actions.filter((action) => action !== "sync.batch_committed")).toEqual(["sync.queued", "sync.started", "sync.requeued", "sync.resumed", "sync.completed"]);
    // One row per committed batch across both workers: the batch the kill interrupted rolled back with its row.
    expect(actions.filter((action) => action === "sync.batch_committed")).toHaveLength(Math.ceil(ROWS / BATCH));
    const resumed = await snapshot();
    expect(resumed.interactions).toHaveLength(ROWS);

    await resetDatabase();
    const whole = await importFile({ db: prisma, sourceName: "linkedin", path: connections, ownerEmails: [OWNER], now: new Date(NOW), batchSize: BATCH });
    expect(whole).toMatchObject({ status: "success", resumedFrom: 0, created: done.created });
    expect(resumed).toEqual(await snapshot());
  }, 300_000);
});

describe("cancel, Sync again and re-import", () => {
  it("cancels a queued run at once and imports the same file again with Sync again", async () => {
    const queued = await queueConnections();
    // The run row and its sync.queued row hold the id pg-boss queued the job under (no later, unaudited write).
    const row = await prisma.syncRun.findUniqueOrThrow({ where: { id: queued.runId }, select: { jobId: true } });
    expect(row.jobId).toBe(queued.jobId);
    const [job] = await prisma.$queryRawUnsafe<Array<{ name: string }>>(`SELECT name FROM pgboss.job WHERE id = $1::uuid`, queued.jobId);
    expect(job?.name).toBe("import.run");
    const queuedRow = await prisma.auditLog.findFirstOrThrow({ where: { entityId: queued.runId, action: "sync.queued" } });
    expect(queuedRow.metadata).toMatchObject({ jobId: queued.jobId });
    await requestCancel(prisma, { runId: queued.runId, actorId: null });
    expect(await getRunProgress(prisma, queued.runId)).toMatchObject({ status: "cancelled", cancelRequested: true });
    await expect(requestCancel(prisma, { runId: queued.runId, actorId: null })).rejects.toMatchObject({ code: "CONFLICT" });
    // A job that still ran finds the run cancelled and does nothing.
    expect(await runImportJobNow(prisma, queued.runId)).toMatchObject({ status: "cancelled" });
    expect(await prisma.person.count()).toBe(0);

    const again = await retryRun(prisma, { runId: queued.runId, actorId: null });
    expect(again.runId).not.toBe(queued.runId);
    const summary = await runImportJobNow(prisma, again.runId);
    expect(summary).toMatchObject({ status: "success", rowsRead: ROWS });
    const progress = await getRunProgress(prisma, again.runId);
    expect(progress).toMatchObject({ status: "success", percent: 100, progressUnit: "bytes", cursor: ROWS, rowsRead: ROWS, error: null });
    const queuedAudit = await prisma.auditLog.findFirstOrThrow({ where: { entityId: again.runId, action: "sync.queued" } });
    expect(queuedAudit.metadata).toMatchObject({ retryOf: queued.runId });

    // Importing the same file once more changes nothing.
    const before = await snapshot();
    const third = await retryRun(prisma, { runId: again.runId, actorId: null });
    expect(await runImportJobNow(prisma, third.runId)).toMatchObject({ status: "success", created: 0, updated: 0, skipped: ROWS });
    expect(await snapshot()).toEqual(before);
  }, 300_000);

  it("stops a running import at the next batch, rolls back the batch in flight and keeps what committed", async () => {
    const { runId } = await queueConnections();
    const running = runImportJobNow(prisma, runId, { batchSize: BATCH });
    await waitFor("a committed batch", async () => Number((await prisma.syncRun.findUniqueOrThrow({ where: { id: runId } })).cursor) > 0);
    await requestCancel(prisma, { runId, actorId: null });
    const summary = await running;
    expect(summary.status).toBe("cancelled");
    const run = await prisma.syncRun.findUniqueOrThrow({ where: { id: runId } });
    expect(run.status).toBe("cancelled");
    const committed = Number(run.cursor);
    expect(committed % BATCH).toBe(0);
    expect(committed).toBeLessThan(ROWS);
    // Whole batches only, with their edges: every committed connection is an interaction with two edges.
    expect(await prisma.interaction.count()).toBe(committed);
    expect(await prisma.edge.count()).toBe(2 * committed);
    expect((await prisma.auditLog.findMany({ where: { entityId: runId } })).map((row) => row.action)).toEqual(
      expect.arrayContaining(["sync.cancel_requested", "sync.cancelled"]),
    );
    await expect(requestCancel(prisma, { runId, actorId: null })).rejects.toBeInstanceOf(AppError);
  });
});

describe("privacy", () => {
  it("skips suppressed people and participants and counts them", async () => {
    await addSuppressionKeys(prisma, suppressionKeysFor({ emails: ["marcus.okafor@example.org"], linkedinUrls: ["https://www.linkedin.com/in/dana-smith-4a1b2c"] }));
    const summary = await importFile({ db: prisma, sourceName: "linkedin", path: fixturePath("linkedin-connections.csv"), ownerEmails: [OWNER], now: new Date(NOW) });
    // Dana appears twice in the fixture.
    expect(summary).toMatchObject({ status: "success", suppressed: 3 });
    expect(await prisma.person.count({ where: { emails: { has: "marcus.okafor@example.org" } } })).toBe(0);
    expect(await prisma.person.count({ where: { names: { has: "Dana Smith" } } })).toBe(0);
    expect((await prisma.syncRun.findUniqueOrThrow({ where: { id: summary.runId } })).suppressed).toBe(3);

    const mail = await importFile({ db: prisma, sourceName: "gmail", path: fixturePath("gmail-takeout.mbox"), ownerEmails: [OWNER], now: new Date(NOW) });
    expect(mail.suppressed).toBeGreaterThan(0);
    for (const interaction of await prisma.interaction.findMany({ where: { sourceName: "gmail" } })) {
      expect(interaction.participants).not.toContain("marcus.okafor@example.org");
      expect(new Set(interaction.participants).size).toBeGreaterThanOrEqual(2);
    }
  });

  it("stores subjects only when the privacy settings allow it", async () => {
    await importFile({ db: prisma, sourceName: "gmail", path: fixturePath("gmail-takeout.mbox"), ownerEmails: [OWNER], now: new Date(NOW) });
    expect((await prisma.interaction.findMany()).some((row) => JSON.stringify(row.metadata).includes("subject"))).toBe(false);

    await resetDatabase();
    await prisma.privacySettings.create({ data: { id: 1, storeSubjects: true } });
    await importFile({ db: prisma, sourceName: "gmail", path: fixturePath("gmail-takeout.mbox"), ownerEmails: [OWNER], now: new Date(NOW) });
    expect((await prisma.interaction.findMany()).some((row) => typeof (row.metadata as { subject?: unknown }).subject === "string")).toBe(true);
  });
});
