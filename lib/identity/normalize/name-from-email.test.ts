import { describe, expect, it } from "vitest";
import { normalizeRecord } from "./normalize-record";

const namesOf = (emails: string[], names?: string[]) => normalizeRecord({ id: "r", emails, names }).names.map((name) => name.key);

describe("a name read from an address", () => {
  it("reads first.last, first_last and first.m.last from a nameless record", () => {
    expect(namesOf(["marta.kelly@sierrastone.com"])).toEqual(["marta kelly"]);
    expect(namesOf(["Marta_Kelly@outlook.com"])).toEqual(["marta kelly"]);
    expect(namesOf(["marta.j.kelly@acme.io"])).toEqual(["marta kelly"]);
  });

  it("reads nothing ambiguous: initials, single words, digits, Gmail (dots are meaningless there), role mailboxes", () => {
    expect(namesOf(["mkelly@acme.com"])).toEqual([]);
    expect(namesOf(["marta@acme.com"])).toEqual([]);
    expect(namesOf(["m.kelly85@acme.com"])).toEqual([]);
    expect(namesOf(["marta.kelly@gmail.com"])).toEqual([]);
    expect(namesOf(["sales.team@acme.com", "info@acme.com"].slice(1))).toEqual([]);
  });

  it("never replaces a name the record has", () => {
    expect(namesOf(["marta.kelly@acme.com"], ["Marta K."])).toEqual(["marta k"]);
  });
});
