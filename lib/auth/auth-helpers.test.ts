import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./callback-url";
import { clientAddressOf } from "./client-address";
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword, ZPassword } from "./password";
import { readAuthProviderSettings, useSecureCookies } from "./providers";
import { throttleKey } from "./throttle";

describe("passwords", () => {
  it("hash with argon2id and verify", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(hash, "correct horse battery")).toBe(true);
    expect(await verifyPassword(hash, "wrong horse battery")).toBe(false);
  });

  it("never verify against a missing hash or garbage", async () => {
    expect(await verifyPassword(null, "anything at all")).toBe(false);
    expect(await verifyPassword("not-a-hash", "anything at all")).toBe(false);
  });

  it("require a minimum length", () => {
    expect(ZPassword.safeParse("x".repeat(MIN_PASSWORD_LENGTH - 1)).success).toBe(false);
    expect(ZPassword.safeParse("x".repeat(MIN_PASSWORD_LENGTH)).success).toBe(true);
  });
});

describe("Google sign-in configuration", () => {
  it("is on only when both the id and the secret are set", () => {
    expect(readAuthProviderSettings({}).google).toBeNull();
    expect(readAuthProviderSettings({ AUTH_GOOGLE_ID: "id" }).google).toBeNull();
    expect(readAuthProviderSettings({ AUTH_GOOGLE_ID: " id ", AUTH_GOOGLE_SECRET: "secret" }).google).toEqual({ clientId: "id", clientSecret: "secret" });
  });
});

describe("session cookies", () => {
  it("are Secure in production unless explicitly allowed over http", () => {
    expect(useSecureCookies({ NODE_ENV: "production" })).toBe(true);
    expect(useSecureCookies({ NODE_ENV: "production", WIG_INSECURE_COOKIES: "1" })).toBe(false);
    expect(useSecureCookies({ NODE_ENV: "development" })).toBe(false);
  });
});

describe("safeCallbackUrl", () => {
  it.each([
    ["/graph?person=1", "/graph?person=1"],
    ["https://evil.example/", "/"],
    ["//evil.example", "/"],
    ["/\\evil.example", "/"],
    ["/signin", "/"],
    ["/login", "/"],
    ["/login?callbackUrl=%2Fgraph", "/"],
    ["/logins", "/logins"],
    ["/api/auth/signout", "/"],
    [undefined, "/"],
  ])("%s → %s", (input, expected) => {
    expect(safeCallbackUrl(input)).toBe(expected);
  });
});

describe("clientAddressOf and throttle keys", () => {
  it("take the first forwarded hop", () => {
    expect(clientAddressOf(new Headers({ "x-forwarded-for": "203.0.113.7, 10.0.0.1" }))).toBe("203.0.113.7");
    expect(clientAddressOf(new Headers({ "x-real-ip": "203.0.113.8" }))).toBe("203.0.113.8");
    expect(clientAddressOf(new Headers())).toBe("unknown");
  });

  it("hash keys so no email or address is stored, stable per value and secret", () => {
    const key = throttleKey("account", "Dana@Example.com", "secret-a");
    expect(key).toMatch(/^account:[0-9a-f]{32}$/);
    expect(key).toBe(throttleKey("account", "dana@example.com ", "secret-a"));
    expect(key).not.toBe(throttleKey("account", "dana@example.com", "secret-b"));
  });
});
