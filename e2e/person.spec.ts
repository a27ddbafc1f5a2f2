// /people/<id>: a person's profile shows their names and emails; a soft-deleted person is a 404; your own
// profile offers no "Find an intro" (there is no path to yourself).
// Viewed as a signed-in member (`asMember`): every page needs a session.
import { signInThroughApi } from "./fixtures/auth";
import { expect, test } from "./fixtures/test";

test("a profile shows the person's names and emails", async ({ asMember: page, seed }) => {
  const organization = await seed.organization();
  const name = seed.name("Katherine");
  const emails = [seed.email("katherine"), seed.email("kj")];
  const person = await seed.person({ names: [name, seed.name("K. Johnson")], emails, organization });

  const response = await page.goto(`/people/${person.id}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  for (const email of emails) await expect(page.getByText(email, { exact: true }).first()).toBeVisible();
});

test("a soft-deleted person's profile is not found", async ({ asMember: page, seed }) => {
  const person = await seed.person({ deleted: true });

  const response = await page.goto(`/people/${person.id}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByText(person.names[0] ?? "", { exact: true })).toHaveCount(0);
  await expect(page.getByText(person.emails[0] ?? "", { exact: true })).toHaveCount(0);
});

test("your own profile has no Find an intro; someone else's has", async ({ browser, seed, users }) => {
  const me = await seed.person({ names: [seed.name("Myself")] });
  const other = await seed.person({ names: [seed.name("Other")] });
  const member = await users.create({ role: "member", email: me.emails[0] });
  expect(member.personId).toBe(me.id);
  const context = await browser.newContext();
  try {
    await signInThroughApi(context.request, member);
    const page = await context.newPage();
    await page.goto(`/people/${me.id}`);
    await expect(page.getByRole("heading", { level: 1, name: me.names[0] })).toBeVisible();
    await expect(page.getByRole("link", { name: "Explore network" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Find an intro" })).toHaveCount(0);

    await page.goto(`/people/${other.id}`);
    await expect(page.getByRole("link", { name: "Find an intro" })).toBeVisible();
  } finally {
    await context.close();
  }
});
