// /merges, the review queue: an admin approves (with the keyboard), rejects, bulk-approves above a
// threshold after a preview count, and undoes a merge from the history; a member sees the queue
// read-only and proposes a merge for an admin. Each test seeds its own near-duplicate pair and candidate
// (e2e/fixtures/merges.ts); other tests' candidates may share the queue, so a test focuses its own.
import type { Locator, Page } from "@playwright/test";
import type { SeededPair } from "./fixtures/merges";
import { expect, test } from "./fixtures/test";

// Merges lock rows, snapshot them and recompute edges; on a busy two-core machine a test with several of
// them (plus sign-in) needs more than the default 30 s.
test.describe.configure({ timeout: 90_000 });

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function queueEntry(page: Page, pair: SeededPair) {
  return page
    .getByRole("navigation", { name: "Candidates, most uncertain first" })
    .getByRole("button")
    .filter({ hasText: new RegExp(escape(pair.nameA)) })
    .filter({ hasText: new RegExp(escape(pair.nameB)) });
}

async function pickPerson(form: Locator, label: "First person" | "Second person", name: string) {
  await form.getByRole("searchbox", { name: label }).fill(name);
  await form.getByRole("button", { name: new RegExp(escape(name)) }).click();
  await expect(form.getByText(name, { exact: true })).toBeVisible();
}

async function focusCandidate(page: Page, pair: SeededPair) {
  await queueEntry(page, pair).click();
  await expect(page.getByTestId("focused-candidate")).toHaveAttribute("data-candidate-id", pair.candidateId);
  return page.getByTestId("focused-candidate");
}

test("an admin approves a candidate with the a key: the pair is merged and shows in the history", async ({ asAdmin: page, merges, db }) => {
  const pair = await merges.pair({ probability: 0.62 });

  await page.goto("/merges");
  const focused = await focusCandidate(page, pair);
  // Side by side, with identities per source, and the waterfall ending at the candidate's probability.
  const comparison = focused.getByRole("table", { name: "Side-by-side comparison" });
  await expect(comparison).toContainText(pair.nameA);
  await expect(comparison).toContainText(pair.nameB);
  await expect(comparison).toContainText("LinkedIn:");
  await expect(comparison).toContainText("Head of Sales");
  await expect(focused.getByTestId("waterfall-row")).toHaveCount(8);
  await expect(focused.getByTestId("waterfall-probability")).toHaveText("62.0%");
  await expect(focused.getByRole("listitem", { name: /^Email: Same email name on another domain, \+8\.23/ })).toBeVisible();

  await page.keyboard.press("a");
  await expect(page.getByRole("status").filter({ hasText: "Merged" })).toBeVisible();
  await expect.poll(async () => (await db.mergeCandidate.findUnique({ where: { id: pair.candidateId } }))?.status).toBe("approved");
  const merge = await db.merge.findFirstOrThrow({ where: { candidateId: pair.candidateId } });
  expect([merge.survivorId, merge.mergedId].sort()).toEqual([pair.a.id, pair.b.id].sort());
  const merged = await db.person.findUniqueOrThrow({ where: { id: merge.mergedId } });
  expect(merged.deletedAt).not.toBeNull();

  await expect(queueEntry(page, pair)).toHaveCount(0);
  const row = page.locator(`[data-merge-id="${merge.id}"]`);
  await expect(row).toBeVisible();
  await expect(row).toContainText(/Reviewed/);
  await expect(row.getByRole("button", { name: /^Undo merge of/ })).toBeVisible();
});

test("an admin rejects a candidate: it leaves the queue and the pair is remembered as different people", async ({ asAdmin: page, merges, db }) => {
  const pair = await merges.pair({ probability: 0.55 });

  await page.goto("/merges");
  await focusCandidate(page, pair);
  await page.getByRole("button", { name: /Not the same person/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "will not be suggested again" })).toBeVisible();
  await expect(queueEntry(page, pair)).toHaveCount(0);

  await expect.poll(async () => (await db.mergeCandidate.findUnique({ where: { id: pair.candidateId } }))?.status).toBe("rejected");
  const decision = await db.mergeDecision.findFirst({ where: { personAId: pair.a.id, personBId: pair.b.id } });
  expect(decision?.decision).toBe("distinct");
  const both = await db.person.findMany({ where: { id: { in: [pair.a.id, pair.b.id] }, deletedAt: null } });
  expect(both).toHaveLength(2);

  await page.reload();
  await expect(page.getByTestId("review-queue")).toBeVisible();
  await expect(queueEntry(page, pair)).toHaveCount(0);

  // Not suggested again, not even by hand.
  const form = page.getByRole("form", { name: "Propose a merge" });
  await pickPerson(form, "First person", pair.nameA);
  await pickPerson(form, "Second person", pair.nameB);
  await form.getByRole("button", { name: "Propose merge" }).click();
  await expect(form.getByRole("alert")).toContainText("different people");
  expect((await db.mergeCandidate.findUniqueOrThrow({ where: { id: pair.candidateId } })).status).toBe("rejected");
});

test("skip moves on without deciding; j and k move through the queue", async ({ asAdmin: page, merges, db }) => {
  const first = await merges.pair({ probability: 0.51 });
  await merges.pair({ first: "Katharina Vogel", second: "Kathy Vogel", probability: 0.52 });

  await page.goto("/merges");
  await focusCandidate(page, first);
  await page.keyboard.press("s");
  await expect(page.getByRole("status").filter({ hasText: "Skipped" })).toBeVisible();
  await expect(page.getByTestId("focused-candidate")).not.toHaveAttribute("data-candidate-id", first.candidateId);
  expect((await db.mergeCandidate.findUniqueOrThrow({ where: { id: first.candidateId } })).status).toBe("pending");

  // Skipped, it went to the back of the queue: k moves to the one before it, j back again.
  await focusCandidate(page, first);
  await page.keyboard.press("k");
  await expect(page.getByTestId("focused-candidate")).not.toHaveAttribute("data-candidate-id", first.candidateId);
  await page.keyboard.press("j");
  await expect(page.getByTestId("focused-candidate")).toHaveAttribute("data-candidate-id", first.candidateId);

  await page.keyboard.press("?");
  await expect(page.getByRole("region", { name: "Keyboard shortcuts" })).toContainText("Approve");
});

test("the shortcut list is a disclosure: ? and the Shortcuts button open and close the same panel", async ({ asAdmin: page, merges }) => {
  const pair = await merges.pair({ probability: 0.53 });
  await page.goto("/merges");
  await focusCandidate(page, pair);

  const toggle = page.getByRole("button", { name: /^Shortcuts/ });
  const panel = page.getByRole("region", { name: "Keyboard shortcuts" });
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await expect(panel).toBeHidden();
  // The button names the panel it controls; the panel exists (hidden) before it is opened.
  const controlled = await toggle.getAttribute("aria-controls");
  expect(controlled).toBeTruthy();
  await expect(page.locator(`[id="${controlled}"]`)).toHaveCount(1);

  // ? opens it without taking focus, and it is no dialog.
  await page.keyboard.press("?");
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  await expect(panel).toBeVisible();
  await expect(panel).toHaveAttribute("id", controlled as string);
  await expect(panel).toContainText("Approve");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(panel).not.toBeFocused();

  // The button closes and reopens it (from the keyboard), Escape closes it.
  await toggle.focus();
  await page.keyboard.press("Enter");
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await expect(panel).toBeHidden();
  await page.keyboard.press("Space");
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  await expect(toggle).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(toggle).toHaveAttribute("aria-expanded", "false");

  // With single-key shortcuts off there is no list to show, and ? does nothing.
  await page.getByRole("checkbox", { name: "Single-key shortcuts" }).first().uncheck();
  await expect(toggle).toHaveCount(0);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press("?");
  await expect(panel).toHaveCount(0);
  await page.getByRole("checkbox", { name: "Single-key shortcuts" }).first().check();
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
});

test("bulk approve shows the count first, then merges every candidate above the threshold", async ({ asAdmin: page, merges, db }) => {
  const high = [
    await merges.pair({ probability: 0.99985 }),
    await merges.pair({ first: "Margaret Chen", second: "Maggie Chen", probability: 0.99992 }),
  ];
  const low = await merges.pair({ first: "William Park", second: "Bill Park", probability: 0.6 });
  const threshold = 0.9998;

  await page.goto("/merges");
  const bulk = page.getByTestId("bulk-approve");
  await bulk.getByRole("spinbutton").fill(String(threshold));
  await bulk.getByRole("button", { name: "Preview" }).click();
  const expected = await db.mergeCandidate.count({ where: { status: "pending", probability: { gte: threshold } } });
  expect(expected).toBeGreaterThanOrEqual(2);
  await expect(bulk.getByTestId("bulk-preview")).toHaveText(`${expected} candidates ≥ ${threshold} will be merged.`);
  // Nothing has changed yet.
  for (const pair of high) expect((await db.mergeCandidate.findUniqueOrThrow({ where: { id: pair.candidateId } })).status).toBe("pending");

  await bulk.getByRole("button", { name: `Merge ${expected}` }).click();
  await expect(bulk.getByRole("status").filter({ hasText: `${expected} merged` })).toBeVisible();
  for (const pair of high) expect((await db.mergeCandidate.findUniqueOrThrow({ where: { id: pair.candidateId } })).status).toBe("approved");
  expect((await db.mergeCandidate.findUniqueOrThrow({ where: { id: low.candidateId } })).status).toBe("pending");
  for (const pair of high) await expect(queueEntry(page, pair)).toHaveCount(0);
  await expect(queueEntry(page, low)).toHaveCount(1);
});

test("undo from the history brings both people back", async ({ asAdmin: page, merges, db }) => {
  const pair = await merges.pair({ probability: 0.7 });
  const before = await db.person.findMany({ where: { id: { in: [pair.a.id, pair.b.id] } }, orderBy: { id: "asc" } });

  await page.goto("/merges");
  await focusCandidate(page, pair);
  await page.getByRole("button", { name: /Approve merge/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "Merged" })).toBeVisible();
  const merge = await db.merge.findFirstOrThrow({ where: { candidateId: pair.candidateId } });

  const row = page.locator(`[data-merge-id="${merge.id}"]`);
  await row.getByRole("button", { name: /^Undo merge of/ }).click();
  await row.getByRole("button", { name: /^Confirm undo/ }).click();
  await expect(row.getByRole("status")).toContainText("both people are back");
  await expect(row.getByText("Undone", { exact: true })).toBeVisible();

  const after = await db.person.findMany({ where: { id: { in: [pair.a.id, pair.b.id] } }, orderBy: { id: "asc" } });
  expect(after.map((person) => person.deletedAt)).toEqual([null, null]);
  expect(after.map((person) => [person.names, person.emails, person.phones, person.previousIds])).toEqual(
    before.map((person) => [person.names, person.emails, person.phones, person.previousIds]),
  );
  expect((await db.merge.findUniqueOrThrow({ where: { id: merge.id } })).undoneAt).not.toBeNull();
  // The candidate goes back to the queue for a fresh decision, at once and after a reload.
  await expect(queueEntry(page, pair)).toHaveCount(1);
  await page.reload();
  await expect(queueEntry(page, pair)).toHaveCount(1);
});

test("a member sees the queue read-only and proposes a merge for an admin", async ({ asMember: page, member, merges, seed, db }) => {
  const pair = await merges.pair({ probability: 0.58 });
  const first = await merges.person({ names: [seed.name("Theodora Quist")] });
  const second = await merges.person({ names: [seed.name("Teddy Quist")] });

  await page.goto("/merges");
  await focusCandidate(page, pair);
  await expect(page.getByRole("button", { name: /Approve merge/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Not the same person/ })).toHaveCount(0);
  await page.keyboard.press("a");
  await expect(page.getByText("Read-only: an admin decides.")).toBeVisible();
  expect((await db.mergeCandidate.findUniqueOrThrow({ where: { id: pair.candidateId } })).status).toBe("pending");
  await expect(page.getByRole("heading", { name: "Bulk approve" })).toHaveCount(0);

  const form = page.getByRole("form", { name: "Propose a merge" });
  await pickPerson(form, "First person", first.names[0] ?? "");
  await pickPerson(form, "Second person", second.names[0] ?? "");
  await form.getByRole("textbox", { name: /Why they are the same person/ }).fill("Same person, Teddy is a nickname");
  await form.getByRole("button", { name: "Propose merge" }).click();
  await expect(form.getByRole("status")).toContainText("An admin will review it");

  const [personAId, personBId] = [first.id, second.id].sort();
  const proposal = await db.mergeCandidate.findFirstOrThrow({ where: { personAId, personBId } });
  expect(proposal.status).toBe("pending");
  expect(proposal.proposedById).toBe(member.id);
  expect(proposal.proposalNote).toBe("Same person, Teddy is a nickname");
});

test("approving a pair whose person was deleted meanwhile shows why and merges nothing", async ({ asAdmin: page, merges, db }) => {
  const pair = await merges.pair({ probability: 0.66 });

  await page.goto("/merges");
  await focusCandidate(page, pair);
  // Someone deletes one side after the queue was loaded.
  await db.person.update({ where: { id: pair.b.id }, data: { deletedAt: new Date() } });
  await page.keyboard.press("a");
  await expect(page.getByRole("alert").filter({ hasText: /deleted/ })).toBeVisible();
  expect(await db.merge.count({ where: { candidateId: pair.candidateId } })).toBe(0);
  expect((await db.mergeCandidate.findUniqueOrThrow({ where: { id: pair.candidateId } })).status).toBe("pending");
  expect((await db.person.findUniqueOrThrow({ where: { id: pair.a.id } })).deletedAt).toBeNull();
});

test("on a phone (390 px) /merges stays within the screen: history, waterfall and the propose results", async ({ asMember: page, merges, seed, db }) => {
  const pair = await merges.pair({ probability: 0.61 });
  // A merge in the history: the member's last column has a visually hidden heading, which once pushed the page sideways.
  await db.merge.create({ data: { survivorId: pair.a.id, mergedId: pair.b.id, method: "manual", explanation: "Seeded for the phone layout check", snapshot: {}, correlationId: seed.token } });
  const organization = await seed.organization({ name: seed.name("Brightlane Payments International") });
  await merges.person({ names: [seed.name("Yan Li")], title: "Senior Sales Development Representative, EMEA", organization });
  const noSideways = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/merges");
  const focused = await focusCandidate(page, pair);
  await expect(page.locator(`[data-merge-id]`).first()).toBeVisible();
  expect(await noSideways()).toBeLessThanOrEqual(0);

  // The waterfall's labels go above the bars, so the bars keep most of the width (they were 6 px wide).
  const bar = focused.getByTestId("waterfall-row").first().locator("> span").nth(1);
  expect((await bar.boundingBox())?.width ?? 0).toBeGreaterThan(150);

  const form = page.getByRole("form", { name: "Propose a merge" });
  await form.getByRole("searchbox", { name: "First person" }).fill(seed.name("Yan Li"));
  const results = form.getByRole("list", { name: "First person: matches" });
  await expect(results.getByRole("button")).toHaveCount(1);
  const [formBox, resultsBox] = [await form.boundingBox(), await results.boundingBox()];
  expect((resultsBox?.x ?? 0) + (resultsBox?.width ?? 0)).toBeLessThanOrEqual((formBox?.x ?? 0) + (formBox?.width ?? 0));
  expect(await noSideways()).toBeLessThanOrEqual(0);
});
