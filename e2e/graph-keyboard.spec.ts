// The graph canvas without a mouse (components/graph/graph-keyboard.ts): Tab into the canvas, arrows move the
// keyboard focus to the person drawn nearest that way, Enter opens their card and recentres on them, Shift+Enter
// and e step through their ties, Enter on a tie opens its factor panel, Escape comes back. Every step is checked
// where a screen-reader user hears it (the polite live region) and where a sighted one sees it (the kb-focus class
// on the Cytoscape element). Seeds the small intro network (fixtures/intro-network.ts) and signs in as its "me".
import type { Page, TestInfo } from "@playwright/test";
import { nearestInDirection, toNodePoints, type Direction } from "../components/graph/keyboard-nav";
import { signedInAs } from "./fixtures/auth";
import { seedIntroNetwork } from "./fixtures/intro-network";
import { expect, test } from "./fixtures/test";

const ARROWS: Record<Direction, string> = { left: "ArrowLeft", right: "ArrowRight", up: "ArrowUp", down: "ArrowDown" };

async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: "image/png" });
}

/** Ids of the elements carrying the keyboard focus class. */
async function keyboardFocused(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__wigCy?.elements(".kb-focus").map((element) => element.id()) ?? []);
}

/** Tabs from the top of the page until the canvas has focus (the route a keyboard user takes). */
async function tabToCanvas(page: Page): Promise<void> {
  const canvas = page.getByTestId("graph-canvas");
  for (let presses = 0; presses < 60; presses++) {
    await page.keyboard.press("Tab");
    if (await canvas.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error("Tab never reached the graph canvas");
}

/** The arrow pointing from one node to another, and the node the canvas should move to with it. */
async function arrowTowards(page: Page, fromId: string, towardsId: string): Promise<{ direction: Direction; expected: string }> {
  const nodes = await page.evaluate(() => window.__wigCy?.nodes().map((node) => ({ id: node.id(), ...node.position() })) ?? []);
  const from = nodes.find((node) => node.id === fromId);
  const towards = nodes.find((node) => node.id === towardsId);
  if (!from || !towards) throw new Error("node not drawn");
  const dx = towards.x - from.x;
  const dy = towards.y - from.y;
  const direction: Direction = Math.abs(dx) >= Math.abs(dy) ? (dx > 0 ? "right" : "left") : dy > 0 ? "down" : "up";
  const points = toNodePoints(nodes);
  const index = nearestInDirection(points, points.ids.indexOf(fromId), direction);
  return { direction, expected: points.ids[index ?? -1] ?? "" };
}

test("the canvas without a mouse: move between people, open a card and recentre, step to a tie and open its factors", async ({ browser, seed, users }, testInfo) => {
  test.setTimeout(90_000);
  const world = await seedIntroNetwork(seed);
  const name = (person: { names: string[] }) => person.names[0] as string;
  const { page, close } = await signedInAs(browser, users, world.me.emails[0] as string);
  try {
    await page.goto("/graph");
    const canvas = page.getByRole("application", { name: `Network of ${name(world.me)}: 2 people` });
    await expect(page.getByTestId("graph-canvas")).toHaveAttribute("data-ready", "true", { timeout: 30_000 });
    await expect(canvas).toHaveAttribute("tabindex", "0");
    const announcer = page.getByTestId("graph-announcer");
    await expect(announcer).toHaveAttribute("aria-live", "polite");

    // Tab in: the focus starts on the person at the centre.
    await tabToCanvas(page);
    await expect(canvas).toBeFocused();
    await expect(announcer).toHaveText(`${name(world.me)}, at the centre: 2 links.`);
    expect(await keyboardFocused(page)).toEqual([world.me.id]);

    // An arrow moves to the person drawn nearest that way (the layout is random: ask where Ana was drawn).
    const towardsAna = await arrowTowards(page, world.me.id, world.ana.id);
    expect(towardsAna.expected).not.toBe("");
    await page.keyboard.press(ARROWS[towardsAna.direction]);
    await expect.poll(() => keyboardFocused(page)).toEqual([towardsAna.expected]);
    // Home goes back to the centre, from where the same arrow is repeatable.
    await page.keyboard.press("Home");
    await expect.poll(() => keyboardFocused(page)).toEqual([world.me.id]);
    // Walk to Ana (she is one or two arrow presses away in a three-person view).
    for (let presses = 0; presses < 4 && !(await keyboardFocused(page)).includes(world.ana.id); presses++) {
      const step = await arrowTowards(page, (await keyboardFocused(page))[0] as string, world.ana.id);
      await page.keyboard.press(ARROWS[step.direction]);
    }
    await expect.poll(() => keyboardFocused(page)).toEqual([world.ana.id]);
    await expect(announcer).toHaveText(`${name(world.ana)}: 1 link.`);
    await shot(page, testInfo, "1-person-focused");

    // Enter: Ana's card opens and the graph recentres on her, as a click does; the focus stays on the canvas.
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL((url) => url.pathname === "/graph" && url.searchParams.get("person") === world.ana.id);
    await expect(page.getByRole("heading", { level: 1, name: `${name(world.ana)}’s network` })).toBeVisible();
    await expect(page.getByRole("group", { name: "Person card" })).toContainText(name(world.ana));
    const anaCanvas = page.getByRole("application", { name: `Network of ${name(world.ana)}: 2 people` });
    await expect(anaCanvas).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId("graph-canvas")).toHaveAttribute("data-ready", "true", { timeout: 30_000 });
    await expect(anaCanvas).toBeFocused();
    await expect(announcer).toHaveText(`${name(world.ana)}, at the centre: 2 links.`);
    await expect.poll(() => keyboardFocused(page)).toEqual([world.ana.id]);

    // Her ties, strongest first: Mia (85), then Ben (75); Shift+Enter and e both step, Shift+E goes back.
    const meAna = [world.me.id, world.ana.id].sort().join(":");
    const anaBen = [world.ana.id, world.ben.id].sort().join(":");
    await page.keyboard.press("Shift+Enter");
    await expect(announcer).toHaveText(`Tie 1 of 2: ${name(world.ana)} and ${name(world.me)}, strength 85. Enter opens its factors.`);
    await expect.poll(() => keyboardFocused(page)).toEqual([meAna]);
    await page.keyboard.press("e");
    await expect(announcer).toHaveText(`Tie 2 of 2: ${name(world.ana)} and ${name(world.ben)}, strength 75. Enter opens its factors.`);
    await expect.poll(() => keyboardFocused(page)).toEqual([anaBen]);
    await page.keyboard.press("Shift+E");
    await expect.poll(() => keyboardFocused(page)).toEqual([meAna]);
    await page.keyboard.press("e");
    await expect.poll(() => keyboardFocused(page)).toEqual([anaBen]);
    await shot(page, testInfo, "2-tie-focused");

    // Enter on the tie: its factor panel opens (the edge selected, as a click does) and takes the focus.
    await page.keyboard.press("Enter");
    const panel = page.getByRole("region", { name: "Relationship factors" });
    await expect(panel).toBeFocused();
    await expect(panel.getByRole("table", { name: "Strength factors" }).first()).toBeVisible();
    await expect(panel).toContainText(name(world.ana));
    await expect(panel).toContainText(name(world.ben));
    expect(await page.evaluate(() => window.__wigCy?.edges(":selected").map((edge) => edge.id()))).toEqual([anaBen]);

    // Escape from the panel: back on the canvas, on the same tie; Escape again: back on Ana.
    await page.keyboard.press("Escape");
    await expect(anaCanvas).toBeFocused();
    await expect(announcer).toHaveText(`Tie 2 of 2: ${name(world.ana)} and ${name(world.ben)}, strength 75. Enter opens its factors.`);
    await expect.poll(() => keyboardFocused(page)).toEqual([anaBen]);
    await page.keyboard.press("Escape");
    await expect(announcer).toHaveText(`${name(world.ana)}, at the centre: 2 links.`);
    await expect.poll(() => keyboardFocused(page)).toEqual([world.ana.id]);

    // Leaving the canvas hides the keyboard focus.
    await page.keyboard.press("Tab");
    await expect(anaCanvas).not.toBeFocused();
    await expect.poll(() => keyboardFocused(page)).toEqual([]);
  } finally {
    await close();
  }
});

test("with single-key shortcuts off, e does nothing on the canvas and Shift+Enter still steps through ties", async ({ browser, seed, users }) => {
  test.setTimeout(90_000);
  const world = await seedIntroNetwork(seed);
  const { page, close } = await signedInAs(browser, users, world.me.emails[0] as string);
  try {
    await page.goto("/graph");
    await expect(page.getByTestId("graph-canvas")).toHaveAttribute("data-ready", "true", { timeout: 30_000 });
    // The app-wide switch, shown beside the graph's key list.
    const keys = page.getByRole("region", { name: "Keyboard" });
    const toggle = keys.getByRole("checkbox", { name: "Single-key shortcuts" });
    await toggle.focus();
    await page.keyboard.press("Space");
    await expect(toggle).not.toBeChecked();
    // The list drops the single-character keys (e, Shift+E); Shift+Enter stays.
    await expect(keys.locator("kbd").filter({ hasText: /^(e|Shift\+E)$/ })).toHaveCount(0);
    await expect(keys.locator("kbd").filter({ hasText: /^Shift\+Enter$/ })).toHaveCount(1);

    await tabToCanvas(page);
    const announcer = page.getByTestId("graph-announcer");
    await expect(announcer).toHaveText(`${world.me.names[0]}, at the centre: 2 links.`);
    await page.keyboard.press("e");
    await expect.poll(() => keyboardFocused(page)).toEqual([world.me.id]);
    await expect(announcer).toHaveText(`${world.me.names[0]}, at the centre: 2 links.`);
    await page.keyboard.press("Shift+Enter");
    await expect(announcer).toHaveText(new RegExp(`^Tie 1 of 2: ${world.me.names[0]} and ${world.ana.names[0]}, strength 85\\.`));
  } finally {
    await close();
  }
});
