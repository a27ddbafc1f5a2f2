// Every entry point refuses visitors without the access it declares, found by discovery rather than a
// hand-kept list (e2e/support/discover-entry-points.ts): route handlers and pages from app/**, server
// actions from the production build's server-reference-manifest.json. A new route, page or action is
// covered the moment it exists; one that declares no access at all fails the first test.
import { fileURLToPath } from "node:url";
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { SESSION_COOKIE } from "./fixtures/auth";
import { expect, test } from "./fixtures/test";
import {
  discoverPages,
  discoverRouteHandlers,
  readServerActions,
  workerUrl,
  type HttpMethod,
  type ServerActionEntry,
} from "./support/discover-entry-points";
import { findUnguardedEntryPoints } from "./support/find-unguarded";
import { e2eBaseUrl } from "./support/settings";

const root = fileURLToPath(new URL("..", import.meta.url));
const baseURL = e2eBaseUrl();

/** Auth.js's own endpoints authenticate themselves (CSRF token, credentials); e2e/auth.spec.ts covers them. */
const AUTH_JS_ROUTE = "app/api/auth/[...nextauth]/route.ts";
/** Public on purpose. Adding to this list is a decision to make in review, not a side effect. */
const PUBLIC_ROUTES = ["/api/health"];
const PUBLIC_PAGES = ["/signin"];
const PUBLIC_ACTIONS = ["app/signin/actions.ts#signInWithGoogle", "app/signin/actions.ts#signInWithPassword"];

/** A cookie under the session's name that is not a session: gets past proxy.ts's fast path, so the entry point's own check answers. */
const FORGED_SESSION = `${SESSION_COOKIE}=not-a-real-session`;

const routes = discoverRouteHandlers(root);
const guardedRoutes = routes
  .filter((route) => route.file !== AUTH_JS_ROUTE)
  .flatMap((route) => route.methods.filter(({ access }) => access !== "public").map(({ method, access }) => ({ ...route, method, access })));
const pages = discoverPages(root);

async function callRoute(request: APIRequestContext, method: HttpMethod, url: string, headers: Record<string, string> = {}): Promise<APIResponse> {
  // The proxy refuses any non-GET without this site's Origin; sending it makes the route itself answer.
  const origin: Record<string, string> = method === "GET" || method === "HEAD" || method === "OPTIONS" ? {} : { Origin: baseURL };
  return request.fetch(url, { method, headers: { ...origin, ...headers }, maxRedirects: 0, ...(method === "GET" || method === "HEAD" ? {} : { data: {} }) });
}

async function expectError(response: APIResponse, status: number, code: string, what: string): Promise<void> {
  expect(response.status(), what).toBe(status);
  const body = (await response.json().catch(() => null)) as { error?: Record<string, unknown> } | null;
  expect(body, `${what}: the shared error shape`).toMatchObject({ error: { code, status } });
  expect(typeof body?.error?.message, `${what}: a message`).toBe("string");
}

/**
 * Calls a server action the way the browser does (captured from the sign-out button): a POST to a page
 * that bundles the action, `Next-Action: <id>`, `Accept: text/x-component`, and the argument list
 * encoded by React's encodeReply, which for plain values is JSON (`["$undefined"]` for one undefined
 * argument; `[{}]` is one empty object). The answer is a React flight payload whose text carries the
 * action's ActionResult, e.g. `1:{"ok":false,"error":{"code":"UNAUTHORIZED",…,"status":401},…}`.
 */
async function callAction(request: APIRequestContext, action: ServerActionEntry, headers: Record<string, string> = {}): Promise<{ response: APIResponse; text: string }> {
  const urls = action.workers.map((worker) => workerUrl(worker)).filter((url): url is string => url !== null && !url.includes("/_"));
  const url = urls.includes("/") ? "/" : (urls[0] ?? "/");
  const response = await request.post(url, {
    headers: { "Next-Action": action.id, Origin: baseURL, Accept: "text/x-component", "Content-Type": "text/plain;charset=UTF-8", ...headers },
    data: JSON.stringify([{}]),
    maxRedirects: 0,
  });
  return { response, text: await response.text() };
}

function expectActionRefused(result: { response: APIResponse; text: string }, status: number, code: string, what: string): void {
  expect(result.response.status(), `${what}: HTTP status of the action call`).toBe(200);
  expect(result.response.headers()["content-type"], `${what}: a flight payload`).toContain("text/x-component");
  expect(result.text, `${what}: the action's refusal`).toContain(`"status":${status}`);
  expect(result.text, `${what}: the action's error code`).toContain(`"code":"${code}"`);
  expect(result.text, `${what}: no success`).not.toContain('"ok":true');
}

test.describe("discovery", () => {
  test("every entry point declares its access", () => {
    expect(findUnguardedEntryPoints(root)).toEqual([]);
  });

  test("public routes, pages and actions are exactly the intended ones", () => {
    const publicRoutes = routes.filter((route) => route.methods.some(({ access }) => access === "public")).map((route) => route.pattern);
    expect(publicRoutes).toEqual(PUBLIC_ROUTES);
    expect(pages.filter((page) => page.access === null).map((page) => page.pattern)).toEqual(PUBLIC_PAGES);
    const actions = readServerActions(root);
    expect(actions.filter((action) => action.access === "public").map((action) => `${action.file}#${action.exportedName}`)).toEqual(PUBLIC_ACTIONS);
    expect(actions.filter((action) => action.access === null), "every action in the build maps to a defineAction with an access").toEqual([]);
  });

  test("finds the entry points there are today", () => {
    // If discovery silently found nothing, every guard test below would pass by checking nothing.
    expect(guardedRoutes.length).toBeGreaterThanOrEqual(1);
    expect(guardedRoutes.map((route) => `${route.method} ${route.pattern}`)).toContain("GET /api/graph/ego");
    expect(pages.map((page) => page.pattern)).toEqual(expect.arrayContaining(["/", "/graph", "/merges", "/people/[id]", "/admin/audit", "/admin/privacy", "/admin/sync", "/signin"]));
    expect(readServerActions(root).map((action) => action.exportedName)).toEqual(expect.arrayContaining(["signOutAction", "signInWithPassword"]));
  });
});

test.describe("route handlers", () => {
  test("without a session every guarded route answers 401 in the shared shape", async ({ request }) => {
    for (const route of guardedRoutes) {
      const what = `${route.method} ${route.url} (${route.file})`;
      await expectError(await callRoute(request, route.method, route.url), 401, "UNAUTHORIZED", `${what}, no cookie`);
      await expectError(await callRoute(request, route.method, route.url, { Cookie: FORGED_SESSION }), 401, "UNAUTHORIZED", `${what}, forged cookie`);
    }
  });

  test("a member gets 403 from admin routes and through member routes", async ({ asMember }) => {
    for (const route of guardedRoutes) {
      const what = `${route.method} ${route.url} as a member`;
      if (route.access === "admin") {
        await expectError(await callRoute(asMember.request, route.method, route.url), 403, "FORBIDDEN", what);
      } else if (route.method === "GET") {
        // Past the guard: whatever the route says next (400 for missing input, 404, 200), not 401/403.
        // Only GETs: a member-level POST with an empty body could change something.
        const response = await callRoute(asMember.request, route.method, route.url);
        expect([401, 403], `${what}: ${response.status()}`).not.toContain(response.status());
      }
    }
  });
});

test.describe("pages", () => {
  test("without a session every page but /signin redirects to sign-in and back", async ({ request }) => {
    for (const page of pages) {
      for (const cookie of [undefined, FORGED_SESSION]) {
        // No cookie: proxy.ts's fast path answers. A forged cookie gets past it, so the page's own
        // requirePageUser() must answer: that is the check that counts.
        const what = `GET ${page.url} (${page.file}) ${cookie ? "with a forged session cookie" : "without a cookie"}`;
        const response = await request.get(page.url, { maxRedirects: 0, headers: cookie ? { Cookie: cookie } : {} });
        if (PUBLIC_PAGES.includes(page.pattern)) {
          expect(response.status(), what).toBe(200);
          continue;
        }
        expect(response.status(), what).toBe(307);
        const location = new URL(response.headers()["location"] ?? "", baseURL);
        expect(location.pathname, what).toBe("/signin");
        // The page may name itself or a parent screen to come back to, never another site.
        const callbackUrl = location.searchParams.get("callbackUrl") ?? "";
        expect(callbackUrl, what).toMatch(/^\/(?!\/)/);
        if (!cookie) expect(callbackUrl, what).toBe(page.url);
      }
    }
  });

  test("a member is sent away from admin pages and can open the others", async ({ asMember }) => {
    const adminPages = pages.filter((page) => page.access === "admin");
    expect(adminPages.map((page) => page.pattern)).toEqual(pages.filter((page) => page.pattern.startsWith("/admin")).map((page) => page.pattern));
    for (const page of pages) {
      const response = await asMember.request.get(page.url, { maxRedirects: 0 });
      const what = `GET ${page.url} as a member`;
      if (page.access === "admin") {
        expect(response.status(), what).toBe(307);
        expect(response.headers()["location"], what).toBe("/?denied=admin");
      } else if (page.pattern === "/signin") {
        // Signed in already: sent on to the app.
        expect(response.status(), what).toBe(307);
      } else {
        // 404 for /people/<random id>: nobody by that id, but the guard let the member through.
        expect([200, 404], what).toContain(response.status());
      }
    }
  });

  test("an admin can open the admin pages", async ({ asAdmin }) => {
    for (const page of pages.filter((entry) => entry.access === "admin")) {
      const response = await asAdmin.request.get(page.url, { maxRedirects: 0 });
      expect(response.status(), `GET ${page.url} as an admin`).toBe(200);
    }
  });
});

test.describe("server actions", () => {
  const guardedActions = () => readServerActions(root).filter((action) => action.access === "member" || action.access === "admin");

  test("without a session every guarded action refuses with 401", async ({ request }) => {
    const actions = guardedActions();
    expect(actions.length, "guarded actions found in the build").toBeGreaterThanOrEqual(1);
    for (const action of actions) {
      const what = `${action.file}#${action.exportedName} (${action.id})`;
      expectActionRefused(await callAction(request, action), 401, "UNAUTHORIZED", `${what}, no cookie`);
      expectActionRefused(await callAction(request, action, { Cookie: FORGED_SESSION }), 401, "UNAUTHORIZED", `${what}, forged cookie`);
    }
  });

  test("with a member session every admin action refuses with 403", async ({ asMember }) => {
    // None exist yet; this runs for the first one that does.
    for (const action of guardedActions().filter((entry) => entry.access === "admin")) {
      expectActionRefused(await callAction(asMember.request, action), 403, "FORBIDDEN", `${action.file}#${action.exportedName} as a member`);
    }
  });

  test("an action call without this site's Origin never runs", async ({ asMember, member, db }) => {
    const signOut = readServerActions(root).find((action) => action.exportedName === "signOutAction");
    expect(signOut, "signOutAction in the build").toBeDefined();
    if (!signOut) return;
    const before = await db.auditLog.count({ where: { actorId: member.id, action: "auth.signed_out" } });
    for (const origin of ["http://evil.example", undefined]) {
      const response = await asMember.request.post("/", {
        headers: { "Next-Action": signOut.id, Accept: "text/x-component", "Content-Type": "text/plain;charset=UTF-8", ...(origin ? { Origin: origin } : {}) },
        data: JSON.stringify(["$undefined"]),
        maxRedirects: 0,
      });
      await expectError(response, 403, "FORBIDDEN", `signOutAction with Origin ${origin ?? "(none)"}`);
    }
    expect(await db.auditLog.count({ where: { actorId: member.id, action: "auth.signed_out" } })).toBe(before);
    const session = (await (await asMember.request.get("/api/auth/session")).json()) as { user?: { email?: string } } | null;
    expect(session?.user?.email, "still signed in").toBe(member.email);
  });
});
