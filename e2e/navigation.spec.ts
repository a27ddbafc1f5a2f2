// The app shell: every screen in the navigation opens, shows its heading and marks itself active.
// Admins see an Admin section (Sync, Audit, Privacy); members do not.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures/test";

const explore = [
  { label: "Search", path: "/" },
  { label: "Graph", path: "/graph" },
  { label: "Merges", path: "/merges" },
];
const admin = [
  { label: "Sync", path: "/admin/sync" },
  { label: "Audit", path: "/admin/audit" },
  { label: "Privacy", path: "/admin/privacy" },
];

function mainNavigation(page: Page) {
  return page.getByRole("navigation", { name: "Main" }).first();
}

async function visitEach(page: Page, screens: Array<{ label: string; path: string }>): Promise<void> {
  const nav = mainNavigation(page);
  for (const screen of screens) {
    await nav.getByRole("link", { name: screen.label, exact: true }).click();
    await expect(page).toHaveURL((url) => url.pathname === screen.path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(nav.getByRole("link", { name: screen.label, exact: true })).toHaveAttribute("aria-current", "page");
  }
}

test("an admin's navigation reaches every screen, the Admin section included", async ({ asAdmin: page }) => {
  test.slow(); // six server-rendered screens in a row
  await page.goto("/");
  await expect(mainNavigation(page).getByRole("heading", { name: "Admin", exact: true })).toBeVisible();
  await visitEach(page, [...explore, ...admin]);
});

test("a member's navigation reaches the Explore screens and has no Admin section", async ({ asMember: page }) => {
  await page.goto("/");
  const nav = mainNavigation(page);
  await expect(nav.getByRole("heading", { name: "Explore", exact: true })).toBeVisible();
  await expect(nav.getByRole("heading", { name: "Admin", exact: true })).toHaveCount(0);
  for (const screen of admin) await expect(nav.getByRole("link", { name: screen.label, exact: true })).toHaveCount(0);
  await visitEach(page, explore);
});
