// The app shell: every screen in the navigation opens, shows its heading and marks itself active.
import { expect, test } from "./fixtures/test";

const screens = [
  { label: "Search", path: "/" },
  { label: "Graph", path: "/graph" },
  { label: "Merges", path: "/merges" },
  { label: "Sync", path: "/admin/sync" },
  { label: "Audit", path: "/admin/audit" },
  { label: "Privacy", path: "/admin/privacy" },
];

test("the navigation reaches every screen", async ({ page }) => {
  await page.goto("/");
  const nav = page.getByRole("navigation").first();
  for (const screen of screens) {
    await nav.getByRole("link", { name: screen.label, exact: true }).click();
    await expect(page).toHaveURL((url) => url.pathname === screen.path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(nav.getByRole("link", { name: screen.label, exact: true })).toHaveAttribute("aria-current", "page");
  }
});
