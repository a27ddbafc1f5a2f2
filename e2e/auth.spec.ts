// Signing in and out through the real sign-in screen: callbackUrl, the session cookie, one answer for
// every failed sign-in, the rate limit, members kept out of the admin screens, and the audit trail.
// Several tests walk through many server-rendered screens and sign-ins (10-12 s on a busy 2-core
// machine): those are marked test.slow() so a loaded CI box does not turn them into timeouts.
// Every deliberate failure here also counts against the per-address limit all specs share (20 in 15
// minutes from this machine): tests that fail on purpose clear that counter afterwards.
import type { Page } from "@playwright/test";
import { clearLoopbackAddressThrottle, RATE_LIMITED_ANSWER, SAME_ANSWER, SESSION_COOKIE } from "./fixtures/auth";
import { expect, test } from "./fixtures/test";

const ADMIN_SCREENS = ["/admin/sync", "/admin/audit", "/admin/privacy"];

/** Fills the sign-in form and waits for the server action's answer (so each attempt has finished). */
async function submitSignIn(page: Page, email: string, password: string): Promise<void> {
  const form = page.getByRole("form", { name: "Sign in" });
  // React resets the form when the previous submission's transition ends (the button reads "Signing in…"
  // until then). Filling before that reset lands would have the password wiped and the submit blocked.
  await expect(form.getByRole("button", { name: "Sign in", exact: true })).toBeEnabled();
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Password").fill(password);
  const answered = page.waitForResponse((response) => response.request().method() === "POST" && response.request().headers()["next-action"] !== undefined);
  await form.getByRole("button", { name: "Sign in" }).click();
  await answered;
}

async function signInThroughUi(page: Page, user: { email: string; password: string }, expectedPath = "/"): Promise<void> {
  if (new URL(page.url(), "http://x").pathname !== "/signin") await page.goto("/signin");
  await submitSignIn(page, user.email, user.password);
  await expect(page).toHaveURL((url) => url.pathname === expectedPath);
}

async function signOutThroughUi(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/signin");
}

function sessionCookie(page: Page) {
  return page
    .context()
    .cookies()
    .then((cookies) => cookies.find((cookie) => cookie.name === SESSION_COOKIE || cookie.name.endsWith("authjs.session-token")));
}

test.describe("signing in and out", () => {
  test("a protected page sends you to sign in, and signing in brings you back to it", async ({ page, users }) => {
    test.slow();
    const user = await users.create({ role: "member" });

    await page.goto("/graph");
    await expect(page).toHaveURL((url) => url.pathname === "/signin" && url.searchParams.get("callbackUrl") === "/graph");
    await expect(page.getByRole("heading", { level: 1, name: "Sign in to WIG" })).toBeVisible();

    await signInThroughUi(page, user, "/graph");
    await expect(page.getByRole("heading", { level: 1, name: "Graph" })).toBeVisible();
    await expect(page.getByTestId("signed-in-user")).toHaveText(user.name);
  });

  test("/login is /signin by another name, callbackUrl included", async ({ page, users }) => {
    test.slow();
    const user = await users.create({ role: "member" });

    await page.goto("/login?callbackUrl=%2Fgraph");
    await expect(page).toHaveURL((url) => url.pathname === "/signin" && url.searchParams.get("callbackUrl") === "/graph");
    await signInThroughUi(page, user, "/graph");

    // Signed in, /login leads home rather than to a 404 (or back to itself).
    await page.goto("/login");
    await expect(page).toHaveURL((url) => url.pathname === "/");
  });

  test("the session cookie is httpOnly, SameSite=Lax and Secure", async ({ page, users }) => {
    test.slow();
    const user = await users.create({ role: "member" });
    await page.goto("/signin");
    expect(await sessionCookie(page)).toBeUndefined();

    await signInThroughUi(page, user);
    const cookie = await sessionCookie(page);
    // `next start` runs with NODE_ENV=production, where Auth.js uses Secure, __Secure- prefixed cookies.
    expect(cookie?.name).toBe(SESSION_COOKIE);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: true, path: "/", domain: "localhost" });
    // Not a browser-session cookie and not forever: the 8-hour session lifetime (lib/auth/config.ts), give or take.
    const hoursLeft = ((cookie?.expires ?? 0) * 1000 - Date.now()) / 3_600_000;
    expect(hoursLeft).toBeGreaterThan(7.5);
    expect(hoursLeft).toBeLessThanOrEqual(8.01);
  });

  test("signing out lands on the sign-in page and ends the session", async ({ asMember }) => {
    const page = asMember;
    await page.goto("/");
    await expect(page.getByTestId("signed-in-user")).toBeVisible();

    await signOutThroughUi(page);
    expect(await sessionCookie(page)).toBeUndefined();
    await expect(page.getByRole("button", { name: "Sign out" })).toHaveCount(0);

    await page.goto("/merges");
    await expect(page).toHaveURL((url) => url.pathname === "/signin" && url.searchParams.get("callbackUrl") === "/merges");
    const api = await page.request.get(`/api/graph/ego?person=${crypto.randomUUID()}`);
    expect(api.status()).toBe(401);
  });
});

test.describe("failed sign-ins", () => {
  test.afterEach(async ({ db }) => {
    await clearLoopbackAddressThrottle(db);
  });

  test("a wrong password and an unknown email get exactly the same answer", async ({ page, users }) => {
    const user = await users.create({ role: "member" });
    await page.goto("/signin?callbackUrl=%2Fmerges");
    const alert = page.getByRole("form", { name: "Sign in" }).getByRole("alert");

    await submitSignIn(page, user.email, `${user.password}-wrong`);
    await expect(alert).toHaveText(SAME_ANSWER);
    const wrongPassword = await alert.innerText();

    await submitSignIn(page, users.unknownEmail(), user.password);
    await expect(alert).toHaveText(SAME_ANSWER);
    expect(await alert.innerText()).toBe(wrongPassword);

    // Still on the sign-in page, still signed out, and the email typed last is kept for a correction.
    await expect(page).toHaveURL((url) => url.pathname === "/signin" && url.searchParams.get("callbackUrl") === "/merges");
    expect(await sessionCookie(page)).toBeUndefined();
    await expect(page.getByRole("form", { name: "Sign in" }).getByLabel("Email")).toHaveValue(users.unknownEmail());
  });

  test("after 5 wrong passwords the account is blocked, even for the right password", async ({ page, users, db }) => {
    test.slow();
    // A fresh account: the per-account block (5 failures in 15 minutes) touches no other test.
    const user = await users.create({ role: "member" });
    await page.goto("/signin");
    const alert = page.getByRole("form", { name: "Sign in" }).getByRole("alert");

    for (let attempt = 1; attempt <= 5; attempt++) {
      await submitSignIn(page, user.email, `wrong-password-${attempt}-${user.password}`);
      await expect(alert, `attempt ${attempt}`).toHaveText(SAME_ANSWER);
    }
    await submitSignIn(page, user.email, user.password);
    await expect(alert).toHaveText(RATE_LIMITED_ANSWER);
    await expect(page).toHaveURL((url) => url.pathname === "/signin");
    expect(await sessionCookie(page)).toBeUndefined();

    const failures = await db.auditLog.count({ where: { action: "auth.sign_in_failed", entityId: user.id } });
    expect(failures).toBe(5);
    expect(await db.auditLog.count({ where: { action: "auth.signed_in", entityId: user.id } })).toBe(0);
  });
});

test.describe("roles", () => {
  test("a member is sent away from the admin screens and never sees the Admin section", async ({ asMember }) => {
    const page = asMember;
    for (const path of ADMIN_SCREENS) {
      await page.goto(path);
      await expect(page, path).toHaveURL((url) => url.pathname === "/" && url.searchParams.get("denied") === "admin");
      const nav = page.getByRole("navigation", { name: "Main" }).first();
      await expect(nav.getByRole("link", { name: "Search", exact: true })).toBeVisible();
      await expect(nav.getByRole("heading", { name: "Admin" })).toHaveCount(0);
      for (const label of ["Sync", "Audit", "Privacy"]) await expect(nav.getByRole("link", { name: label, exact: true })).toHaveCount(0);
    }
  });
});

test.describe("audit trail", () => {
  test("each sign-in and sign-out is one operation in /admin/audit, and its correlation id filters to it", async ({ page, users, db }) => {
    test.slow();
    const admin = await users.create({ role: "admin" });
    await signInThroughUi(page, admin);
    await signOutThroughUi(page);
    await signInThroughUi(page, admin);

    const rows = await db.auditLog.findMany({ where: { actorId: admin.id, action: { startsWith: "auth." } }, orderBy: { createdAt: "asc" } });
    expect(rows.map((row) => row.action)).toEqual(["auth.signed_in", "auth.signed_out", "auth.signed_in"]);
    expect(new Set(rows.map((row) => row.correlationId)).size, "one operation per request").toBe(3);

    await page.goto("/admin/audit?action=auth.");
    await expect(page.getByRole("heading", { level: 1, name: "Audit" })).toBeVisible();
    for (const row of rows) {
      const group = page.locator("tbody").filter({ has: page.getByRole("link", { name: row.correlationId, exact: true }) });
      await expect(group, `${row.action} under ${row.correlationId}`).toHaveCount(1);
      const line = group.locator("tr").filter({ has: page.locator("code", { hasText: row.action }) });
      await expect(line).toHaveCount(1);
      await expect(line).toContainText(admin.email);
    }

    // Following an operation's link shows that operation and nothing else.
    const signOut = rows[1];
    if (!signOut) throw new Error("no sign-out row");
    await page.getByRole("link", { name: signOut.correlationId, exact: true }).click();
    await expect(page).toHaveURL((url) => url.pathname === "/admin/audit" && url.searchParams.get("correlationId") === signOut.correlationId);
    const expected = await db.auditLog.count({ where: { correlationId: signOut.correlationId } });
    const operationLinks = page.locator("tbody th a");
    await expect(operationLinks).toHaveCount(1);
    await expect(operationLinks).toHaveText(signOut.correlationId);
    await expect(page.locator("tbody tr").filter({ has: page.locator("td") })).toHaveCount(expected);
    await expect(page.locator("tbody code")).toHaveText(["auth.signed_out"]);
    await expect(page.getByRole("list", { name: "Active filters" })).toContainText(signOut.correlationId);
  });

  test("an admin sees what a member did", async ({ asMember, asAdmin, member, db }) => {
    test.slow();
    await asMember.goto("/");
    await signOutThroughUi(asMember);
    const signedOut = await db.auditLog.findFirst({ where: { actorId: member.id, action: "auth.signed_out" } });
    expect(signedOut).not.toBeNull();

    await asAdmin.goto(`/admin/audit?actorId=${member.id}`);
    const group = asAdmin.locator("tbody").filter({ has: asAdmin.getByRole("link", { name: signedOut?.correlationId ?? "", exact: true }) });
    const line = group.locator("tr").filter({ has: asAdmin.locator("code", { hasText: "auth.signed_out" }) });
    await expect(line).toHaveCount(1);
    await expect(line).toContainText(member.name);
    await expect(line).toContainText(member.email);
    // The member's own sign-in (through the API, before the test) is there too, under another operation.
    await expect(asAdmin.locator("tbody code", { hasText: "auth.signed_in" })).toHaveCount(1);
  });
});

test("signing out voids the session cookie, including a copy taken before", async ({ asMember, browser }) => {
  const copied = await asMember.context().cookies();
  const probe = `/api/graph/ego?person=${crypto.randomUUID()}`;
  expect((await asMember.request.get(probe)).status()).toBe(404);

  await asMember.goto("/");
  await asMember.getByRole("button", { name: "Sign out" }).first().click();
  await expect(asMember).toHaveURL(/\/signin/);

  const replay = await browser.newContext();
  try {
    await replay.addCookies(copied);
    const response = await replay.request.get(probe);
    expect(response.status()).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: "UNAUTHORIZED", status: 401 } });
  } finally {
    await replay.close();
  }
});
