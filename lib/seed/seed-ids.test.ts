import { describe, expect, it } from "vitest";
import { stableHex, stableTag, stableUuid } from "./seed-ids";

const UUID_V4_STYLE = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("stableUuid", () => {
  it("is deterministic and formatted as a version-4 style UUID", () => {
    expect(stableUuid("demo/person/a@example.com")).toBe(stableUuid("demo/person/a@example.com"));
    for (let i = 0; i < 1_000; i += 1) expect(stableUuid(`key-${i}`)).toMatch(UUID_V4_STYLE);
  });

  it("gives distinct ids for distinct keys", () => {
    const ids = new Set(Array.from({ length: 100_000 }, (_, i) => stableUuid(`demo/edge/${i}`)));
    expect(ids.size).toBe(100_000);
  });

  it("pins one value, so ids of existing seed rows never change silently", () => {
    expect(stableHex("")).toHaveLength(32);
    expect(stableUuid("contract/person/elena-vasquez")).toBe("18e450f9-421e-46c1-8225-ef822e681502");
    expect(stableTag("x", 4)).toMatch(/^[0-9a-f]{4}$/);
  });
});
