import { describe, expect, it } from "vitest";
import { plural } from "./format";

describe("plural", () => {
  it("agrees with the count and formats it", () => {
    expect(plural(1, "interaction")).toBe("1 interaction");
    expect(plural(0, "interaction")).toBe("0 interactions");
    expect(plural(2, "relationship")).toBe("2 relationships");
    expect(plural(1, "person", "people")).toBe("1 person");
    expect(plural(1204, "person", "people")).toBe("1,204 people");
    expect(plural(1, "entry", "entries")).toBe("1 entry");
  });
});
