// Soft delete and restore of people and organizations: audit rows in the operation's correlation id,
// NOT_FOUND / CONFLICT answers that change nothing, and a failure that rolls back the change and its audit row.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { runInOperation } from "../audit/correlation";
import { prisma } from "../db";
import { AppError } from "../errors/app-error";
import { mergePeople } from "../identity/merge-people";
import { getPersonProfile } from "../people/queries";
import { createOrganization, createPerson } from "../testing/factories";
import { resetDatabase } from "../testing/reset-database";
import {
  findPersonToDelete,
  restoreOrganization,
  restorePerson,
  softDeleteOrganization,
  softDeletePerson,
} from "./soft-delete";

const failAudit = vi.hoisted(() => ({ on: false }));
vi.mock("../audit/write-audit", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../audit/write-audit")>();
  return {
    ...actual,
    writeAudit: async (...args: Parameters<typeof actual.writeAudit>) => {
      if (failAudit.on) throw new Error("audit write failed (test)");
      return actual.writeAudit(...args);
    },
  };
});

const CORRELATION_ID = "test-op-privacy1";
const ACTOR = "00000000-0000-4000-8000-00000000a11c";
const inOperation = <T>(fn: () => Promise<T>) => runInOperation({ correlationId: CORRELATION_ID, actorId: ACTOR }, fn);
const MISSING = "00000000-0000-4000-8000-000000000404";

async function expectAppError(promise: Promise<unknown>, code: string, message?: RegExp) {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  if (message) expect((error as AppError).message).toMatch(message);
}

beforeEach(async () => {
  failAudit.on = false;
  await resetDatabase();
});
afterEach(() => {
  failAudit.on = false;
});

describe("softDeletePerson / restorePerson", () => {
  it("hides then restores a person, each with an audit row in the operation's correlation id", async () => {
    const person = await createPerson(prisma);
    const deleted = await inOperation(() => softDeletePerson(prisma, { personId: person.id, reason: "asked to be removed" }));
    expect(deleted.deletedAt).toBeInstanceOf(Date);
    expect(deleted.correlationId).toBe(CORRELATION_ID);
    expect(await getPersonProfile(person.id)).toBeNull();

    const restored = await inOperation(() => restorePerson(prisma, { personId: person.id }));
    expect(restored.deletedAt).toBeNull();
    expect(await getPersonProfile(person.id)).not.toBeNull();

    const audit = await prisma.auditLog.findMany({ where: { entityId: person.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((row) => row.action)).toEqual(["person.deleted", "person.restored"]);
    for (const row of audit) {
      expect(row).toMatchObject({ correlationId: CORRELATION_ID, actorId: ACTOR, entityType: "Person" });
    }
    expect(audit[0]?.metadata).toEqual({ reason: "asked to be removed" });
  });

  it("answers NOT_FOUND for an unknown person and BAD_REQUEST for a malformed id, writing nothing", async () => {
    await expectAppError(inOperation(() => softDeletePerson(prisma, { personId: MISSING })), "NOT_FOUND");
    await expectAppError(inOperation(() => restorePerson(prisma, { personId: MISSING })), "NOT_FOUND");
    await expectAppError(inOperation(() => softDeletePerson(prisma, { personId: "not-a-uuid" })), "BAD_REQUEST");
    expect(await prisma.auditLog.count()).toBe(0);
  });

  it("refuses to delete twice or restore a visible person (CONFLICT), changing nothing", async () => {
    const visible = await createPerson(prisma);
    const hidden = await createPerson(prisma, { deleted: true });
    const before = await prisma.person.findUniqueOrThrow({ where: { id: hidden.id } });
    await expectAppError(inOperation(() => softDeletePerson(prisma, { personId: hidden.id })), "CONFLICT", /already deleted/);
    await expectAppError(inOperation(() => restorePerson(prisma, { personId: visible.id })), "CONFLICT", /not deleted/);
    expect((await prisma.person.findUniqueOrThrow({ where: { id: hidden.id } })).deletedAt).toEqual(before.deletedAt);
    expect((await prisma.person.findUniqueOrThrow({ where: { id: visible.id } })).deletedAt).toBeNull();
    expect(await prisma.auditLog.count()).toBe(0);
  });

  it("will not restore a record hidden by a merge: it says to undo the merge", async () => {
    const [survivor, merged] = [await createPerson(prisma), await createPerson(prisma)];
    await inOperation(() => mergePeople(prisma, { survivorId: survivor.id, mergedId: merged.id, explanation: "same person" }));
    await expectAppError(inOperation(() => restorePerson(prisma, { personId: merged.id })), "CONFLICT", /undo the merge/);
    expect((await prisma.person.findUniqueOrThrow({ where: { id: merged.id } })).deletedAt).not.toBeNull();
    expect(await prisma.auditLog.count({ where: { action: "person.restored" } })).toBe(0);
  });

  it("rolls back the change when the audit row cannot be written (no audit row, still visible)", async () => {
    const person = await createPerson(prisma);
    failAudit.on = true;
    await expect(inOperation(() => softDeletePerson(prisma, { personId: person.id }))).rejects.toThrow(/audit write failed/);
    expect((await prisma.person.findUniqueOrThrow({ where: { id: person.id } })).deletedAt).toBeNull();

    failAudit.on = false;
    await inOperation(() => softDeletePerson(prisma, { personId: person.id }));
    failAudit.on = true;
    await expect(inOperation(() => restorePerson(prisma, { personId: person.id }))).rejects.toThrow(/audit write failed/);
    expect((await prisma.person.findUniqueOrThrow({ where: { id: person.id } })).deletedAt).not.toBeNull();
    expect((await prisma.auditLog.findMany()).map((row) => row.action)).toEqual(["person.deleted"]);
  });
});

describe("softDeleteOrganization / restoreOrganization", () => {
  it("hides the organization but keeps its people and their organizationId; restore shows it again", async () => {
    const organization = await createOrganization(prisma);
    const person = await createPerson(prisma, { organizationId: organization.id });
    await inOperation(() => softDeleteOrganization(prisma, { organizationId: organization.id, reason: "defunct" }));

    const stored = await prisma.person.findUniqueOrThrow({ where: { id: person.id } });
    expect(stored).toMatchObject({ organizationId: organization.id, deletedAt: null });
    expect((await getPersonProfile(person.id))?.organization).toBeNull();

    await inOperation(() => restoreOrganization(prisma, { organizationId: organization.id }));
    expect((await getPersonProfile(person.id))?.organization?.id).toBe(organization.id);

    const audit = await prisma.auditLog.findMany({ where: { entityId: organization.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((row) => [row.action, row.entityType, row.correlationId])).toEqual([
      ["organization.deleted", "Organization", CORRELATION_ID],
      ["organization.restored", "Organization", CORRELATION_ID],
    ]);
  });

  it("answers NOT_FOUND and CONFLICT without writing anything", async () => {
    const organization = await createOrganization(prisma);
    await expectAppError(inOperation(() => softDeleteOrganization(prisma, { organizationId: MISSING })), "NOT_FOUND");
    await expectAppError(inOperation(() => restoreOrganization(prisma, { organizationId: MISSING })), "NOT_FOUND");
    await expectAppError(inOperation(() => restoreOrganization(prisma, { organizationId: organization.id })), "CONFLICT", /not deleted/);
    await inOperation(() => softDeleteOrganization(prisma, { organizationId: organization.id }));
    await expectAppError(inOperation(() => softDeleteOrganization(prisma, { organizationId: organization.id })), "CONFLICT", /already deleted/);
    expect(await prisma.auditLog.count()).toBe(1);
  });

  it("rolls back when the audit row cannot be written", async () => {
    const organization = await createOrganization(prisma);
    failAudit.on = true;
    await expect(inOperation(() => softDeleteOrganization(prisma, { organizationId: organization.id }))).rejects.toThrow(/audit write failed/);
    expect((await prisma.organization.findUniqueOrThrow({ where: { id: organization.id } })).deletedAt).toBeNull();
    expect(await prisma.auditLog.count()).toBe(0);
  });
});

describe("findPersonToDelete (the confirmation step)", () => {
  it("resolves an id or an email (any case) to one visible person", async () => {
    const person = await createPerson(prisma, { emails: ["ada.confirm@example.com"] });
    expect((await findPersonToDelete(prisma, { personId: person.id })).id).toBe(person.id);
    expect((await findPersonToDelete(prisma, { email: " Ada.Confirm@Example.com " })).id).toBe(person.id);
  });

  it("refuses unknown, already deleted, ambiguous and malformed lookups", async () => {
    await expectAppError(findPersonToDelete(prisma, { email: "nobody@example.com" }), "NOT_FOUND");
    const hidden = await createPerson(prisma, { deleted: true });
    await expectAppError(findPersonToDelete(prisma, { personId: hidden.id }), "CONFLICT", /already deleted/);
    await createPerson(prisma, { emails: ["twice@example.com"] });
    await createPerson(prisma, { emails: ["twice@example.com"] });
    await expectAppError(findPersonToDelete(prisma, { email: "twice@example.com" }), "CONFLICT", /person id/);
    await expectAppError(findPersonToDelete(prisma, {}), "BAD_REQUEST");
    await expectAppError(findPersonToDelete(prisma, { email: "not-an-email" }), "BAD_REQUEST");
  });
});
