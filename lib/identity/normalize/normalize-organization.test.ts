import { describe, expect, it } from "vitest";
import { registrableDomain } from "./domain";
import { isFreeMailDomain } from "./free-mail-domains";
import { normalizeOrganizationName, organizationDomain, organizationDomainFromEmail, organizationKey } from "./normalize-organization";

describe("normalizeOrganizationName", () => {
  it.each([
    ["Acme, Inc.", "acme"],
    ["ACME Inc", "acme"],
    ["Acme Incorporated", "acme"],
    ["Acme LLC", "acme"],
    ["Acme Ltd.", "acme"],
    ["Acme Widgets GmbH", "acme widgets"],
    ["Siemens AG", "siemens"],
    ["Société Générale S.A.", "societe generale"],
    ["Dassault Systèmes SAS", "dassault systemes"],
    ["Philips B.V.", "philips"],
    ["Atlassian Pty Ltd", "atlassian"],
    ["Acme Holdings Co., Ltd.", "acme holdings"],
    ["Acme Corp.", "acme"],
    ["The Coca-Cola Company", "coca cola"],
    ["Johnson & Johnson", "johnson and johnson"],
    ["Grupo Bimbo, S.A. de C.V.", "grupo bimbo"],
    ["Acme Sp. z o.o.", "acme"],
    ["Acme GmbH & Co. KG", "acme"],
  ])("%j → %j", (raw, expected) => {
    expect(normalizeOrganizationName(raw)).toBe(expected);
  });

  it("never strips a name down to nothing", () => {
    expect(normalizeOrganizationName("Company")).toBe("company");
    expect(normalizeOrganizationName("Inc.")).toBe("inc");
    expect(normalizeOrganizationName("  ")).toBeNull();
  });

  it("makes a space-free key so spacing variants agree", () => {
    expect(organizationKey("Bright Lane, Inc.")).toBe(organizationKey("Brightlane"));
  });
});

describe("domains", () => {
  it("reduces hosts to the registrable domain", () => {
    expect(registrableDomain("mail.eu.acme.com")).toBe("acme.com");
    expect(registrableDomain("london.acme.co.uk")).toBe("acme.co.uk");
    expect(registrableDomain("localhost")).toBeNull();
    expect(organizationDomain("https://www.Acme.co.uk/about")).toBe("acme.co.uk");
  });

  it.each(["gmail.com", "googlemail.com", "outlook.com", "hotmail.co.uk", "live.com", "yahoo.fr", "icloud.com", "me.com", "aol.com", "proton.me", "protonmail.com", "gmx.de", "yandex.ru", "mail.ru", "qq.com", "163.com"])(
    "%s is free mail",
    (domain) => {
      expect(isFreeMailDomain(domain)).toBe(true);
    },
  );

  it("does not mistake company subdomains for free-mail brands", () => {
    expect(isFreeMailDomain("acme.com")).toBe(false);
    expect(isFreeMailDomain("yahoo.acme.com")).toBe(false);
  });

  it("maps an email address to its organization domain, ignoring free mail", () => {
    expect(organizationDomainFromEmail("Jane@EU.Acme.com")).toBe("acme.com");
    expect(organizationDomainFromEmail("jane@gmail.com")).toBeNull();
    expect(organizationDomainFromEmail("jane@hotmail.co.uk")).toBeNull();
    expect(organizationDomainFromEmail("not an email")).toBeNull();
  });
});
