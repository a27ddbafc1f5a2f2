// Reading what a page shows without depending on its styling.
import type { Page } from "@playwright/test";

/** "12,345" -> 12345. Throws on anything that is not a whole number, so a layout change fails loudly. */
export function parseCount(text: string): number {
  const digits = text.replace(/[\s,.\u00a0\u202f']/g, "");
  if (!/^\d+$/.test(digits)) throw new Error(`expected a count, found "${text.trim()}"`);
  return Number(digits);
}

/**
 * A headline count on the home page, by its label ("People", "Organizations", ...). Looks, in order, for
 * `data-testid="<label>-count"`, a definition list term (<dt>People</dt><dd>12</dd>), or the text
 * "<n> <label>" inside <main>.
 */
export async function readHeadlineCount(page: Page, label: string): Promise<number> {
  const byTestId = page.getByTestId(`${label.toLowerCase()}-count`);
  if ((await byTestId.count()) > 0) return parseCount(await byTestId.first().innerText());

  const term = page.locator("dt").filter({ hasText: new RegExp(`^\\s*${label}\\s*$`, "i") });
  if ((await term.count()) === 1) return parseCount(await term.locator("xpath=following-sibling::dd[1]").innerText());

  const inline = page.locator("main").getByText(new RegExp(`^\\s*[\\d,]+\\s+${label}\\s*$`, "i"));
  if ((await inline.count()) === 1) return parseCount((await inline.innerText()).replace(new RegExp(label, "i"), ""));

  throw new Error(`no "${label}" count found on ${page.url()}`);
}
