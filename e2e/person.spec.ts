// /people/<id>: a person's profile shows their names and emails; a soft-deleted person is a 404.
// Viewed as a signed-in member (`asMember`): every page needs a session.
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
