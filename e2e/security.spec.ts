// HTTP-level protections, checked against the running server with plain requests: security headers, the
// origin check in front of every state-changing request, expired sessions, malformed credentials and
// the correlation id every response carries.
import type { APIResponse } from "@playwright/test";
import { encode } from "next-auth/jwt";
import { isValidCorrelationId } from "../lib/audit/correlation-id";
import { clearLoopbackAddressThrottle, csrfToken, postCredentials, SESSION_COOKIE, type TestUser } from "./fixtures/auth";
import { expect, test } from "./fixtures/test";
import { E2E_AUTH_SECRET, e2eBaseUrl } from "./support/settings";

const baseURL = e2eBaseUrl();

/** A session cookie value exactly as Auth.js writes one (an encrypted JWT, salted with the cookie name). */
function sessionToken(user: TestUser, maxAgeSeconds: number): Promise<string> {
  return encode({
    token: { sub: user.id, email: user.email, name: user.name },
    secret: E2E_AUTH_SECRET,
    salt: SESSION_COOKIE,
    maxAge: maxAgeSeconds,
  });
}

function expectSecurityHeaders(response: APIResponse, what: string): void {
  const headers = response.headers();
  expect(headers["content-security-policy"], `${what}: Content-Security-Policy`).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"], `${what}: Content-Security-Policy`).toContain("default-src 'self'");
  expect(headers["x-content-type-options"], `${what}: X-Content-Type-Options`).toBe("nosniff");
  expect(headers["referrer-policy"], `${what}: Referrer-Policy`).toBeTruthy();
  expect(headers["x-powered-by"], `${what}: no X-Powered-By`).toBeUndefined();
}

async function expectErrorShape(response: APIResponse, status: number, code: string): Promise<void> {
  expect(response.status()).toBe(status);
  const body = (await response.json()) as { error?: { code?: unknown; message?: unknown; status?: unknown } };
  expect(body).toEqual({ error: { code, message: expect.any(String), status } });
}

function sessionCookiesIn(setCookies: string[]): string[] {
  return setCookies.filter((header) => /authjs\.session-token=/.test(header) && !/authjs\.session-token=;/.test(header));
}

test.describe("security headers", () => {
  test("pages, redirects and API responses carry them", async ({ request, asMember }) => {
    expectSecurityHeaders(await asMember.request.get("/"), "GET / signed in");
    expectSecurityHeaders(await request.get("/", { maxRedirects: 0 }), "GET / signed out (the redirect to /signin)");
    expectSecurityHeaders(await request.get("/signin"), "GET /signin");
    expectSecurityHeaders(await request.get("/api/health"), "GET /api/health");
    expectSecurityHeaders(await request.get(`/api/graph/ego?person=${crypto.randomUUID()}`), "GET /api/graph/ego signed out (401)");
  });
});

test.describe("origin check", () => {
  for (const origin of ["http://evil.example", null] as const) {
    test(`a credentials post ${origin ? `from ${origin}` : "without an Origin"} is refused before it signs anyone in`, async ({ request, member, db }) => {
      // Right password and a valid CSRF token: the Origin is the only thing wrong with this request.
      const token = await csrfToken(request);
      const response = await request.post("/api/auth/callback/credentials", {
        headers: origin ? { Origin: origin } : {},
        form: { csrfToken: token, email: member.email, password: member.password, callbackUrl: `${baseURL}/` },
        maxRedirects: 0,
      });
      await expectErrorShape(response, 403, "FORBIDDEN");
      const setCookies = response.headersArray().filter((header) => header.name.toLowerCase() === "set-cookie").map((header) => header.value);
      expect(sessionCookiesIn(setCookies)).toEqual([]);
      expect((await request.storageState()).cookies.map((cookie) => cookie.name)).not.toContain(SESSION_COOKIE);
      const session = (await (await request.get("/api/auth/session")).json()) as { user?: unknown } | null;
      expect(session?.user).toBeUndefined();
      // The credentials were never even checked.
      expect(await db.auditLog.count({ where: { entityId: member.id, action: { startsWith: "auth." } } })).toBe(0);
    });
  }

  test("the same post with this site's Origin signs in (the control for the two above)", async ({ request, member }) => {
    const result = await postCredentials(request, { email: member.email, password: member.password });
    expect(result.status).toBe(302);
    expect(result.location).toBe(`${baseURL}/`);
    expect(sessionCookiesIn(result.setCookies)).toHaveLength(1);
  });
});

test.describe("expired sessions", () => {
  test("an API call with an expired session cookie answers 401, a fresh one gets through", async ({ request, member }) => {
    const url = `/api/graph/ego?person=${crypto.randomUUID()}`;
    const expired = await request.get(url, { headers: { Cookie: `${SESSION_COOKIE}=${await sessionToken(member, -3600)}` } });
    await expectErrorShape(expired, 401, "UNAUTHORIZED");

    // The same cookie, not expired: past the guard (404: nobody has that id). Proves the cookie is well made.
    const fresh = await request.get(url, { headers: { Cookie: `${SESSION_COOKIE}=${await sessionToken(member, 3600)}` } });
    await expectErrorShape(fresh, 404, "NOT_FOUND");
  });

  test("a page visited with an expired session cookie redirects to sign-in", async ({ page, member }) => {
    await page.context().addCookies([
      // domain + path rather than url: Chromium refuses a Secure cookie "for" an http:// URL, not for localhost.
      { name: SESSION_COOKIE, value: await sessionToken(member, -3600), domain: "localhost", path: "/", httpOnly: true, secure: true, sameSite: "Lax" },
    ]);
    // The cookie is present, so proxy.ts lets the request through: the page's own check sends it to /signin.
    await page.goto("/merges");
    await expect(page).toHaveURL((url) => url.pathname === "/signin" && url.searchParams.get("callbackUrl") === "/merges");
    await expect(page.getByRole("form", { name: "Sign in" })).toBeVisible();
  });
});

test.describe("malformed credentials", () => {
  test.afterEach(async ({ db }) => {
    await clearLoopbackAddressThrottle(db);
  });

  test("missing fields, a 100 KB password and a non-email get the wrong-password answer and change nothing", async ({ request, member, users, db }) => {
    const userBefore = await db.user.findUniqueOrThrow({ where: { id: member.id } });
    const unknown = users.unknownEmail("malformed");

    // The reference: a well-formed attempt with the wrong password.
    const reference = await postCredentials(request, { email: member.email, password: `${member.password}-wrong` });
    expect(reference.status).toBe(302);
    const referenceLocation = new URL(reference.location ?? "", baseURL);
    expect(referenceLocation.pathname).toBe("/signin");
    expect(referenceLocation.searchParams.get("error")).toBe("CredentialsSignin");

    const attempts: Array<[string, Record<string, string>]> = [
      ["no password", { email: member.email }],
      ["no email", { password: member.password }],
      ["no fields", {}],
      ["empty fields", { email: "", password: "" }],
      ["a 100 KB password", { email: member.email, password: "x".repeat(100 * 1024) }],
      ["a 100 KB password for an unknown email", { email: unknown, password: "x".repeat(100 * 1024) }],
      ["a non-email", { email: "not-an-email", password: member.password }],
      ["a non-email that looks like an injection", { email: "' OR 1=1 --", password: member.password }],
    ];
    for (const [what, fields] of attempts) {
      const result = await postCredentials(request, fields);
      expect(result.status, what).toBe(reference.status);
      expect(result.location, what).toBe(reference.location);
      expect(sessionCookiesIn(result.setCookies), what).toEqual([]);
    }

    const userAfter = await db.user.findUniqueOrThrow({ where: { id: member.id } });
    expect(userAfter.passwordHash).toBe(userBefore.passwordHash);
    expect(userAfter.updatedAt).toEqual(userBefore.updatedAt);
    expect(await db.user.count({ where: { email: { in: ["not-an-email", "' or 1=1 --", unknown] } } })).toBe(0);
    const session = (await (await request.get("/api/auth/session")).json()) as { user?: unknown } | null;
    expect(session?.user).toBeUndefined();
  });

  test("the sign-in form gives a 100 KB password the same answer as a wrong one", async ({ page, member }) => {
    await page.goto("/signin");
    const form = page.getByRole("form", { name: "Sign in" });
    await form.getByLabel("Email").fill(member.email);
    await form.getByLabel("Password").fill("x".repeat(100 * 1024));
    await form.getByRole("button", { name: "Sign in" }).click();
    await expect(form.getByRole("alert")).toHaveText("That email and password do not match an account.");
  });
});

test.describe("correlation ids", () => {
  test("a well-formed incoming x-correlation-id is echoed back", async ({ request }) => {
    const id = `e2e-check-${crypto.randomUUID()}`;
    const health = await request.get("/api/health", { headers: { "x-correlation-id": id } });
    expect(health.headers()["x-correlation-id"]).toBe(id);
    // Also on an error answered by the route's guard, and on the proxy's own refusal.
    const refused = await request.get(`/api/graph/ego?person=${crypto.randomUUID()}`, { headers: { "x-correlation-id": id } });
    expect(refused.status()).toBe(401);
    expect(refused.headers()["x-correlation-id"]).toBe(id);
    const forbidden = await request.post("/api/health", { headers: { "x-correlation-id": id, Origin: "http://evil.example" } });
    expect(forbidden.status()).toBe(403);
    expect(forbidden.headers()["x-correlation-id"]).toBe(id);
  });

  test("a malformed or missing one is replaced by a generated id", async ({ request }) => {
    for (const incoming of ["bad id!", "x", "a".repeat(300), undefined]) {
      const response = await request.get("/api/health", { headers: incoming === undefined ? {} : { "x-correlation-id": incoming } });
      const echoed = response.headers()["x-correlation-id"];
      expect(echoed, String(incoming)).toBeTruthy();
      expect(echoed).not.toBe(incoming);
      expect(isValidCorrelationId(echoed)).toBe(true);
    }
  });
});
