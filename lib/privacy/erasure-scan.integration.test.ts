// The erasure scan (issue 7, item 2): two people imported from the real fixture files through importFile
// (Zoë Müller: contacts CSV, vCard, mbox, calendar, Slack — with a phone and a second, Slack-only record
// merged into her; Priya Raman: LinkedIn connections and messages, contacts CSV, mbox, calendar), plus a
// merge snapshot, a review-queue pair, a decision, an override, a blocklist entry, an audit row and a sync
// run issue naming them. After erasePerson, EVERY text, array and JSON column of EVERY public table is
// scanned for their emails, phones (several formats), names and LinkedIn URL/slug: none may remain.
import { beforeAll, describe, expect, it } from "vitest";
import { runInOperation } from "../audit/correlation";
import { writeAudit } from "../audit/write-audit";
import { prisma } from "../db";
import { mergePeople } from "../identity/merge-people";
import { importFile } from "../sources/pipeline";
import { fixturePath } from "../sources/testing/helpers";
import { createUser } from "../auth/users";
import { resetDatabase } from "../testing/reset-database";
import { erasePerson } from "./erase-person";
import { loadSuppressionSet } from "./suppression-store";
import { scanDatabase, scannedColumnCount } from "./testing/scan-database";

const NOW = new Date("2026-10-01T00:00:00Z");
const OWNER = "alex.owner@gmail.com";
const IMPORTS = [
  { sourceName: "google_contacts", file: "google-contacts-new.csv" },
  { sourceName: "vcard", file: "contacts-v3.vcf" },
  { sourceName: "gmail", file: "gmail-takeout.mbox" },
  { sourceName: "calendar", file: "calendar.ics" },
  { sourceName: "slack", file: "slack-export" },
  { sourceName: "linkedin", file: "linkedin-connections.csv" },
  { sourceName: "linkedin", file: "linkedin-messages.csv" },
] as const;

const ZOE = {
  email: "zoe.mueller@gruene-energie.de",
  texts: ["zoe.mueller@gruene-energie.de", "Zoe.Mueller@gruene-energie.de", "zoe@mueller.family", "Zoë Müller", "Zoë Anne Müller", "Zoe Mueller", "+49 30 901820", "+4930901820", "030 901820", "U04ZOE"],
  phoneDigits: ["4930901820"],
};
const PRIYA = {
  email: "priya@raman.dev",
  texts: ["priya@raman.dev", "Priya Raman", "linkedin.com/in/priya-raman", "priya-raman"],
  phoneDigits: [] as string[],
};
const NEEDLES = { texts: [...ZOE.texts, ...PRIYA.texts], phoneDigits: [...ZOE.phoneDigits, ...PRIYA.phoneDigits] };

async function importAll() {
  const summaries = [];
  for (const { sourceName, file } of IMPORTS) {
    summaries.push(await importFile({ db: prisma, sourceName, path: fixturePath(file), ownerEmails: [OWNER], now: NOW }));
  }
  return summaries;
}

async function personByEmail(email: string) {
  return prisma.person.findFirstOrThrow({ where: { emails: { has: email }, deletedAt: null } });
}

let zoeId = "";
let priyaId = "";
let slackZoeId = "";
let keptNeighbourId = "";

/** Everything beyond the imports that may hold their data, written the way the app's modules write it. */
async function plantRecords() {
  const zoe = await personByEmail(ZOE.email);
  const priya = await personByEmail(PRIYA.email);
  const slackZoe = await prisma.person.findFirstOrThrow({ where: { socialHandles: { path: ["slack"], equals: "U04ZOE" }, deletedAt: null } });
  zoeId = zoe.id;
  priyaId = priya.id;
  slackZoeId = slackZoe.id;
  const marcus = await personByEmail("marcus.okafor@example.org");
  keptNeighbourId = marcus.id;
  const admin = await createUser(prisma, { email: "admin@users.example.com", password: "long enough password", role: "admin" });

  await runInOperation({ correlationId: "test-op-plant0001", actorId: admin.id }, async () => {
    const beforeMerge = await prisma.person.findMany({ where: { id: { in: [zoe.id, slackZoe.id] } } });
    await mergePeople(prisma, { survivorId: zoe.id, mergedId: slackZoe.id, explanation: "Same name Zoë Müller in Slack and contacts" });
    await prisma.merge.create({
      data: {
        survivorId: zoe.id,
        mergedId: slackZoe.id,
        method: "review",
        explanation: "Zoë Müller (zoe.mueller@gruene-energie.de) = Slack U04ZOE",
        snapshot: JSON.parse(JSON.stringify({ people: beforeMerge })),
        mergedById: admin.id,
        correlationId: "test-op-plant0001",
      },
    });
    const [a, b] = [priya.id, marcus.id].sort();
    await prisma.mergeCandidate.create({
      data: {
        personAId: a!,
        personBId: b!,
        probability: 0.4,
        matchWeight: -1.2,
        explanation: [{ comparison: "email", left: PRIYA.email, right: "marcus.okafor@example.org", weight: -3 }, { comparison: "name", left: "Priya Raman", right: "Marcus Okafor" }],
        proposalNote: "Is Priya Raman the same as Marcus?",
      },
    });
    await prisma.mergeDecision.create({ data: { personAId: a!, personBId: b!, decision: "distinct", decidedById: admin.id } });
    await prisma.strengthOverride.create({ data: { userId: admin.id, personId: zoe.id, level: "knows_well", note: "Zoë Müller is my old colleague, +49 30 901820" } });
    await prisma.blocklistEntry.create({ data: { userId: admin.id, personId: priya.id } });
    await prisma.$transaction((tx) =>
      writeAudit(tx, { action: "person.viewed", entityType: "Person", entityId: zoe.id, metadata: { lookup: "Zoe.Mueller@gruene-energie.de", name: "Zoë Müller", phone: "030 901820" } }),
    );
    const run = await prisma.syncRun.findFirstOrThrow({ where: { sourceName: "linkedin" }, orderBy: { startedAt: "desc" } });
    const issues = Array.isArray(run.issues) ? run.issues : [];
    await prisma.syncRun.update({
      where: { id: run.id },
      data: {
        issues: [...issues, { severity: "warn", code: "test", reason: "Row for Priya Raman <priya@raman.dev> (https://www.linkedin.com/in/priya-raman) looked odd", position: { row: 6 } }],
      },
    });
  });
}

describe("erasure scan", () => {
  beforeAll(async () => {
    await resetDatabase();
    const summaries = await importAll();
    for (const summary of summaries) expect(summary, `${summary.fileName}: ${summary.error}`).toMatchObject({ status: "success" });
    await plantRecords();
  });

  it("finds the people everywhere before the erasure (the scan is not vacuous)", async () => {
    expect(await scannedColumnCount(prisma)).toBeGreaterThan(40);
    const hits = await scanDatabase(prisma, NEEDLES);
    const tables = new Set(hits.map((hit) => `${hit.table}.${hit.column}`));
    for (const where of ["Person.names", "Person.emails", "Person.phones", "Interaction.participants", "Merge.snapshot", "MergeCandidate.explanation", "AuditLog.metadata", "SyncRun.issues", "StrengthOverride.note"]) {
      expect(tables, where).toContain(where);
    }
    expect(await prisma.edge.count({ where: { OR: [{ fromPersonId: zoeId }, { toPersonId: zoeId }] } })).toBeGreaterThan(0);
    // Their contact history is also in the stored pair aggregates (lib/strength/pair-store.ts).
    expect(await prisma.pairAggregate.count({ where: { OR: [{ personAId: zoeId }, { personBId: zoeId }] } })).toBeGreaterThan(0);
  });

  it("leaves no email, phone, name or LinkedIn URL of theirs in any column of any table", async () => {
    const groupBefore = await prisma.interaction.findMany({ where: { participants: { has: PRIYA.email } } });
    const groupsWithOthers = groupBefore.filter((row) => new Set(row.participants.filter((key) => key !== PRIYA.email)).size >= 2);

    await runInOperation({ correlationId: "test-op-erase0001", actorId: null }, async () => {
      await erasePerson(prisma, { personId: zoeId, confirm: "Zoë Müller" });
      await erasePerson(prisma, { personId: priyaId, confirm: "ERASE" });
    });

    const hits = await scanDatabase(prisma, NEEDLES);
    expect(hits).toEqual([]);

    // Tombstones: the rows stay (ids referenced by audit rows), with nothing personal in them.
    for (const id of [zoeId, priyaId, slackZoeId]) {
      const row = await prisma.person.findUniqueOrThrow({ where: { id } });
      expect(row).toMatchObject({ names: [], emails: [], phones: [], socialHandles: null, metadata: null, title: null, mergeExplanation: null, previousIds: [] });
      expect(row.erasedAt).toBeInstanceOf(Date);
      expect(row.deletedAt).toBeInstanceOf(Date);
    }
    expect(await prisma.edge.count({ where: { OR: [{ fromPersonId: { in: [zoeId, priyaId] } }, { toPersonId: { in: [zoeId, priyaId] } }] } })).toBe(0);
    const erasedIds = [zoeId, priyaId, slackZoeId];
    expect(await prisma.pairAggregate.count({ where: { OR: [{ personAId: { in: erasedIds } }, { personBId: { in: erasedIds } }] } })).toBe(0);
    expect(await prisma.personIdentity.count({ where: { personId: { in: [zoeId, priyaId, slackZoeId] } } })).toBe(0);
    // Group interactions keep the other participants; their edges are still there.
    for (const group of groupsWithOthers) {
      const after = await prisma.interaction.findUnique({ where: { id: group.id } });
      expect(after?.participants).toEqual([...new Set(group.participants.filter((key) => key !== PRIYA.email))]);
    }
    expect(await prisma.edge.count({ where: { fromPersonId: keptNeighbourId } })).toBeGreaterThan(0);

    // The audit rows say an erasure happened, with the hashes, not who it was.
    const audit = await prisma.auditLog.findMany({ where: { action: "person.erased" } });
    expect(audit).toHaveLength(2);
    for (const row of audit) {
      expect(row.correlationId).toBe("test-op-erase0001");
      const metadata = row.metadata as { suppressionHashes: Array<{ kind: string; hash: string }> };
      expect(metadata.suppressionHashes.length).toBeGreaterThan(0);
      for (const key of metadata.suppressionHashes) expect(key.hash).toMatch(/^[0-9a-f]{64}$/);
    }
    const suppression = await loadSuppressionSet(prisma);
    expect(suppression.matches({ emails: ["Zoe.Mueller@gruene-energie.de"] })).toBe(true);
    expect(suppression.matches({ phones: ["+49 30 901820"] })).toBe(true);
    expect(suppression.matches({ handles: ["slack:U04ZOE"] })).toBe(true);
    expect(suppression.matches({ linkedinUrls: ["https://www.linkedin.com/in/Priya-Raman"] })).toBe(true);
    expect(suppression.matches({ emails: ["marcus.okafor@example.org"] })).toBe(false);
  });

  it("refuses to erase them again, changing nothing", async () => {
    const before = await prisma.auditLog.count();
    await expect(erasePerson(prisma, { personId: zoeId, confirm: "ERASE" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await prisma.auditLog.count()).toBe(before);
  });

  it("does not recreate them when the original files are imported again (pipeline suppression)", async () => {
    const summaries = await importAll();
    const suppressed = summaries.map((summary) => summary.suppressed);
    expect(suppressed.reduce((sum, count) => sum + count, 0)).toBeGreaterThan(0);
    expect(await scanDatabase(prisma, NEEDLES)).toEqual([]);
  });
});
