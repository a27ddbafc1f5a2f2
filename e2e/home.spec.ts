// Home: headline counts and the people search (a GET form with ?q=, results linking to /people/<id>).
// Every page needs a session: `asMember` is a page already signed in as a fresh member.
import { readHeadlineCount } from "./support/page-helpers";
import { expect, test } from "./fixtures/test";

test("shows the number of people that are not deleted", async ({ asMember: page, db, seed }) => {
  await seed.person();
  await seed.person({ deleted: true });

  // Other specs seed and clean up in parallel, so compare against counts taken just before and just
  // after the page rendered, and retry until nothing changed in between.
  await expect(async () => {
    const before = await db.person.count({ where: { deletedAt: null } });
    await page.goto("/");
    const shown = await readHeadlineCount(page, "People");
    const after = await db.person.count({ where: { deletedAt: null } });
    expect(before, "people changed while the page loaded; retrying").toBe(after);
    expect(shown).toBeGreaterThanOrEqual(1);
    expect(shown).toBe(before);
  }).toPass({ timeout: 20_000 });
});

test("search finds a person by name and links to their profile", async ({ asMember: page, seed }) => {
  const name = seed.name("Ada");
  const email = seed.email("ada");
  const person = await seed.person({ names: [name, "A. Lovelace"], emails: [email] });

  await page.goto("/");
  const search = page.getByRole("search").getByRole("searchbox").or(page.locator('form input[name="q"]')).first();
  await search.fill(name);
  await search.press("Enter");
  await expect(page).toHaveURL((url) => url.pathname === "/" && url.searchParams.get("q") === name);

  const link = page.getByRole("link", { name, exact: true });
  await expect(link).toHaveCount(1);
  await expect(link).toHaveAttribute("href", `/people/${person.id}`);

  await link.click();
  await expect(page).toHaveURL(`/people/${person.id}`);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByText(email, { exact: true }).first()).toBeVisible();
});

test("search never shows a soft-deleted person", async ({ asMember: page, seed }) => {
  // Same display name for both: whatever the matching rules, a query that finds one finds the other,
  // so the visible one proves the search ran and the deleted one's absence means something.
  const name = seed.name("Grace");
  const visible = await seed.person({ names: [name] });
  const deleted = await seed.person({ names: [name], deleted: true });

  await page.goto(`/?q=${encodeURIComponent(name)}`);
  await expect(page.locator(`a[href="/people/${visible.id}"]`)).toHaveCount(1);
  await expect(page.locator(`a[href="/people/${deleted.id}"]`)).toHaveCount(0);
  await expect(page.getByRole("link", { name, exact: true })).toHaveCount(1);

  // And searching by the deleted person's email finds no one.
  await page.goto(`/?q=${encodeURIComponent(deleted.emails[0] ?? "")}`);
  await expect(page.locator(`a[href="/people/${deleted.id}"]`)).toHaveCount(0);
  await expect(page.getByText(deleted.emails[0] ?? "", { exact: true })).toHaveCount(0);
});

test("search says when it shows only the first matches", async ({ asMember: page, seed }) => {
  const token = seed.name("Many");
  for (let index = 0; index < 21; index += 1) await seed.person({ names: [`${token} ${String(index).padStart(2, "0")}`] });

  await page.goto(`/?q=${encodeURIComponent(token)}`);
  await expect(page.getByRole("list", { name: `Search results for ${token}` }).getByRole("listitem")).toHaveCount(20);
  await expect(page.getByText("Showing the first 20 of 21 matches.")).toBeVisible();

  await page.goto(`/?q=${encodeURIComponent(`${token} 00`)}`);
  await expect(page.getByRole("list", { name: `Search results for ${token} 00` }).getByRole("listitem")).toHaveCount(1);
  await expect(page.getByText(/Showing the first/)).toHaveCount(0);
});
