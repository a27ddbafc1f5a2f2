import { describe, expect, it } from "vitest";
import { normalizeLinkedInUrl } from "./normalize-linkedin";

describe("normalizeLinkedInUrl", () => {
  it.each([
    ["https://www.linkedin.com/in/jane-doe", "jane-doe"],
    ["https://www.linkedin.com/in/Jane-Doe/", "jane-doe"],
    ["http://linkedin.com/in/jane-doe?trk=public_profile", "jane-doe"],
    ["https://uk.linkedin.com/in/jane-doe-82a505#experience", "jane-doe-82a505"],
    ["de.linkedin.com/in/jane-doe", "jane-doe"],
    ["www.linkedin.com/mwlite/in/jane-doe", "jane-doe"],
    ["https://www.linkedin.com/in/jane-doe/details/experience/", "jane-doe"],
    ["https://www.linkedin.com/in/jos%C3%A9-garc%C3%ADa", "josé-garcía"],
    ["https://sy.linkedin.com/pub/krzysztof-marzec/a7/576/b50?trk=biz_employee_pub", "krzysztof-marzec-b50576a7"],
    ["/in/jane-doe", "jane-doe"],
    ["jane-doe", "jane-doe"],
    ["@Jane-Doe", "jane-doe"],
  ])("%j → %j", (raw, slug) => {
    expect(normalizeLinkedInUrl(raw)).toBe(slug);
  });

  it("agrees across every spelling of one profile", () => {
    const spellings = ["https://www.linkedin.com/in/JaneDoe/", "https://fr.linkedin.com/in/janedoe?originalSubdomain=fr", "janedoe"];
    expect(new Set(spellings.map(normalizeLinkedInUrl)).size).toBe(1);
  });

  it.each([
    "https://www.linkedin.com/company/acme",
    "https://www.linkedin.com/feed/",
    "https://www.linkedin.com/in/",
    "https://evil.com/in/jane-doe?linkedin.com",
    "https://notlinkedin.com/in/jane-doe",
    "Jane Doe",
    "",
  ])("returns null for %j", (raw) => {
    expect(normalizeLinkedInUrl(raw)).toBeNull();
  });
});
