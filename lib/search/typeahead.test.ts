import { describe, expect, it } from "vitest";
import { escapeLike, escapeRegex, normalizeQuery, searchPatterns } from "./typeahead";
import { ZTypeaheadQuery } from "./typeahead.types";

describe("typeahead patterns", () => {
  it("normalizes case and whitespace like the indexed search text", () => {
    expect(normalizeQuery("  Dana   SMITH ")).toBe("dana smith");
  });

  it("escapes LIKE wildcards and regex syntax so queries match literally", () => {
    expect(escapeLike("50%_off\\")).toBe("50\\%\\_off\\\\");
    expect(escapeRegex("a.b+(c)?[d]^$|\\")).toBe("a\\.b\\+\\(c\\)\\?\\[d\\]\\^\\$\\|\\\\");
    const patterns = searchPatterns("J.R. 50%");
    expect(patterns.contains).toBe("%j.r. 50\\%%");
    expect(patterns.wordRegex).toBe("(^|[ .@_+-])j\\.r\\. 50%");
  });

  it("skips the anywhere lookup below three characters (no trigram to use)", () => {
    expect(searchPatterns("ma").allowContains).toBe(false);
    expect(searchPatterns("mar").allowContains).toBe(true);
  });

  it("validates q (1..100 characters after trimming) and limit (1..20)", () => {
    expect(ZTypeaheadQuery.parse({ q: " dana " })).toEqual({ q: "dana", limit: 8 });
    expect(ZTypeaheadQuery.safeParse({ q: "   " }).success).toBe(false);
    expect(ZTypeaheadQuery.safeParse({ q: "x".repeat(101) }).success).toBe(false);
    expect(ZTypeaheadQuery.safeParse({ q: "dana", limit: "21" }).success).toBe(false);
    expect(ZTypeaheadQuery.parse({ q: "dana", limit: "20" }).limit).toBe(20);
  });
});
