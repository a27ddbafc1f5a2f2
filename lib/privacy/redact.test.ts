import { describe, expect, it } from "vitest";
import { buildNeedles, REDACTED, redactJson, redactText } from "./redact";
import { confirmsErasure } from "./erase-person";

const needles = buildNeedles({ texts: ["zoe.mueller@gruene-energie.de", "Zoë Müller", "zo"], phones: ["+4930901820"] });

describe("redactText", () => {
  it("replaces every mention, whatever the case, and keeps the rest of the text", () => {
    expect(redactText("Mail ZOE.Mueller@Gruene-Energie.de about it", needles)).toBe(`Mail ${REDACTED} about it`);
    expect(redactText("zoë müller said hi", needles)).toBe(`${REDACTED} said hi`);
  });

  it("ignores needles shorter than 3 characters", () => {
    expect(redactText("zoology", needles)).toBe("zoology");
  });

  it("finds a phone number in any formatting, with or without the country code", () => {
    expect(redactText("call +49 30 901820", needles)).toBe(REDACTED);
    expect(redactText("call 030 / 90 18 20", needles)).toBe(REDACTED);
    expect(redactText("row 12", needles)).toBe("row 12");
  });
});

describe("redactJson", () => {
  it("redacts nested strings and keys and keeps the same reference when nothing matched", () => {
    const clean = { a: [1, "x", { b: null }] };
    expect(redactJson(clean, needles)).toBe(clean);
    expect(redactJson({ people: [{ name: "Zoë Müller", n: 2 }], "zoe.mueller@gruene-energie.de": true }, needles)).toEqual({
      people: [{ name: REDACTED, n: 2 }],
      [REDACTED]: true,
    });
  });
});

describe("confirmsErasure", () => {
  it("accepts ERASE or one of the names, case-insensitively, and nothing else", () => {
    expect(confirmsErasure(" erase ", ["Dana"])).toBe(true);
    expect(confirmsErasure("dana smith", ["Dana Smith"])).toBe(true);
    expect(confirmsErasure("Dana", ["Dana Smith"])).toBe(false);
    expect(confirmsErasure("", [""])).toBe(false);
  });
});
