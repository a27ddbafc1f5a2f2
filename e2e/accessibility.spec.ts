// Automated accessibility checks (axe-core, WCAG 2.1 A and AA rules) on the main screens, each in the
// state a person actually uses it: search with results, the typeahead open and intro paths with a hop
// expanded, a person's profile, the graph drawn, the merge review queue with a candidate, the sync
// dashboard, and the sign-in screen. A test fails on any "serious" or "critical" violation; the full axe
// results are attached to the report. Axe cannot judge everything (keyboard use, focus order, what a
// screen reader says): these checks catch regressions in what it can.
import AxeBuilder from "@axe-core/playwright";
import type { Page, TestInfo } from "@playwright/test";
import { signedInAs } from "./fixtures/auth";
import type { Seeder } from "./fixtures/seed";
import { seedIntroNetwork } from "./fixtures/intro-network";
import { expect, test } from "./fixtures/test";

const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** Runs axe on the page as it is now and fails on serious or critical violations, listing each one. */
async function expectNoSeriousViolations(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  await testInfo.attach(`axe-${name}.json`, { body: JSON.stringify(results.violations, null, 2), contentType: "application/json" });
  const serious = results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .flatMap((violation) => violation.nodes.map((node) => `${violation.id} (${violation.impact}): ${node.target.join(" ")} — ${node.failureSummary ?? violation.help}`));
  expect(serious, `axe found serious or critical violations on ${name} (${page.url()})`).toEqual([]);
}

/** The intro network (fixtures/intro-network.ts), with Ana at the target organization and some history of hers. */
async function seedNetwork(seed: Seeder) {
  const { org, me, ana, tara } = await seedIntroNetwork(seed);
  await seed.db.person.update({ where: { id: ana.id }, data: { organizationId: org.id } });
  const email = ana.emails[0] as string;
  await seed.db.personIdentity.createMany({
    data: [
      { personId: ana.id, sourceName: "linkedin", sourceId: `li-${seed.token}` },
      { personId: ana.id, sourceName: "gmail", sourceId: email },
    ],
  });
  const now = Date.now();
  await seed.interaction({ participants: [email], channel: "meeting", timestamp: new Date(now - 20 * 86_400_000) });
  await seed.interaction({ participants: [email], channel: "email", timestamp: new Date(now - 50 * 86_400_000) });
  return { me, ana, tara };
}

test.describe("no serious or critical axe violations", () => {
  test("search: results, the open typeahead, intro paths with a hop expanded", async ({ browser, seed, users }, testInfo) => {
    test.setTimeout(90_000);
    const world = await seedNetwork(seed);
    // A member linked to their own person, so intro paths start from them.
    const { page, close } = await signedInAs(browser, users, world.me.emails[0] as string);
    try {
      const name = world.ana.names[0] as string;
      await page.goto(`/?q=${encodeURIComponent(name)}`);
      await expect(page.getByRole("list", { name: `Search results for ${name}` }).getByRole("listitem")).toHaveCount(1);
      await expectNoSeriousViolations(page, testInfo, "search results");

      const box = page.getByRole("combobox", { name: "Who do you want to meet?" });
      await box.fill(world.tara.names[0] as string);
      await expect(page.getByRole("option").filter({ hasText: world.tara.names[0] as string })).toHaveCount(1);
      await expectNoSeriousViolations(page, testInfo, "typeahead open");
      await box.fill(`nobody-${seed.token}`);
      await expect(page.getByRole("status").filter({ hasText: "No one matches" })).toBeVisible();
      await expectNoSeriousViolations(page, testInfo, "typeahead without matches");

      // The path index is a snapshot refreshed every few seconds: wait until it knows the new people.
      await expect.poll(async () => (await page.request.get(`/api/paths?to=${world.tara.id}`)).status(), { timeout: 20_000, intervals: [500, 1000] }).toBe(200);
      await page.goto(`/?to=${world.tara.id}`);
      const best = page.locator('li[aria-label^="Path 1:"]');
      await expect(best).toBeVisible();
      await best.getByRole("button", { name: /Hop 1:/ }).click();
      await expect(best.getByRole("table", { name: "Strength factors" })).toBeVisible();
      await expectNoSeriousViolations(page, testInfo, "intro paths");
    } finally {
      await close();
    }
  });

  test("a person's profile", async ({ asMember: page, seed }, testInfo) => {
    const world = await seedNetwork(seed);
    await page.goto(`/people/${world.ana.id}`);
    await expect(page.getByRole("heading", { level: 1, name: world.ana.names[0] })).toBeVisible();
    await expect(page.getByTestId("interaction-timeline")).toBeVisible();
    await expectNoSeriousViolations(page, testInfo, "person");
  });

  test("the graph, drawn", async ({ browser, seed, users }, testInfo) => {
    test.setTimeout(60_000);
    const world = await seedNetwork(seed);
    const { page, close } = await signedInAs(browser, users, world.me.emails[0] as string);
    try {
      await page.goto("/graph");
      await expect(page.getByTestId("graph-canvas")).toHaveAttribute("data-ready", "true", { timeout: 30_000 });
      // The canvas container stays in: it is one focusable role="application" with a name and a description
      // of its keys (the people drawn are also listed as links under "Strongest ties"), and Cytoscape's <canvas>
      // layers inside it carry no text to check.
      await expectNoSeriousViolations(page, testInfo, "graph");

      // With the keyboard focus on the canvas: the ring, the key hint and the live region are shown.
      const canvas = page.getByRole("application", { name: /^Network of / });
      await page.getByRole("form", { name: "Graph filters" }).getByRole("combobox").last().focus();
      await page.keyboard.press("Tab");
      await expect(canvas).toBeFocused();
      await expect(page.getByTestId("graph-announcer")).toHaveText(/, at the centre: \d+ links?\.$/);
      await expectNoSeriousViolations(page, testInfo, "graph with keyboard focus");

      // Without a pointer: a tie's factors open from the list, and focus moves to them.
      const ana = world.ana.names[0] as string;
      await page.getByRole("button", { name: new RegExp(`^Factors of .+'s tie with ${ana}$`) }).focus();
      await page.keyboard.press("Enter");
      const panel = page.getByRole("region", { name: "Relationship factors" });
      await expect(panel).toBeFocused();
      await expect(panel.getByRole("region", { name: new RegExp(`→ ${ana}$`) })).toBeVisible();
      await expectNoSeriousViolations(page, testInfo, "graph with a tie's factors");
    } finally {
      await close();
    }
  });

  test("the merge review queue", async ({ asAdmin: page, merges }, testInfo) => {
    const pair = await merges.pair({ probability: 0.7 });
    await page.goto("/merges");
    await page
      .getByRole("navigation", { name: "Candidates, most uncertain first" })
      .getByRole("button")
      .filter({ hasText: pair.nameA })
      .filter({ hasText: pair.nameB })
      .click();
    await expect(page.getByTestId("focused-candidate")).toHaveAttribute("data-candidate-id", pair.candidateId);
    await expectNoSeriousViolations(page, testInfo, "merges");
  });

  test("the sync dashboard", async ({ asAdmin: page }, testInfo) => {
    await page.goto("/admin/sync");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByRole("form", { name: "Import a file" })).toBeVisible();
    await expectNoSeriousViolations(page, testInfo, "sync");
  });

  test("the sign-in screen", async ({ page }, testInfo) => {
    await page.goto("/signin");
    await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
    await expectNoSeriousViolations(page, testInfo, "sign-in");
  });
});
