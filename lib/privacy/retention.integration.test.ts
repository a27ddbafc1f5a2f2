// Retention (issue 7, item 3): the dry run counts exactly what the real run removes and changes nothing;
// the real run erases soft-deleted people past the window (not merge-hidden records, not recent deletes),
// purges old interactions and rebuilds the edges they supported, purges old audit rows, and audits each
// policy with its counts. Settings: out-of-range values are refused with the allowed range.
import { beforeEach, describe, expect, it } from "vitest";
import { runInOperation } from "../audit/correlation";
import { prisma } from "../db";
import { connect, createInteraction, createPerson } from "../testing/factories";
import { resetDatabase } from "../testing/reset-database";
import { runRetention } from "./retention";
import { DEFAULT_PRIVACY_SETTINGS, getPrivacySettings } from "./settings";
import { loadSuppressionSet } from "./suppression-store";
import { updatePrivacySettings } from "./update-settings";

const NOW = new Date("2026-11-26T03:15:00Z");
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

beforeEach(resetDatabase);

async function world() {
  const oldDeleted = await createPerson(prisma, { name: "Old Deleted", emails: ["old.deleted@example.com"] });
  await prisma.person.update({ where: { id: oldDeleted.id }, data: { deletedAt: daysAgo(45) } });
  const recentDeleted = await createPerson(prisma, { name: "Recent Deleted" });
  await prisma.person.update({ where: { id: recentDeleted.id }, data: { deletedAt: daysAgo(5) } });
  const mergedAway = await createPerson(prisma, { name: "Merged Away" });
  await prisma.person.update({ where: { id: mergedAway.id }, data: { deletedAt: daysAgo(90), metadata: { mergedInto: recentDeleted.id } } });

  const [a, b, c] = [
    await createPerson(prisma, { name: "Ann", emails: ["ann@example.com"] }),
    await createPerson(prisma, { name: "Bob", emails: ["bob@example.com"] }),
    await createPerson(prisma, { name: "Cy", emails: ["cy@example.com"] }),
  ];
  // a–b: only an old interaction (the pair loses its edge); a–c: an old one and a recent one (recomputed).
  await createInteraction(prisma, { participants: ["ann@example.com", "bob@example.com"], timestamp: new Date("2023-01-10T00:00:00Z") });
  await createInteraction(prisma, { participants: ["ann@example.com", "cy@example.com"], timestamp: new Date("2023-02-10T00:00:00Z") });
  await createInteraction(prisma, { participants: ["ann@example.com", "cy@example.com"], timestamp: new Date("2026-10-10T00:00:00Z") });
  await connect(prisma, a, b, { strength: 0.4 });
  await connect(prisma, a, c, { strength: 0.4 });
  await connect(prisma, oldDeleted, a, { strength: 0.3 });

  await prisma.auditLog.createMany({
    data: [
      { correlationId: "test-op-old00001", action: "sync.completed", entityType: "SyncRun", createdAt: new Date("2024-01-01T00:00:00Z") },
      { correlationId: "test-op-new00001", action: "sync.completed", entityType: "SyncRun", createdAt: daysAgo(3) },
    ],
  });
  await prisma.privacySettings.create({ data: { id: 1, softDeletedPurgeDays: 30, interactionRetentionMonths: 24, auditRetentionMonths: 12 } });
  return { oldDeleted, recentDeleted, mergedAway, a, b, c };
}

async function snapshot() {
  return {
    people: await prisma.person.findMany({ orderBy: { id: "asc" } }),
    interactions: await prisma.interaction.findMany({ orderBy: { id: "asc" } }),
    edges: await prisma.edge.findMany({ orderBy: { id: "asc" } }),
    audit: await prisma.auditLog.findMany({ orderBy: { id: "asc" } }),
    suppressed: await prisma.suppressedIdentifier.count(),
  };
}

describe("runRetention", () => {
  it("previews in a dry run without changing anything, then the real run removes exactly that", async () => {
    const { oldDeleted, recentDeleted, mergedAway, a, b, c } = await world();
    const before = await snapshot();

    const preview = await runRetention(prisma, { dryRun: true, now: NOW });
    expect(preview).toMatchObject({
      dryRun: true,
      softDeletedPeople: { enabled: true, count: 1 },
      interactions: { enabled: true, count: 2 },
      auditLogs: { enabled: true, count: 1 },
    });
    expect(await snapshot()).toEqual(before);

    const done = await runInOperation({ correlationId: "test-op-retain001", actorId: null }, () => runRetention(prisma, { dryRun: false, now: NOW }));
    expect(done.softDeletedPeople.count).toBe(preview.softDeletedPeople.count);
    expect(done.interactions.count).toBe(preview.interactions.count);
    expect(done.auditLogs.count).toBe(preview.auditLogs.count);

    // The old soft-deleted person is erased: a tombstone, edges gone, identifiers suppressed.
    const tombstone = await prisma.person.findUniqueOrThrow({ where: { id: oldDeleted.id } });
    expect(tombstone).toMatchObject({ names: [], emails: [] });
    expect(tombstone.erasedAt).toBeInstanceOf(Date);
    expect(await prisma.edge.count({ where: { OR: [{ fromPersonId: oldDeleted.id }, { toPersonId: oldDeleted.id }] } })).toBe(0);
    expect((await loadSuppressionSet(prisma)).matches({ emails: ["old.deleted@example.com"] })).toBe(true);
    // A recent delete and a merge's hidden record stay.
    expect((await prisma.person.findUniqueOrThrow({ where: { id: recentDeleted.id } })).erasedAt).toBeNull();
    expect((await prisma.person.findUniqueOrThrow({ where: { id: mergedAway.id } })).names).toEqual(["Merged Away"]);

    // Old interactions go; a–b has nothing left (no edge), a–c is rebuilt from the recent interaction.
    expect(await prisma.interaction.count()).toBe(1);
    expect(await prisma.edge.count({ where: { OR: [{ fromPersonId: a.id, toPersonId: b.id }, { fromPersonId: b.id, toPersonId: a.id }] } })).toBe(0);
    const ac = await prisma.edge.findMany({ where: { OR: [{ fromPersonId: a.id, toPersonId: c.id }, { fromPersonId: c.id, toPersonId: a.id }] } });
    expect(ac).toHaveLength(2);
    expect(ac.every((edge) => edge.interactionCount === 1)).toBe(true);

    // Old audit rows go; each policy left one row with its counts.
    expect(await prisma.auditLog.count({ where: { correlationId: "test-op-old00001" } })).toBe(0);
    expect(await prisma.auditLog.count({ where: { correlationId: "test-op-new00001" } })).toBe(1);
    const rows = await prisma.auditLog.findMany({ where: { correlationId: "test-op-retain001" } });
    const byAction = Object.fromEntries(rows.map((row) => [row.action, row.metadata]));
    expect(byAction["privacy.purged_people"]).toMatchObject({ count: 1 });
    expect(byAction["privacy.purged_interactions"]).toMatchObject({ count: 2 });
    expect(byAction["privacy.purged_interactions_batch"]).toMatchObject({ count: 2, edgesRecomputed: expect.any(Number) });
    expect(byAction["privacy.purged_audit_logs"]).toMatchObject({ count: 1 });
    expect(byAction["person.purged"]).toMatchObject({ reason: "retention" });

    // Running again finds nothing more.
    const again = await runRetention(prisma, { dryRun: true, now: NOW });
    expect([again.softDeletedPeople.count, again.interactions.count, again.auditLogs.count]).toEqual([0, 0, 0]);
  });

  it("with the defaults purges only soft-deleted people (interactions and audit rows are kept)", async () => {
    const result = await runRetention(prisma, { dryRun: true, now: NOW });
    expect(result.settings).toEqual(DEFAULT_PRIVACY_SETTINGS);
    expect(result.interactions).toMatchObject({ enabled: false, cutoff: null, count: 0 });
    expect(result.auditLogs).toMatchObject({ enabled: false, cutoff: null, count: 0 });
  });
});

describe("updatePrivacySettings", () => {
  it("stores the settings and audits before/after", async () => {
    const next = { softDeletedPurgeDays: 14, interactionRetentionMonths: 36, auditRetentionMonths: null, storeSubjects: true };
    await runInOperation({ correlationId: "test-op-settings1", actorId: null }, () => updatePrivacySettings(prisma, next));
    expect(await getPrivacySettings(prisma)).toEqual(next);
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "privacy.settings_updated" } });
    expect(audit.metadata).toEqual({ before: DEFAULT_PRIVACY_SETTINGS, after: next });
  });

  it("refuses out-of-range values with the allowed range, changing nothing", async () => {
    const error = await updatePrivacySettings(prisma, { ...DEFAULT_PRIVACY_SETTINGS, softDeletedPurgeDays: 0, auditRetentionMonths: 601 }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: "BAD_REQUEST" });
    const fields = (error as { fields: Record<string, string[]> }).fields;
    expect(fields.softDeletedPurgeDays?.[0]).toMatch(/from 1 to 3650 days/);
    expect(fields.auditRetentionMonths?.[0]).toMatch(/from 1 to 600 months/);
    expect(await prisma.privacySettings.count()).toBe(0);
    expect(await prisma.auditLog.count()).toBe(0);
  });
});
