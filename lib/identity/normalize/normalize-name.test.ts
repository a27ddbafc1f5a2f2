import { describe, expect, it } from "vitest";
import { foldText } from "./fold-text";
import { givenNameGroups, givenNamesEquivalent, nicknamePairs } from "./nicknames";
import { normalizeName, parseName } from "./normalize-name";

describe("foldText", () => {
  it("folds accents, case, width and non-decomposable letters", () => {
    expect(foldText("José GARCÍA")).toBe("jose garcia");
    expect(foldText("Ｊｏｓé")).toBe("jose");
    expect(foldText("Strauß Ørsted Łukasz Æsir")).toBe("strauss orsted lukasz aesir");
  });
});

describe("parseName", () => {
  it.each([
    ["Jane Doe", "jane doe"],
    ["  JANE   doe ", "jane doe"],
    ["José García", "jose garcia"],
    ["Doe, Jane", "jane doe"],
    ["GARCIA LOPEZ, Jose", "jose garcialopez"],
    ["José García-López", "jose garcialopez"],
    ["Dr. Jane Doe, PhD", "jane doe"],
    ["Mr John Smith Jr.", "john smith"],
    ["John Smith, Jr.", "john smith"],
    ["Smith, John, Jr.", "john smith"],
    ["Prof. Dr. Hans Müller", "hans muller"],
    ["Seán O'Brien", "sean obrien"],
    ["Robert (Bob) Smith", "robert smith"],
    ['Robert "Bob" Smith', "robert smith"],
    ["Ludwig van der Berg", "ludwig vanderberg"],
    ["Maria de la Cruz", "maria delacruz"],
    ["Min-jun Kim", "minjun kim"],
    ["J. R. R. Tolkien", "j tolkien"],
  ])("%j → %j", (raw, key) => {
    expect(normalizeName(raw)).toBe(key);
  });

  it("keeps middle names and initials apart from the comparable key", () => {
    expect(parseName("John Fitzgerald Kennedy")).toEqual({ first: "john", last: "kennedy", middle: ["fitzgerald"], key: "john kennedy" });
    expect(parseName("J. Smith")).toMatchObject({ first: "j", last: "smith" });
  });

  it("treats a single word as a given name without a last name", () => {
    expect(parseName("Madonna")).toEqual({ first: "madonna", last: null, middle: [], key: "madonna" });
    expect(parseName("Dr.")).toMatchObject({ first: "dr", last: null });
  });

  it("does not strip words that are also names", () => {
    expect(normalizeName("Don Johnson")).toBe("don johnson");
    expect(normalizeName("Wei Ma")).toBe("wei ma");
  });

  it.each(["", "   ", "()", "., -"])("returns null for %j", (raw) => {
    expect(parseName(raw)).toBeNull();
  });
});

describe("nicknames", () => {
  it("has at least 60 pairs, including non-English ones", () => {
    const pairs = nicknamePairs();
    expect(pairs.length).toBeGreaterThanOrEqual(60);
    expect(pairs).toContainEqual(["pepe", "jose"]);
    expect(pairs).toContainEqual(["misha", "mikhail"]);
    expect(pairs).toContainEqual(["gianni", "giovanni"]);
  });

  it.each([
    ["bob", "robert"], ["liz", "elizabeth"], ["bill", "william"], ["kate", "katherine"], ["kate", "catherine"],
    ["paco", "francisco"], ["sasha", "alexander"], ["hans", "johannes"], ["jon", "john"], ["jon", "jonathan"],
  ])("%s ~ %s", (a, b) => {
    expect(givenNamesEquivalent(a, b)).toBe(true);
    expect(givenNamesEquivalent(b, a)).toBe(true);
  });

  it("keeps ambiguous nicknames in every group without joining the groups", () => {
    expect(givenNameGroups("alex")).toEqual(expect.arrayContaining(["alexander", "alexandra"]));
    expect(givenNamesEquivalent("john", "jonathan")).toBe(false);
    expect(givenNamesEquivalent("robert", "william")).toBe(false);
    expect(givenNameGroups("zelda")).toEqual(["zelda"]);
  });
});
