// Warm-intro paths end to end: a member whose account is linked to their own person searches a target in
// the typeahead, reads the paths with their factors, expands a hop, opens the path in the graph, clicks an
// edge and reads its factor panel. Screenshots of each step are attached to the report. Also: a deleted
// target is "not in the graph", absurd parameters show the allowed ranges, no path within the hop limit
// says so with the nearest people, and the person page shows identities per source and the timeline.
import type { Page, TestInfo } from "@playwright/test";
import { signedInAs } from "./fixtures/auth";
import { seedIntroNetwork } from "./fixtures/intro-network";
import { expect, test } from "./fixtures/test";

/** The path index is a snapshot refreshed every few seconds: wait until it knows the new people. */
async function waitForPathIndex(page: Page, to: string): Promise<void> {
  await expect.poll(async () => (await page.request.get(`/api/paths?to=${to}`)).status(), { timeout: 20_000, intervals: [500, 1000] }).toBe(200);
}

async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: "image/png" });
}

test("the graph opens on the signed-in member's own network", async ({ browser, seed, users }) => {
  test.setTimeout(60_000);
  const world = await seedIntroNetwork(seed);
  const { page, close } = await signedInAs(browser, users, world.me.emails[0] as string);
  try {
    await page.goto("/graph");
    await expect(page.getByRole("heading", { level: 1, name: `${world.me.names[0]}’s network` })).toBeVisible();
    const canvas = page.getByTestId("graph-canvas");
    await expect(canvas).toHaveAttribute("data-ready", "true", { timeout: 30_000 });
    const drawn = await page.evaluate(() => window.__wigCy?.nodes().map((node) => node.id()) ?? []);
    expect(drawn).toEqual(expect.arrayContaining([world.me.id, world.ana.id, world.cy.id]));
  } finally {
    await close();
  }
});

test("search a target, read the paths and their factors, open the graph and an edge's factor panel", async ({ browser, seed, users }, testInfo) => {
  test.setTimeout(90_000);
  const world = await seedIntroNetwork(seed);
  const { page, user, close } = await signedInAs(browser, users, world.me.emails[0] as string);
  expect(user.personId).toBe(world.me.id);
  try {
    await waitForPathIndex(page, world.tara.id);
    await page.goto("/");
    const box = page.getByRole("combobox", { name: "Who do you want to meet?" });
    await box.fill(world.tara.names[0] as string);
    const option = page.getByRole("option").filter({ hasText: world.tara.names[0] as string });
    await expect(option).toHaveCount(1);
    await box.press("ArrowDown");
    await box.press("Enter");
    await expect(page).toHaveURL((url) => url.searchParams.get("to") === world.tara.id);

    const best = page.locator('li[aria-label^="Path 1:"]');
    await expect(page.locator('li[aria-label^="Path 1:"]')).toHaveAttribute("aria-label", `Path 1: ${[world.me, world.ana, world.ben, world.tara].map((p) => p.names[0]).join(" → ")}`);
    await expect(page.locator('li[aria-label^="Path 2:"]')).toBeVisible();
    await expect(best.getByTestId("weakest-link")).toContainText("weakest link is hop 3");
    await expect(best.getByText("Recency").first()).toBeVisible();
    await shot(page, testInfo, "1-paths");

    const firstPath = best;
    await firstPath.getByRole("button", { name: /Hop 1:/ }).click();
    const factors = firstPath.getByRole("table", { name: "Strength factors" });
    await expect(factors).toBeVisible();
    await expect(factors.locator('tr[data-factor="recency"]')).toContainText("Recency");
    await expect(firstPath.getByTestId("factor-panel")).toContainText(`${world.me.names[0]} → ${world.ana.names[0]}`);
    await shot(page, testInfo, "2-hop-factors");

    await firstPath.getByRole("link", { name: "Show in graph" }).click();
    await expect(page).toHaveURL((url) => url.pathname === "/graph" && url.searchParams.get("person") === world.tara.id && url.searchParams.get("path")?.split(",").length === 4);
    const canvas = page.getByTestId("graph-canvas");
    await expect(canvas).toHaveAttribute("data-ready", "true", { timeout: 30_000 });
    await expect(page.getByText("Intro path highlighted")).toBeVisible();
    await shot(page, testInfo, "3-graph-path");

    // Click the middle of the highlighted edge Ana — Ben.
    const point = await page.evaluate(
      ([a, b]) => {
        const cy = window.__wigCy;
        if (!cy) throw new Error("no graph");
        const edge = cy.edges().filter((e) => (e.data("source") === a && e.data("target") === b) || (e.data("source") === b && e.data("target") === a));
        const mid = edge.renderedMidpoint();
        const box = cy.container()?.getBoundingClientRect();
        return { x: (box?.left ?? 0) + mid.x, y: (box?.top ?? 0) + mid.y };
      },
      [world.ana.id, world.ben.id] as const,
    );
    await page.mouse.click(point.x, point.y);
    const panel = page.getByLabel("Relationship factors");
    await expect(panel).toBeVisible();
    await expect(panel.getByRole("table", { name: "Strength factors" }).first()).toBeVisible();
    await expect(panel).toContainText(`${world.ana.names[0]} → ${world.ben.names[0]}`);
    await shot(page, testInfo, "4-edge-factors");
  } finally {
    await close();
  }
});

test("an organization target, no path within the hop limit, and absurd parameters", async ({ browser, seed, users }, testInfo) => {
  test.setTimeout(90_000);
  const world = await seedIntroNetwork(seed);
  const { page, close } = await signedInAs(browser, users, world.me.emails[0] as string);
  try {
    await waitForPathIndex(page, world.org.id);
    await page.goto(`/?to=${world.org.id}&maxHops=1`);
    const noPath = page.getByTestId("no-path");
    await expect(noPath).toContainText("No path within 1 hop");
    await expect(noPath).toContainText(`anyone at ${world.org.name}`);
    await shot(page, testInfo, "no-path");

    await page.goto(`/?to=${world.org.id}&maxHops=10&k=10000`);
    const alert = page.getByRole("alert").filter({ hasText: "out of range" });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText("maxHops in 1..4");
  } finally {
    await close();
  }
});

test("a deleted target is not found, and its typeahead hit never appears", async ({ browser, seed, users }) => {
  test.setTimeout(90_000);
  const world = await seedIntroNetwork(seed);
  const gone = await seed.person({ names: [seed.name("Gina Gone")], deleted: true });
  const { page, close } = await signedInAs(browser, users, world.me.emails[0] as string);
  try {
    const api = await page.request.get(`/api/paths?to=${gone.id}`);
    expect(api.status()).toBe(404);
    const search = await page.request.get(`/api/search?q=${encodeURIComponent(seed.name("Gina"))}`);
    expect(search.status()).toBe(200);
    expect(((await search.json()) as { hits: unknown[] }).hits).toEqual([]);

    await page.goto(`/?to=${gone.id}`);
    await expect(page.getByRole("alert").filter({ hasText: "not in the graph" })).toContainText("They may have been deleted or merged");
    // A typed domain nobody has is told apart from a record that is gone.
    await page.goto(`/?to=${encodeURIComponent("nowhere.example")}`);
    await expect(page.getByRole("alert").filter({ hasText: "Nobody in the graph matches that" })).toContainText(
      'No person or organization matches "nowhere.example". Check the spelling',
    );
  } finally {
    await close();
  }
});

test("the person page shows identities per source, the timeline and top factors", async ({ asMember: page, seed, db }, testInfo) => {
  test.setTimeout(90_000);
  const world = await seedIntroNetwork(seed);
  const email = world.ana.emails[0] as string;
  await db.personIdentity.createMany({
    data: [
      { personId: world.ana.id, sourceName: "linkedin", sourceId: `li-${seed.token}` },
      { personId: world.ana.id, sourceName: "gmail", sourceId: email },
    ],
  });
  const now = new Date();
  await seed.interaction({ participants: [email], channel: "meeting", timestamp: new Date(now.getTime() - 20 * 86_400_000) });
  await seed.interaction({ participants: [email], channel: "email", timestamp: new Date(now.getTime() - 50 * 86_400_000) });

  await page.goto(`/people/${world.ana.id}`);
  const identities = page.getByTestId("source-identities");
  await expect(identities).toContainText("LinkedIn");
  await expect(identities).toContainText(`li-${seed.token}`);
  await expect(identities).toContainText("Gmail");
  await expect(page.getByTestId("interaction-timeline")).toBeVisible();
  await expect(page.getByText("2 interactions in the last 24 months, by channel.")).toBeVisible();
  await expect(page.getByRole("list", { name: "Top factors" }).first()).toContainText("Recency");
  await shot(page, testInfo, "person");
});

test("a member sets and clears their own judgement of a relationship on the person page", async ({ browser, seed, users }) => {
  test.setTimeout(90_000);
  const world = await seedIntroNetwork(seed);
  const { page, close } = await signedInAs(browser, users, world.me.emails[0] as string);
  try {
    await page.goto(`/people/${world.ana.id}`);
    const control = page.getByRole("region", { name: "Your relationship" });
    await control.getByRole("button", { name: /I know them well/ }).click();
    await expect(control.getByRole("status")).toContainText("Saved");
    await expect(control.getByRole("button", { name: /I know them well/ })).toHaveAttribute("aria-pressed", "true");
    await control.getByRole("button", { name: "Clear my judgement" }).click();
    await expect(control.getByRole("status")).toContainText("Cleared");
  } finally {
    await close();
  }
});
