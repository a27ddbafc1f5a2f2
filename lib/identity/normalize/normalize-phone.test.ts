import { describe, expect, it } from "vitest";
import { normalizePhone } from "./normalize-phone";

describe("normalizePhone", () => {
  it.each([
    ["(415) 555-0123", "+14155550123"],
    ["415.555.0199", "+14155550199"],
    ["+1 212 867 5309", "+12128675309"],
    ["tel:+1-202-456-1111", "+12024561111"],
    ["+44 20 7946 0958", "+442079460958"],
    ["+49 151 23456789", "+4915123456789"],
    ["+33 6 12 34 56 78", "+33612345678"],
    ["(212) 867-5309 ext. 42", "+12128675309"],
  ])("%j → %j", (raw, expected) => {
    expect(normalizePhone(raw)).toBe(expected);
  });

  it("reads numbers without a country code in the configured default region", () => {
    expect(normalizePhone("020 7946 0958", { defaultRegion: "GB" })).toBe("+442079460958");
    expect(normalizePhone("030 901820", { defaultRegion: "DE" })).toBe("+4930901820");
    expect(normalizePhone("06 12 34 56 78", { defaultRegion: "FR" })).toBe("+33612345678");
  });

  it.each(["", "123", "555-0123", "+1 800 123 4567", "+1 555 555 5555", "not a phone", "+99 123 456 789"])("rejects %j", (raw) => {
    expect(normalizePhone(raw)).toBeNull();
  });
});
