// Every mutation in lib/ writes its audit row, in the operation's correlation id, with the acting user,
// and a mutation that fails writes none. Extend the table when a new mutation is added (the static check
// in audit-coverage.test.ts points at modules that forget).
import { beforeEach, describe, expect, it } from "vitest";
import { authenticate } from "../auth/authenticate";
import { ensureInitialAdmin } from "../auth/initial-admin";
import { createUser } from "../auth/users";
import { prisma } from "../db";
import { mergePeople } from "../identity/merge-people";
import { approveCandidate, bulkApprove, proposeMerge, rejectCandidate, resolvePeople, skipCandidate, undoMerge } from "../identity/review";
import { createPerson } from "../testing/factories";
import { resetDatabase } from "../testing/reset-database";
import { join } from "node:path";
import { importFile } from "../sources/pipeline";
import { runInOperation } from "./correlation";
import { addBlocklistEntry, removeBlocklistEntry } from "../privacy/blocklist";
import { erasePerson } from "../privacy/erase-person";
import { prepareExport } from "../privacy/export-person";
import { runRetention } from "../privacy/retention";
import { DEFAULT_PRIVACY_SETTINGS } from "../privacy/settings";
import { updatePrivacySettings } from "../privacy/update-settings";

const MISSING_ID = "00000000-0000-4000-8000-000000000404";
const memberWithNode = async () => {
  const person = await createPerson(prisma);
  const user = await createUser(prisma, { email: `member.${person.id.slice(0, 8)}@example.com`, password: "long enough password", role: "member" });
  await prisma.user.update({ where: { id: user.id }, data: { personId: person.id } });
  return user;
};
import { clearStrengthOverride, setStrengthOverride } from "../strength/overrides";

/** A member linked to a person, and another person to rate. */
async function memberAndOther() {
  const [own, other] = [await createPerson(prisma), await createPerson(prisma)];
  const user = await prisma.user.create({ data: { email: `member-${own.id.slice(0, 8)}@example.com`, role: "member", personId: own.id } });
  return { user, own, other };
}

const CORRELATION_ID = "test-op-12345678";
const ACTOR = "00000000-0000-4000-8000-00000000a11c";
const SECRET = "test-secret-test-secret-test-secret-!!";

interface MutationCase {
  name: string;
  action: string;
  run: () => Promise<unknown>;
  /** A variant that must fail and leave no audit row (when the mutation can fail on input). */
  fail?: () => Promise<unknown>;
}

/** A pending candidate between two new people (the resolver's shape). */
async function pendingCandidate() {
  const [a, b] = [await createPerson(prisma), await createPerson(prisma)];
  const [personAId, personBId] = [a.id, b.id].sort() as [string, string];
  return prisma.mergeCandidate.create({
    data: { personAId, personBId, probability: 0.7, matchWeight: 1.2, explanation: { priorWeight: -10, contributions: [], matchWeight: 1.2, probability: 0.7 } },
  });
}

const cases: MutationCase[] = [
  {
    name: "undoMerge",
    action: "person.merge_undone",
    run: async () => {
      const [a, b] = [await createPerson(prisma), await createPerson(prisma)];
      const { mergeId } = await mergePeople(prisma, { survivorId: a.id, mergedId: b.id, explanation: "same email" });
      return undoMerge(prisma, { mergeId });
    },
    fail: async () => {
      const [a, b] = [await createPerson(prisma), await createPerson(prisma)];
      const { mergeId } = await mergePeople(prisma, { survivorId: a.id, mergedId: b.id, explanation: "same email" });
      await prisma.merge.update({ where: { id: mergeId }, data: { undoneAt: new Date() } });
      return undoMerge(prisma, { mergeId });
    },
  },
  {
    name: "approveCandidate",
    action: "person.merged",
    run: async () => approveCandidate(prisma, { candidateId: (await pendingCandidate()).id, actorId: ACTOR }),
    fail: async () => {
      const candidate = await pendingCandidate();
      await prisma.person.update({ where: { id: candidate.personBId }, data: { deletedAt: new Date() } });
      return approveCandidate(prisma, { candidateId: candidate.id, actorId: ACTOR });
    },
  },
  {
    name: "bulkApprove",
    action: "person.merged",
    run: async () => {
      await pendingCandidate();
      return bulkApprove(prisma, { minProbability: 0.5, actorId: ACTOR });
    },
    fail: async () => {
      await pendingCandidate();
      return bulkApprove(prisma, { minProbability: 0.5, actorId: ACTOR, expectedCount: 5 });
    },
  },
  {
    name: "rejectCandidate",
    action: "merge_candidate.rejected",
    run: async () => rejectCandidate(prisma, { candidateId: (await pendingCandidate()).id, actorId: ACTOR }),
    fail: async () => {
      const candidate = await pendingCandidate();
      await rejectCandidate(prisma, { candidateId: candidate.id, actorId: ACTOR }).then(() => prisma.auditLog.deleteMany());
      return rejectCandidate(prisma, { candidateId: candidate.id, actorId: ACTOR });
    },
  },
  {
    name: "skipCandidate",
    action: "merge_candidate.skipped",
    run: async () => skipCandidate(prisma, { candidateId: (await pendingCandidate()).id, actorId: ACTOR }),
    fail: () => skipCandidate(prisma, { candidateId: "00000000-0000-4000-8000-000000000000", actorId: ACTOR }),
  },
  {
    name: "proposeMerge",
    action: "merge_candidate.proposed",
    run: async () => {
      const [a, b] = [await createPerson(prisma), await createPerson(prisma)];
      return proposeMerge(prisma, { personAId: a.id, personBId: b.id, proposedById: ACTOR, note: "same person" });
    },
    fail: async () => {
      const a = await createPerson(prisma);
      return proposeMerge(prisma, { personAId: a.id, personBId: a.id, proposedById: ACTOR });
    },
  },
  {
    name: "resolvePeople",
    action: "identity.resolved",
    run: async () => {
      await createPerson(prisma, { name: "Ann Lee", emails: ["ann@lee.example"] });
      await createPerson(prisma, { name: "Ann Lee", emails: ["ann@lee.example"] });
      return resolvePeople(prisma, {});
    },
    fail: () => resolvePeople(prisma, { personIds: ["not-a-uuid"] }),
  },
  {
    name: "mergePeople",
    action: "person.merged",
    run: async () => {
      const [a, b] = [await createPerson(prisma), await createPerson(prisma)];
      return mergePeople(prisma, { survivorId: a.id, mergedId: b.id, explanation: "same email" });
    },
    fail: async () => {
      const a = await createPerson(prisma);
      return mergePeople(prisma, { survivorId: a.id, mergedId: a.id, explanation: "self" });
    },
  },
  {
    name: "createUser",
    action: "user.created",
    run: () => createUser(prisma, { email: "new@example.com", password: "long enough password", role: "member" }),
    fail: () => createUser(prisma, { email: "new@example.com", password: "short", role: "member" }),
  },
  {
    name: "authenticate (success)",
    action: "auth.signed_in",
    run: async () => {
      await createUser(prisma, { email: "in@example.com", password: "long enough password", role: "member" });
      return authenticate(prisma, { email: "in@example.com", password: "long enough password" }, "10.0.0.1", SECRET);
    },
  },
  {
    name: "authenticate (failure)",
    action: "auth.sign_in_failed",
    run: () => authenticate(prisma, { email: "who@example.com", password: "wrong password" }, "10.0.0.1", SECRET),
  },
  {
    name: "importFile",
    action: "sync.completed",
    run: () => importFile({ db: prisma, sourceName: "linkedin", path: join(process.cwd(), "lib/sources/fixtures/linkedin-connections.csv"), ownerEmails: ["owner@example.com"] }),
  },
  {
    name: "erasePerson",
    action: "person.erased",
    run: async () => {
      const person = await createPerson(prisma, { name: "Erase Me" });
      return erasePerson(prisma, { personId: person.id, confirm: "Erase Me" });
    },
    fail: async () => {
      const person = await createPerson(prisma, { name: "Erase Me" });
      return erasePerson(prisma, { personId: person.id, confirm: "someone else" });
    },
  },
  {
    name: "updatePrivacySettings",
    action: "privacy.settings_updated",
    run: () => updatePrivacySettings(prisma, { ...DEFAULT_PRIVACY_SETTINGS, softDeletedPurgeDays: 7 }),
    fail: () => updatePrivacySettings(prisma, { ...DEFAULT_PRIVACY_SETTINGS, softDeletedPurgeDays: 0 }),
  },
  {
    name: "runRetention (purge soft-deleted people)",
    action: "person.purged",
    run: async () => {
      const person = await createPerson(prisma, { deleted: true });
      await prisma.person.update({ where: { id: person.id }, data: { deletedAt: new Date("2020-01-01T00:00:00Z") } });
      return runRetention(prisma, { dryRun: false });
    },
  },
  {
    name: "runRetention (policy counts)",
    action: "privacy.purged_people",
    run: () => runRetention(prisma, { dryRun: false }),
  },
  {
    name: "prepareExport",
    action: "person.exported",
    run: async () => prepareExport(prisma, { personId: (await createPerson(prisma)).id }),
    fail: () => prepareExport(prisma, { personId: MISSING_ID }),
  },
  {
    name: "addBlocklistEntry",
    action: "blocklist.added",
    run: async () => addBlocklistEntry(prisma, (await memberWithNode()).id, { domain: "blocked.example" }),
    fail: async () => addBlocklistEntry(prisma, (await memberWithNode()).id, { domain: "not a domain" }),
  },
  {
    name: "removeBlocklistEntry",
    action: "blocklist.removed",
    run: async () => {
      const user = await memberWithNode();
      const entry = await addBlocklistEntry(prisma, user.id, { domain: "blocked.example" });
      return removeBlocklistEntry(prisma, user.id, { entryId: entry.id });
    },
    fail: async () => removeBlocklistEntry(prisma, (await memberWithNode()).id, { entryId: MISSING_ID }),
  },
  {
    name: "setStrengthOverride",
    action: "strength.override_set",
    run: async () => {
      const { user, other } = await memberAndOther();
      return setStrengthOverride(prisma, { userId: user.id, personId: other.id, level: "knows_well" });
    },
    fail: async () => {
      const { user, own } = await memberAndOther();
      return setStrengthOverride(prisma, { userId: user.id, personId: own.id, level: "knows_well" });
    },
  },
  {
    name: "clearStrengthOverride",
    action: "strength.override_cleared",
    run: async () => {
      const { user, other } = await memberAndOther();
      await setStrengthOverride(prisma, { userId: user.id, personId: other.id, level: "barely_knows" });
      return clearStrengthOverride(prisma, { userId: user.id, personId: other.id });
    },
    fail: async () => {
      const { user, other } = await memberAndOther();
      return clearStrengthOverride(prisma, { userId: user.id, personId: other.id });
    },
  },
  {
    name: "ensureInitialAdmin",
    action: "user.created",
    run: () => ensureInitialAdmin(prisma, { WIG_ADMIN_EMAIL: "root@example.com", WIG_ADMIN_PASSWORD: "long enough password" }),
  },
];

beforeEach(resetDatabase);

describe.each(cases)("$name", ({ action, run, fail }) => {
  it(`writes ${action}`, async () => {
    await runInOperation({ correlationId: CORRELATION_ID, actorId: ACTOR }, run);
    const rows = await prisma.auditLog.findMany({ where: { action } });
    expect(rows.length).toBeGreaterThanOrEqual(1);
    const row = rows.at(-1);
    expect(row?.correlationId).toBe(CORRELATION_ID);
  });

  if (fail) {
    it("writes nothing when it fails", async () => {
      await runInOperation({ correlationId: CORRELATION_ID, actorId: ACTOR }, async () => {
        await expect(fail()).rejects.toBeTruthy();
      });
      expect(await prisma.auditLog.count({ where: { action } })).toBe(0);
    });
  }
});

describe("actor", () => {
  it("is the operation's user unless the mutation names one", async () => {
    await runInOperation({ correlationId: CORRELATION_ID, actorId: ACTOR }, async () => {
      const [a, b] = [await createPerson(prisma), await createPerson(prisma)];
      await mergePeople(prisma, { survivorId: a.id, mergedId: b.id, explanation: "same email" });
    });
    expect((await prisma.auditLog.findFirstOrThrow({ where: { action: "person.merged" } })).actorId).toBe(ACTOR);
  });
});
