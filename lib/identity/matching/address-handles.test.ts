import { describe, expect, it } from "vitest";
import { parseName } from "../normalize/normalize-name";
import { normalizeRecord } from "../normalize/normalize-record";
import { addressHandles, handleSpelling, nameHandles } from "./address-handles";

const name = (raw: string) => {
  const parsed = parseName(raw);
  if (!parsed) throw new Error(raw);
  return parsed;
};

describe("addressHandles", () => {
  it("reads each address's letters without a trailing number", () => {
    const record = normalizeRecord({ id: "r", emails: ["Jennifer.Ramirez90@outlook.com", "jramirez@acme.com", "zanele.lambert86+news@gmail.com"] });
    expect(addressHandles(record).sort()).toEqual(["jenniferramirez", "jramirez", "zanelelambert"]);
  });

  it("skips short handles, digits inside and role mailboxes", () => {
    expect(addressHandles(normalizeRecord({ id: "r", emails: ["j2smith@acme.com", "info@acme.com", "abc12345@acme.com"] }))).toEqual([]);
  });
});

describe("nameHandles", () => {
  it("spells a name as addresses do", () => {
    expect(nameHandles(name("Jennifer Ramírez")).sort()).toEqual(["jenniferr", "jenniferramirez", "jramirez", "ramirezj", "ramirezjennifer"]);
  });

  it("has none for a lone given name", () => {
    expect(nameHandles(name("Bob"))).toEqual([]);
  });
});

describe("handleSpelling", () => {
  it("recognizes the whole name in either order, with a nickname, and initials", () => {
    expect(handleSpelling("jenniferramirez", name("Jennifer Ramirez"))).toBe("full");
    expect(handleSpelling("ramirezjennifer", name("Jennifer Ramirez"))).toBe("full");
    expect(handleSpelling("samanthaanderton", name("Sam Anderton"))).toBe("full");
    expect(handleSpelling("jramirez", name("Jennifer Ramirez"))).toBe("initialLast");
    expect(handleSpelling("ramirezj", name("Jennifer Ramirez"))).toBe("initialLast");
    expect(handleSpelling("jenniferr", name("Jennifer Ramirez"))).toBe("firstInitial");
  });

  it("does not read other names or a given name alone", () => {
    expect(handleSpelling("jrodriguez", name("Jennifer Ramirez"))).toBeNull();
    expect(handleSpelling("jennifer", name("Jennifer Ramirez"))).toBeNull();
    expect(handleSpelling("skyjennifer", name("Jennifer Ramirez"))).toBeNull();
    expect(handleSpelling("jramirez", name("Jennifer"))).toBeNull();
  });
});
