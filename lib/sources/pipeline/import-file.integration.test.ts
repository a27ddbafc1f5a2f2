// The import pipeline on a real PostgreSQL with the parsers' fixtures: what a LinkedIn export and a Gmail
// mbox become, idempotent re-imports, and failures that leave nothing behind but the failed run.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "../../db/client";
import { strengthFactorsOf } from "../../strength/testing/strength-factors-of";
import { resetDatabase } from "../../testing/reset-database";
import { fixturePath } from "../testing/helpers";
import { writeZip, type ZipSource } from "../testing/write-zip";
import { importFile } from "./import-file";
import { dataCounts, dataRows, NOTHING, NOW, OWNER, scratchFolders } from "./testing/import-data";
import { FULL_RECOMPUTE_MIN_PAIRS, recomputeEdges } from "./recompute-edges";

beforeEach(resetDatabase);

const folders = scratchFolders();

describe("importFile", () => {
  it("imports LinkedIn connections as people, organizations and weak edges to the owner", async () => {
    const summary = await importFile({ db: prisma, sourceName: "linkedin", path: fixturePath("linkedin-connections.csv"), ownerEmails: [OWNER], now: NOW });

    expect(summary).toMatchObject({ status: "success", error: null, format: "linkedin_connections", failed: 0 });
    // 7 distinct connections (Dana appears twice) plus the owner.
    expect(summary.people).toEqual({ created: 8, matched: 0 });
    // Dana's row appears twice: the second copy is the same connection.
    expect(summary.interactions).toEqual({ created: 7, existing: 1 });
    expect(summary.edges.recomputed).toBe(14);
    expect(summary.issues).toContainEqual(expect.objectContaining({ severity: "warn", code: "invalid_date", position: { row: 9 } }));

    const owner = await prisma.person.findFirstOrThrow({ where: { emails: { has: OWNER } } });
    const dana = await prisma.person.findFirstOrThrow({ where: { names: { has: "Dana Smith" } }, include: { organization: true } });
    expect(dana.socialHandles).toEqual({ linkedin: "dana-smith-4a1b2c" });
    expect(dana.organization?.name).toBe("Stripe");
    expect(dana.title).toBe("Head of Partnerships");
    const names = (await prisma.organization.findMany({ select: { name: true } })).map((org) => org.name);
    expect(names).toEqual(expect.arrayContaining(["Stripe", "Acme, Inc.", "Globex", "Banco Ñandú"]));
    expect(await prisma.organization.count({ where: { domain: "gmail.com" } })).toBe(0);

    const edges = await prisma.edge.findMany({ where: { OR: [{ fromPersonId: owner.id }, { toPersonId: owner.id }] } });
    expect(edges).toHaveLength(14);
    for (const edge of edges) {
      expect(edge.strength).toBeGreaterThan(0);
      expect(edge.strength).toBeLessThan(0.1);
      expect(edge.channels).toEqual(["linkedin"]);
      expect(strengthFactorsOf(edge.strengthFactors).score).toBeCloseTo(edge.strength, 6);
    }
    const identities = await prisma.personIdentity.findMany({ where: { personId: dana.id } });
    expect(identities.map((identity) => `${identity.sourceName}/${identity.sourceId}`)).toEqual(["linkedin/dana-smith-4a1b2c"]);

    const run = await prisma.syncRun.findUniqueOrThrow({ where: { id: summary.runId } });
    expect(run).toMatchObject({ status: "success", sourceName: "linkedin", rowsRead: summary.rowsRead, created: summary.created, correlationId: summary.correlationId });
    const state = await prisma.syncState.findUniqueOrThrow({ where: { sourceName: "linkedin" } });
    expect(state).toMatchObject({ status: "success", lastError: null, lastSuccessAt: NOW });
  });

  it("finds a person again by the source record linked to them, after their identifiers were edited away", async () => {
    const options = { db: prisma, sourceName: "linkedin", path: fixturePath("linkedin-connections.csv"), ownerEmails: [OWNER], now: NOW } as const;
    await importFile(options);
    const dana = await prisma.person.findFirstOrThrow({ where: { names: { has: "Dana Smith" } } });
    // Nothing left to match by email or profile: only PersonIdentity (linkedin/dana-smith-4a1b2c) leads back.
    await prisma.person.update({ where: { id: dana.id }, data: { emails: [], socialHandles: {} } });
    const people = await prisma.person.count();

    const again = await importFile({ ...options, now: new Date("2026-10-02T00:00:00Z") });
    expect(again.people.created).toBe(0);
    expect(await prisma.person.count()).toBe(people);
    expect(await prisma.person.findUniqueOrThrow({ where: { id: dana.id } })).toMatchObject({ socialHandles: { linkedin: "dana-smith-4a1b2c" } });
  });

  it("changes nothing when the same file is imported again", async () => {
    const options = { db: prisma, sourceName: "linkedin", path: fixturePath("linkedin-connections.csv"), ownerEmails: [OWNER], now: NOW } as const;
    const first = await importFile(options);
    const before = await dataRows();
    const second = await importFile({ ...options, now: new Date("2026-10-02T00:00:00Z") });

    expect(await dataRows()).toEqual(before);
    expect(second).toMatchObject({ status: "success", created: 0, updated: 0, rowsRead: first.rowsRead });
    expect(second.people).toEqual({ created: 0, matched: 8 });
    expect(second.interactions).toEqual({ created: 0, existing: 8 });
    expect(second.edges.recomputed).toBe(0);
    expect(await prisma.syncRun.count({ where: { status: "success" } })).toBe(2);
  });

  it("imports an mbox as metadata-only interactions with two-way edges whose factors validate", async () => {
    const summary = await importFile({ db: prisma, sourceName: "gmail", path: fixturePath("gmail-takeout.mbox"), ownerEmails: [OWNER], now: NOW });
    expect(summary).toMatchObject({ status: "success", format: "mbox" });
    expect(summary.interactions.created).toBe(4);
    expect(summary.filtered).toMatchObject({ spam: 1 });

    const interactions = await prisma.interaction.findMany({ where: { sourceName: "gmail" } });
    for (const interaction of interactions) {
      expect(interaction.metadata).not.toHaveProperty("subject");
      expect(JSON.stringify(interaction)).not.toMatch(/Intro to Zo|happy to/);
    }
    const reply = interactions.find((interaction) => interaction.sourceId === "CAowner-reply-002@mail.gmail.com");
    expect(reply?.participants).toEqual([OWNER, "dana@stripe.com", "priya@raman.dev"]);

    const owner = await prisma.person.findFirstOrThrow({ where: { emails: { has: OWNER } } });
    const dana = await prisma.person.findFirstOrThrow({ where: { emails: { has: "dana@stripe.com" } }, include: { organization: true } });
    expect(dana.organization?.domain).toBe("stripe.com");
    const there = await prisma.edge.findFirstOrThrow({ where: { fromPersonId: owner.id, toPersonId: dana.id } });
    const back = await prisma.edge.findFirstOrThrow({ where: { fromPersonId: dana.id, toPersonId: owner.id } });
    expect(there.strength).toBeGreaterThan(0);
    expect(back.strength).toBe(there.strength);
    expect(there).toMatchObject({ interactionCount: 2, sources: ["gmail"], channels: ["email"] });
    const factors = strengthFactorsOf(there.strengthFactors);
    expect(factors.computedAt).toBe(NOW.toISOString());
    expect(factors.factors.find((factor) => factor.key === "reciprocity")?.raw).toBeGreaterThan(0);
    expect(await prisma.organization.count({ where: { domain: { in: ["gmail.com", "googlemail.com"] } } })).toBe(0);
  });

  it("joins a later mbox to the people a LinkedIn import created, adding only what is new", async () => {
    await importFile({ db: prisma, sourceName: "linkedin", path: fixturePath("linkedin-connections.csv"), ownerEmails: [OWNER], now: NOW });
    const summary = await importFile({ db: prisma, sourceName: "gmail", path: fixturePath("gmail-takeout.mbox"), ownerEmails: [OWNER], now: NOW });
    expect(summary.people.matched).toBeGreaterThanOrEqual(3);
    const marcus = await prisma.person.findMany({ where: { emails: { has: "marcus.okafor@example.org" } } });
    expect(marcus).toHaveLength(1);
    expect(marcus[0]?.socialHandles).toEqual({ linkedin: "marcusokafor" });
    const owner = await prisma.person.findFirstOrThrow({ where: { emails: { has: OWNER } } });
    const priyaEdge = await prisma.edge.findFirstOrThrow({ where: { fromPersonId: owner.id, toPerson: { emails: { has: "priya@raman.dev" } } } });
    expect(priyaEdge.sources).toEqual(["gmail", "linkedin"]);
  });

  it("imports a Connections.csv larger than the CSV header search window in several batches", async () => {
    const scratch = folders.make();
    const header = readFileSync(fixturePath("linkedin-connections.csv"), "utf8").split("\n").slice(0, 4);
    const rows = Array.from({ length: 3000 }, (_, i) => `First${i},Last${i},https://www.linkedin.com/in/bulk-person-${i},${i % 5 === 0 ? `p${i}@co${i % 40}.example` : ""},Company ${i % 90},Engineer,0${1 + (i % 9)} Sep 2025`);
    const path = join(scratch, "Connections.csv");
    writeFileSync(path, [...header, ...rows].join("\n") + "\n");
    expect(readFileSync(path).length).toBeGreaterThan(256 * 1024);

    const summary = await importFile({ db: prisma, sourceName: "linkedin", path, ownerEmails: [OWNER], now: NOW });
    expect(summary).toMatchObject({ status: "success", rowsRead: 3000, people: { created: 3001, matched: 0 }, edges: { recomputed: 6000 } });
    expect(await prisma.edge.count()).toBe(6000);
  });

  it("recomputes everything when an import touches most of the graph, with the same edges as the per-pair path", async () => {
    const scratch = folders.make();
    const header = readFileSync(fixturePath("linkedin-connections.csv"), "utf8").split("\n").slice(0, 4);
    const count = FULL_RECOMPUTE_MIN_PAIRS + 200;
    const rows = Array.from({ length: count }, (_, i) => `First${i},Last${i},https://www.linkedin.com/in/many-${i},${i % 3 === 0 ? `p${i}@co${i % 40}.example` : ""},Company ${i % 90},Engineer,0${1 + (i % 9)} Sep 2025`);
    const path = join(scratch, "Connections.csv");
    writeFileSync(path, [...header, ...rows].join("\n") + "\n");
    // An empty graph: every touched pair is new, so the import takes the full path (a rebuilt Edge table).
    const edgeTable = () => prisma.$queryRawUnsafe<Array<{ oid: number }>>(`SELECT '"Edge"'::regclass::oid::int AS oid`);
    const before = await edgeTable();
    const summary = await importFile({ db: prisma, sourceName: "linkedin", path, ownerEmails: [OWNER], now: NOW });
    expect(await edgeTable()).not.toEqual(before);
    expect(summary).toMatchObject({ status: "success", edges: { recomputed: count * 2 } });
    const edgeOf = (edge: { fromPersonId: string; toPersonId: string; strength: number; strengthFactors: unknown; sources: string[] }) =>
      [`${edge.fromPersonId}>${edge.toPersonId}`, { strength: edge.strength, factors: strengthFactorsOf(edge.strengthFactors), sources: edge.sources }] as const;
    const full = new Map((await prisma.edge.findMany()).map(edgeOf));
    expect(full.size).toBe(count * 2);

    const owner = await prisma.person.findFirstOrThrow({ where: { emails: { has: OWNER } } });
    const pairs = (await prisma.person.findMany({ where: { id: { not: owner.id } }, select: { id: true } })).map((person) => `${owner.id} ${person.id}`);
    await prisma.edge.deleteMany();
    await prisma.$transaction((tx) => recomputeEdges(tx, pairs, NOW), { timeout: 120_000 });
    expect(new Map((await prisma.edge.findMany()).map(edgeOf))).toEqual(full);
  });

  it("rebuilds every edge when a second import touches half as many pairs as the graph holds, leaving the first import's edges as they were", async () => {
    const scratch = folders.make();
    const header = readFileSync(fixturePath("linkedin-connections.csv"), "utf8").split("\n").slice(0, 4);
    const count = FULL_RECOMPUTE_MIN_PAIRS + 200;
    const exportOf = (batch: string, length: number) => {
      const rows = Array.from({ length }, (_, i) => `${batch}${i},Last${i},https://www.linkedin.com/in/${batch}-${i},,Company ${i % 90},Engineer,0${1 + (i % 9)} Sep 2025`);
      const path = join(scratch, `${batch}.csv`);
      writeFileSync(path, [...header, ...rows].join("\n") + "\n");
      return path;
    };
    const edgeTable = async () => (await prisma.$queryRawUnsafe<Array<{ oid: number }>>(`SELECT '"Edge"'::regclass::oid::int AS oid`))[0]?.oid;
    const edgeValues = async () =>
      new Map((await prisma.edge.findMany()).map((edge) => [`${edge.fromPersonId}>${edge.toPersonId}`, { id: edge.id, strength: edge.strength, factors: strengthFactorsOf(edge.strengthFactors) }]));

    await importFile({ db: prisma, sourceName: "linkedin", path: exportOf("First", count * 2), ownerEmails: [OWNER], now: NOW });
    // The choice reads the planner's table sizes; autovacuum would refresh them soon after an import.
    await prisma.$executeRawUnsafe(`ANALYZE "Edge", "Interaction"`);
    const firstTable = await edgeTable();
    const firstEdges = await edgeValues();
    // 5,200 new pairs into a graph of 10,400: recomputing each (~650 µs a pair) costs more than rebuilding
    // all (lib/strength/recompute-cost.ts), so the second import swaps in a fresh Edge table too.
    const second = await importFile({ db: prisma, sourceName: "linkedin", path: exportOf("Second", count), ownerEmails: [OWNER], now: NOW });
    expect(second).toMatchObject({ status: "success", people: { created: count }, edges: { recomputed: count * 6 } });
    expect(await edgeTable()).not.toBe(firstTable);
    const edges = await edgeValues();
    expect(edges.size).toBe(count * 6);
    for (const [key, edge] of firstEdges) expect(edges.get(key)).toEqual(edge);
  });

  it("adds only what is new from an overlapping newer mbox", async () => {
    const scratch = folders.make();
    const first = await importFile({ db: prisma, sourceName: "gmail", path: fixturePath("gmail-takeout.mbox"), ownerEmails: [OWNER], now: NOW });
    const newer = join(scratch, "newer.mbox");
    const extra = [
      "From 1809876543210000099@xxx Mon Sep 14 09:00:00 +0000 2026",
      "X-GM-THRID: 1809876543210000099",
      "X-Gmail-Labels: Sent",
      `From: Alex Owner <${OWNER}>`,
      "To: Zoe <zoe.mueller@gruene-energie.de>",
      "Date: Mon, 14 Sep 2026 09:00:00 +0000",
      "Message-ID: <newer-099@mail.gmail.com>",
      "Subject: Lunch?",
      "",
      "Body.",
      "",
    ].join("\n");
    writeFileSync(newer, `${readFileSync(fixturePath("gmail-takeout.mbox"), "utf8").trimEnd()}\n\n${extra}`);
    const second = await importFile({ db: prisma, sourceName: "gmail", path: newer, ownerEmails: [OWNER], now: NOW });
    expect(second.interactions).toEqual({ created: 1, existing: first.interactions.created });
    expect(second.people.created).toBe(0);
    expect(second.edges.recomputed).toBe(2);
    expect(await prisma.interaction.count()).toBe(first.interactions.created + 1);
  });

  it.each([
    ["google_contacts", "google-contacts-new.csv"],
    ["google_contacts", "google-contacts-old.csv"],
    ["vcard", "contacts-v3.vcf"],
    ["vcard", "contacts-v4.vcf"],
    ["calendar", "calendar.ics"],
    ["linkedin", "linkedin-messages.csv"],
    ["slack", "slack-export"],
  ] as const)("imports the %s fixture %s", async (sourceName, fixture) => {
    const summary = await importFile({ db: prisma, sourceName, path: fixturePath(fixture), ownerEmails: [OWNER], now: NOW });
    expect(summary).toMatchObject({ status: "success", error: null });
    expect(summary.created).toBeGreaterThan(0);
    for (const edge of await prisma.edge.findMany()) strengthFactorsOf(edge.strengthFactors);
  });

  it("refuses an mbox uploaded as LinkedIn and records only the failed run", async () => {
    const summary = await importFile({ db: prisma, sourceName: "linkedin", path: fixturePath("gmail-takeout.mbox"), ownerEmails: [OWNER], now: NOW });
    expect(summary.status).toBe("failed");
    expect(summary.error).toMatch(/This looks like an mbox file \(Gmail Takeout\), not a LinkedIn Connections\.csv export\. Import it as the "gmail" source instead\./);
    expect(summary.issues).toContainEqual(expect.objectContaining({ severity: "fatal", code: "wrong_format" }));
    expect(await dataCounts()).toEqual(NOTHING);

    const runs = await prisma.syncRun.findMany();
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: "failed", error: summary.error, created: 0 });
    expect(runs[0]?.finishedAt).toBeInstanceOf(Date);
    const state = await prisma.syncState.findUniqueOrThrow({ where: { sourceName: "linkedin" } });
    expect(state).toMatchObject({ status: "failed", lastError: summary.error, lastSuccessAt: null });
  });

  it("leaves no partial rows when an archive turns out damaged mid-import, or truncated", async () => {
    const scratch = folders.make();
    const folder = fixturePath("slack-export");
    const sources: ZipSource[] = readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const full = join(entry.parentPath, entry.name);
        return { name: relative(folder, full), data: readFileSync(full) };
      });
    // Conversations are read in folder order (D01…, announcements, general, …): the damaged entry comes
    // after messages were already parsed and written inside the run's transaction.
    const damaged = join(scratch, "damaged.zip");
    writeFileSync(damaged, writeZip(sources.map((source) => (source.name === "general/2026-09-02.json" ? { ...source, declaredSize: 10 } : source))));

    const summary = await importFile({ db: prisma, sourceName: "slack", path: damaged, now: NOW });
    expect(summary.status).toBe("failed");
    expect(summary.error).toMatch(/^damaged\.zip: /);
    expect(summary.issues).toContainEqual(expect.objectContaining({ severity: "fatal", code: "invalid_zip" }));
    expect(summary.rowsRead).toBeGreaterThan(0);
    expect(summary.failed).toBe(summary.rowsRead);
    expect(await dataCounts()).toEqual(NOTHING);
    expect(await prisma.syncState.findUniqueOrThrow({ where: { sourceName: "slack" } })).toMatchObject({ status: "failed", lastError: summary.error });

    const whole = writeZip(sources);
    const truncated = join(scratch, "truncated.zip");
    writeFileSync(truncated, whole.subarray(0, Math.floor(whole.length * 0.6)));
    const cut = await importFile({ db: prisma, sourceName: "slack", path: truncated, now: NOW });
    expect(cut.status).toBe("failed");
    expect(cut.error).toMatch(/not a readable zip archive/);
    expect(await dataCounts()).toEqual(NOTHING);

    // The intact export then imports in full.
    const retry = await importFile({ db: prisma, sourceName: "slack", path: folder, now: NOW });
    expect(retry.status).toBe("success");
    expect(retry.interactions.created).toBeGreaterThan(0);
    expect(await prisma.syncState.findUniqueOrThrow({ where: { sourceName: "slack" } })).toMatchObject({ status: "success", lastError: null });
  });

  it("writes the run's audit rows in its correlation id", async () => {
    const ok = await importFile({ db: prisma, sourceName: "linkedin", path: fixturePath("linkedin-connections.csv"), ownerEmails: [OWNER], now: NOW });
    const bad = await importFile({ db: prisma, sourceName: "vcard", path: fixturePath("linkedin-connections.csv"), now: NOW });
    expect(ok.correlationId).not.toBe(bad.correlationId);

    const rows = async (correlationId: string) =>
      (await prisma.auditLog.findMany({ where: { correlationId }, orderBy: { createdAt: "asc" } })).map((row) => [row.action, row.entityType, row.entityId]);
    expect(await rows(ok.correlationId)).toEqual([
      ["sync.queued", "SyncRun", ok.runId],
      ["sync.started", "SyncRun", ok.runId],
      ["sync.batch_committed", "SyncRun", ok.runId],
      ["sync.completed", "SyncRun", ok.runId],
    ]);
    expect(await rows(bad.correlationId)).toEqual([
      ["sync.queued", "SyncRun", bad.runId],
      ["sync.started", "SyncRun", bad.runId],
      ["sync.failed", "SyncRun", bad.runId],
    ]);
    const completed = await prisma.auditLog.findFirstOrThrow({ where: { action: "sync.completed" } });
    expect(completed.metadata).toMatchObject({ created: ok.created, rowsRead: ok.rowsRead, edgesRecomputed: 14 });
    expect((await prisma.syncRun.findUniqueOrThrow({ where: { id: bad.runId } })).correlationId).toBe(bad.correlationId);
  });
});
