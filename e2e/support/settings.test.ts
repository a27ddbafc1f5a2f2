import { describe, expect, it } from "vitest";
import { missingBrowserReason } from "./settings";

describe("missingBrowserReason", () => {
  const playwrights = "/root/.cache/ms-playwright/chromium-1/chrome";
  const only = (...present: string[]) => (path: string) => present.includes(path);

  it("accepts the configured browser, Debian's, or Playwright's own", () => {
    expect(missingBrowserReason(playwrights, { WIG_CHROMIUM_PATH: "/opt/chrome" }, only("/opt/chrome"))).toBeNull();
    expect(missingBrowserReason(playwrights, {}, only("/usr/bin/chromium"))).toBeNull();
    expect(missingBrowserReason(playwrights, {}, only(playwrights))).toBeNull();
  });

  it("says what to install, or that the configured path is wrong", () => {
    expect(missingBrowserReason(playwrights, { WIG_CHROMIUM_PATH: "/nope/chromium" }, only("/usr/bin/chromium"))).toBe(
      "WIG_CHROMIUM_PATH is /nope/chromium, which does not exist.",
    );
    expect(missingBrowserReason(playwrights, {}, only())).toMatch(/apt-get install chromium.*WIG_CHROMIUM_PATH/);
  });
});
