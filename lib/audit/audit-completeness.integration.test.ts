// Every mutation in lib/ writes its audit row, in the operation's correlation id, with the acting user,
// and a mutation that fails writes none. Extend the table when a new mutation is added (the static check
// in audit-coverage.test.ts points at modules that forget).
import { beforeEach, describe, expect, it } from "vitest";
import { authenticate } from "../auth/authenticate";
import { ensureInitialAdmin } from "../auth/initial-admin";
import { createUser } from "../auth/users";
import { prisma } from "../db";
import { mergePeople } from "../identity/merge-people";
import { createPerson } from "../testing/factories";
import { resetDatabase } from "../testing/reset-database";
import { join } from "node:path";
import { importFile } from "../sources/pipeline";
import { runInOperation } from "./correlation";
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

const cases: MutationCase[] = [
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
