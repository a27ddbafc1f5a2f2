// Email + password sign-in on a real PostgreSQL: same answer for unknown and wrong, rate limits, audit rows.
import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "../db";
import { resetDatabase } from "../testing/reset-database";
import { authenticate } from "./authenticate";
import { ACCOUNT_FAILURE_LIMIT, ADDRESS_FAILURE_LIMIT, THROTTLE_WINDOW_MS, throttleKey } from "./throttle";
import { createUser, revokeSessions } from "./users";

const SECRET = "test-secret-test-secret-test-secret-!!";
const PASSWORD = "correct horse battery";

beforeEach(async () => {
  await resetDatabase();
  await createUser(prisma, { email: "dana@example.com", password: PASSWORD, role: "member" });
});

describe("authenticate", () => {
  it("accepts the right password (email case-insensitive) and audits the sign-in", async () => {
    const result = await authenticate(prisma, { email: " Dana@Example.com ", password: PASSWORD }, "10.0.0.1", SECRET);
    expect(result).toMatchObject({ ok: true, user: { email: "dana@example.com", role: "member" } });
    expect(await prisma.auditLog.count({ where: { action: "auth.signed_in" } })).toBe(1);
  });

  it("answers an unknown email exactly like a wrong password", async () => {
    const wrong = await authenticate(prisma, { email: "dana@example.com", password: "not the password" }, "10.0.0.1", SECRET);
    const unknown = await authenticate(prisma, { email: "nobody@example.com", password: "not the password" }, "10.0.0.1", SECRET);
    const malformed = await authenticate(prisma, { email: "not-an-email", password: "x".repeat(100_000) }, "10.0.0.1", SECRET);
    expect(wrong).toEqual({ ok: false, reason: "invalid" });
    expect(unknown).toEqual(wrong);
    expect(malformed).toEqual(wrong);
    expect(await prisma.user.count()).toBe(1);
    const failures = await prisma.auditLog.findMany({ where: { action: "auth.sign_in_failed" } });
    expect(failures).toHaveLength(2);
    expect(JSON.stringify(failures)).not.toContain("nobody@example.com");
  });

  it("blocks an account after repeated failures, even for the right password, and says when to retry", async () => {
    for (let attempt = 0; attempt < ACCOUNT_FAILURE_LIMIT; attempt++) {
      await authenticate(prisma, { email: "dana@example.com", password: `wrong-${attempt}` }, `10.0.1.${attempt}`, SECRET);
    }
    const blocked = await authenticate(prisma, { email: "dana@example.com", password: PASSWORD }, "10.0.2.1", SECRET);
    expect(blocked).toMatchObject({ ok: false, reason: "rate_limited" });
    if (blocked.ok || blocked.reason !== "rate_limited") throw new Error("expected rate limit");
    expect(blocked.retryAfterSeconds).toBeGreaterThan(0);
    expect(blocked.retryAfterSeconds).toBeLessThanOrEqual(THROTTLE_WINDOW_MS / 1000);
  });

  it("blocks a client address that tries many accounts", async () => {
    for (let attempt = 0; attempt < ADDRESS_FAILURE_LIMIT; attempt++) {
      await authenticate(prisma, { email: `guess${attempt}@example.com`, password: "nope-nope-nope" }, "10.9.9.9", SECRET);
    }
    expect(await authenticate(prisma, { email: "dana@example.com", password: PASSWORD }, "10.9.9.9", SECRET)).toMatchObject({ reason: "rate_limited" });
    expect(await authenticate(prisma, { email: "dana@example.com", password: PASSWORD }, "10.9.9.10", SECRET)).toMatchObject({ ok: true });
  });

  it("forgets old failures after the window and on success; stores no emails or addresses", async () => {
    for (let attempt = 0; attempt < ACCOUNT_FAILURE_LIMIT - 1; attempt++) {
      await authenticate(prisma, { email: "dana@example.com", password: "wrong-wrong" }, "10.0.0.1", SECRET);
    }
    expect(await authenticate(prisma, { email: "dana@example.com", password: PASSWORD }, "10.0.0.1", SECRET)).toMatchObject({ ok: true });
    const accountRow = await prisma.signInThrottle.findUnique({ where: { key: throttleKey("account", "dana@example.com", SECRET) } });
    expect(accountRow).toBeNull();
    const keys = (await prisma.signInThrottle.findMany()).map((row) => row.key);
    expect(keys.join(" ")).not.toMatch(/dana|10\.0\.0\.1/);

    await prisma.signInThrottle.updateMany({ data: { windowStart: new Date(Date.now() - THROTTLE_WINDOW_MS - 1000) } });
    for (let attempt = 0; attempt < ACCOUNT_FAILURE_LIMIT - 1; attempt++) {
      await authenticate(prisma, { email: "dana@example.com", password: "wrong-wrong" }, "10.0.0.1", SECRET);
    }
    expect(await authenticate(prisma, { email: "dana@example.com", password: PASSWORD }, "10.0.0.1", SECRET)).toMatchObject({ ok: true });
  });
});

describe("createUser", () => {
  it("links the user to the person with their email, refuses duplicates and short passwords", async () => {
    const person = await prisma.person.create({ data: { names: ["Lee Park"], emails: ["lee@example.com"] } });
    const user = await createUser(prisma, { email: "LEE@example.com", password: "long enough password", role: "admin" });
    expect(user).toMatchObject({ email: "lee@example.com", role: "admin", personId: person.id, name: "Lee Park" });
    await expect(createUser(prisma, { email: "lee@example.com", password: "long enough password", role: "member" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(createUser(prisma, { email: "short@example.com", password: "short", role: "member" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const stored = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, omit: { passwordHash: false } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
  });
});

describe("revokeSessions", () => {
  it("records when the user signed out, with its audit row", async () => {
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "dana@example.com" } });
    const before = new Date();
    await revokeSessions(prisma, user.id);
    const after = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.sessionsValidAfter?.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1);
    expect(await prisma.auditLog.findFirstOrThrow({ where: { action: "auth.signed_out" } })).toMatchObject({ entityId: user.id, entityType: "User" });
  });
});
