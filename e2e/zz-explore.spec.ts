import { expect, test } from "./fixtures/test";
import { postCredentials } from "./fixtures/auth";

test("explore", async ({ asMember, db, request, browser, member }) => {
  const page = asMember;
  const reqs: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST") reqs.push(JSON.stringify({ url: r.url(), headers: r.headers(), body: r.postData()?.slice(0, 500) }));
  });
  page.on("response", async (r) => {
    if (r.request().method() === "POST") { try { reqs.push("RESP " + r.status() + " " + JSON.stringify(r.headers()) + " " + (await r.text()).slice(0, 800)); } catch (e) { reqs.push("RESP ERR " + String(e)); } }
  });
  await page.goto("/");
  console.log("COOKIES", JSON.stringify(await page.context().cookies()));
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL(/signin/);
  console.log(reqs.join("\n"));
  const r1 = await request.get("/", { maxRedirects: 0 });
  console.log("GET / anon", r1.status(), JSON.stringify(r1.headers()));
  const r2 = await request.get("/admin/sync", { maxRedirects: 0, headers: { Cookie: "__Secure-authjs.session-token=garbage" } });
  console.log("GET /admin/sync garbage cookie", r2.status(), JSON.stringify(r2.headers()), (await r2.text()).slice(0, 300));
  const r3 = await request.post("/", { maxRedirects: 0, headers: { "Next-Action": "7f469c215c8779a87d95e2954483879f93bfda7857", Origin: "http://localhost:3210", "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" }, data: '["$undefined"]' });
  console.log("ACTION anon", r3.status(), JSON.stringify(r3.headers()), (await r3.text()).slice(0, 1000));
  const fail = await postCredentials(request, { email: member.email, password: "wrong-password-123" });
  console.log("FAIL", JSON.stringify(fail));
  console.log("THROTTLE", JSON.stringify(await db.signInThrottle.findMany()));
  const big = await postCredentials(request, { email: member.email, password: "x".repeat(100_000) });
  console.log("BIG", JSON.stringify(big));
  const ctx = await browser.newContext();
  const p2 = await ctx.newPage();
  await p2.goto("/signin");
  await p2.getByLabel("Email").fill(member.email);
  await p2.getByLabel("Password").fill("y".repeat(100_000));
  await p2.getByRole("button", { name: "Sign in" }).click();
  await p2.waitForTimeout(2000);
  console.log("UI BIG", await p2.getByRole("alert").allInnerTexts());
  await p2.getByLabel("Password").fill("wrong-password-xyz");
  await p2.getByRole("button", { name: "Sign in" }).click();
  await p2.waitForTimeout(2000);
  console.log("UI WRONG", await p2.getByRole("alert").allInnerTexts());
  console.log("THROTTLE", JSON.stringify(await db.signInThrottle.findMany()));
});
