import { describe, expect, it } from "vitest";
import { textListsLiteral, tokenArrayLiteral } from "./array-literal";

describe("array literals for bulk parameters", () => {
  it("joins uuids, numbers, instants and base64 without quoting, and writes null as NULL", () => {
    expect(tokenArrayLiteral(["5f1c0e52-3a4b-4c5d-8e9f-0a1b2c3d4e5f", "2026-11-01T00:00:00.000Z", "AAE+/w==", null, 0.5, -3, 1e-7])).toBe(
      "{5f1c0e52-3a4b-4c5d-8e9f-0a1b2c3d4e5f,2026-11-01T00:00:00.000Z,AAE+/w==,NULL,0.5,-3,1e-7}",
    );
    expect(tokenArrayLiteral([])).toBe("{}");
  });

  it("keeps a text token spelled NULL as text", () => {
    expect(tokenArrayLiteral(["null"])).toBe('{"null"}');
    expect(textListsLiteral([["NULL"], ["a", "null"]])).toBe('{"NULL",a\u001fnull}');
  });

  it("refuses values that would need quoting instead of writing them wrong", () => {
    for (const bad of ["a,b", "{x}", 'say "hi"', "back\\slash", "two words", "", "a|b", "a\u001fb"]) {
      expect(() => tokenArrayLiteral([bad]), bad).toThrow(/plain array token/);
    }
    expect(() => tokenArrayLiteral([Number.NaN])).toThrow(/finite/);
    expect(() => textListsLiteral([["gmail", "a\u001fb"]])).toThrow(/U\+001F/);
  });

  it("writes one U+001F-joined element per list, an empty list as the empty string, and quotes what needs it", () => {
    expect(textListsLiteral([["gmail", "slack"], [], ["linkedin"]])).toBe('{gmail\u001fslack,"",linkedin}');
    expect(textListsLiteral([["my source", 'say "hi"', "a,b\\c"]])).toBe('{"my source\u001fsay \\"hi\\"\u001fa,b\\\\c"}');
  });
});
