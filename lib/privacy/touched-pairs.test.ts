import { describe, expect, it } from "vitest";
import { MAX_FULL_PAIR_GROUP } from "../strength/new-interactions";
import { pairsOfInteractions } from "./touched-pairs";

describe("pairsOfInteractions", () => {
  it("pairs every two people an interaction names, each pair once, smaller id first", () => {
    const people = new Map([
      ["ann@x.com", ["p1"]],
      ["bob@x.com", ["p2"]],
      ["cy@x.com", ["p3"]],
    ]);
    const pairs = pairsOfInteractions([["bob@x.com", "ann@x.com"], ["ann@x.com", "bob@x.com", "cy@x.com"]], people);
    expect([...pairs].sort()).toEqual(["p1 p2", "p1 p3", "p2 p3"]);
  });

  it("counts an address two people share for both of them, as the recompute does", () => {
    const people = new Map([
      ["team@x.com", ["p1", "p2"]],
      ["dana@y.com", ["p3"]],
    ]);
    expect([...pairsOfInteractions([["dana@y.com", "team@x.com"]], people)].sort()).toEqual(["p1 p2", "p1 p3", "p2 p3"]);
  });

  it("leaves out excluded people and keys that name nobody", () => {
    const people = new Map([
      ["ann@x.com", ["p1"]],
      ["bob@x.com", ["p2"]],
      ["erased@x.com", ["p9"]],
    ]);
    const pairs = pairsOfInteractions([["ann@x.com", "erased@x.com", "gone@x.com"], ["bob@x.com", "ann@x.com"]], people, new Set(["p9"]));
    expect([...pairs]).toEqual(["p1 p2"]);
  });

  it("keeps only the first person's pairs in a group past the limit", () => {
    const keys = Array.from({ length: MAX_FULL_PAIR_GROUP + 1 }, (_, index) => `m${String(index).padStart(3, "0")}@x.com`);
    const people = new Map(keys.map((key, index) => [key, [`p${String(index).padStart(3, "0")}`]]));
    const pairs = pairsOfInteractions([keys], people);
    expect(pairs.size).toBe(MAX_FULL_PAIR_GROUP);
    for (const pair of pairs) expect(pair.startsWith("p000 ")).toBe(true);
  });
});
