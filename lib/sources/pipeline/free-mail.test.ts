import { describe, expect, it } from "vitest";
import { nameFromDomain, organizationDomain } from "./free-mail";
import { participantKey } from "./write-batch";

describe("organizationDomain", () => {
  it("ignores free-mail domains, including every gmx.* country domain", () => {
    for (const email of ["a@gmail.com", "a@GoogleMail.com", "a@outlook.com", "a@hotmail.com", "a@yahoo.com", "a@icloud.com", "a@me.com", "a@aol.com", "a@proton.me", "a@protonmail.com", "a@gmx.at", "a@gmx.net"]) {
      expect(organizationDomain(email)).toBeNull();
    }
  });

  it("returns the lower-cased domain of work addresses and rejects malformed ones", () => {
    expect(organizationDomain("dana@Stripe.com")).toBe("stripe.com");
    expect(organizationDomain("zoe@gruene-energie.de")).toBe("gruene-energie.de");
    expect(organizationDomain("no-at-sign")).toBeNull();
    expect(organizationDomain("a@localhost")).toBeNull();
  });
});

describe("nameFromDomain", () => {
  it("names an organization after its registrable label", () => {
    expect(nameFromDomain("stripe.com")).toBe("Stripe");
    expect(nameFromDomain("mail.acme.example")).toBe("Acme");
    expect(nameFromDomain("bbc.co.uk")).toBe("Bbc");
  });
});

describe("participantKey", () => {
  it("stores a normalized email, else the source handle", () => {
    expect(participantKey({ email: " Dana@Stripe.com ", handle: "slack:U02DANA", role: "member" })).toBe("dana@stripe.com");
    expect(participantKey({ handle: "slack:U04ZOE", role: "member" })).toBe("slack:U04ZOE");
    expect(participantKey({ name: "Nobody", role: "to" })).toBeNull();
  });
});
