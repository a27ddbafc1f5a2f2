import { describe, expect, it } from "vitest";
import { emailLocalKey, isRoleLocalPart, normalizeEmail, parseEmail } from "./normalize-email";

describe("normalizeEmail", () => {
  it.each([
    ["  Jane.Doe@Acme.COM ", "jane.doe@acme.com"],
    ["J.Doe+news@gmail.com", "jdoe@gmail.com"],
    ["j.d.o.e@googlemail.com", "jdoe@gmail.com"],
    ["JDOE@GoogleMail.com.", "jdoe@gmail.com"],
    ["jane+crm@outlook.com", "jane@outlook.com"],
    ["jane+x@hotmail.com", "jane@hotmail.com"],
    ["jane+x@icloud.com", "jane@icloud.com"],
    ["jane+x@proton.me", "jane@proton.me"],
    ["Jane Doe <jane@acme.com>", "jane@acme.com"],
    ["mailto:jane@acme.com?subject=hi", "jane@acme.com"],
  ])("%j → %j", (raw, expected) => {
    expect(normalizeEmail(raw)).toBe(expected);
  });

  it("keeps dots everywhere except Gmail", () => {
    expect(normalizeEmail("jane.doe@outlook.com")).toBe("jane.doe@outlook.com");
    expect(normalizeEmail("jane.doe@acme.com")).toBe("jane.doe@acme.com");
  });

  it("keeps plus tags on unknown (corporate) domains, where they may be distinct mailboxes", () => {
    expect(normalizeEmail("jane+ops@acme.com")).toBe("jane+ops@acme.com");
    expect(normalizeEmail("jane+ops@yahoo.com")).toBe("jane+ops@yahoo.com");
  });

  it.each(["", "jane", "jane@", "@acme.com", "jane@acme", "two words@acme.com", "+tag@gmail.com", "a@b@c.com"])("rejects %j", (raw) => {
    expect(normalizeEmail(raw)).toBeNull();
  });
});

describe("email local parts", () => {
  it("reduces the local part to letters and digits, without the plus tag", () => {
    expect(emailLocalKey(parseEmail("jane.doe+x@acme.com")!)).toBe("janedoe");
    expect(emailLocalKey(parseEmail("jane_doe@other.org")!)).toBe("janedoe");
  });

  it("ignores role mailboxes and short locals", () => {
    expect(isRoleLocalPart("info")).toBe(true);
    expect(isRoleLocalPart("sales+eu")).toBe(true);
    expect(emailLocalKey(parseEmail("info@acme.com")!)).toBeNull();
    expect(emailLocalKey(parseEmail("jd@acme.com")!)).toBeNull();
  });
});
