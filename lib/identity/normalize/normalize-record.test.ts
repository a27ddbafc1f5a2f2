import { describe, expect, it } from "vitest";
import { normalizeRecord, normalizeRecords } from "./normalize-record";
import { identityRecordFromPerson } from "./record-from-person";

describe("normalizeRecord", () => {
  it("normalizes every identifier and drops what does not normalize", () => {
    const record = normalizeRecord({
      id: "r1",
      names: ["Dr. Jane Doe", "DOE, Jane", "J. Doe"],
      emails: ["Jane.Doe+crm@gmail.com", "jane.doe@eu.acme.com", "info@acme.com", "not-an-email"],
      phones: ["(415) 555-0123", "12"],
      linkedin: "https://uk.linkedin.com/in/Jane-Doe/",
      title: "VP Sales",
      organizationName: "Acme, Inc.",
    });
    expect(record.names.map((name) => name.key)).toEqual(["jane doe", "j doe"]);
    expect(record.emails).toEqual(["janedoe@gmail.com", "jane.doe@eu.acme.com"]);
    expect(record.emailLocals).toEqual([{ key: "janedoe", domain: "gmail.com" }, { key: "janedoe", domain: "eu.acme.com" }]);
    expect(record.phones).toEqual(["+14155550123"]);
    expect(record.linkedin).toBe("jane-doe");
    expect(record.organizationKeys).toEqual(["acme"]);
    expect(record.organizationDomains).toEqual(["acme.com"]);
    expect(record.title).toEqual(["president", "sales", "vice"]);
    expect(record.organizationLabels).toEqual(["acme"]);
  });

  it("gives the same result with a shared cache and applies the phone region", () => {
    const records = [
      { id: "a", names: ["Jane Doe"], emails: ["jane@acme.com"], phones: ["020 7946 0958"], organizationName: "Acme Ltd" },
      { id: "b", names: ["Jane Doe"], emails: ["jane@acme.com"], phones: ["020 7946 0958"], organizationName: "Acme Ltd" },
    ];
    const batch = normalizeRecords(records, { defaultRegion: "GB" });
    expect(batch).toEqual(records.map((record) => normalizeRecord(record, { defaultRegion: "GB" })));
    expect(batch[0]?.phones).toEqual(["+442079460958"]);
    expect(batch[1]).toMatchObject({ workDomains: ["acme.com"], personalEmails: 0 });
  });

  it("copes with a record that has nothing but an id", () => {
    expect(normalizeRecord({ id: "r2" })).toMatchObject({ names: [], emails: [], phones: [], linkedin: null, title: null });
  });

  it("reads a Person row's social handles and organization", () => {
    const record = identityRecordFromPerson({
      id: "p1", names: ["Jane Doe"], emails: [], phones: [], title: null,
      socialHandles: { linkedin: "linkedin.com/in/jane-doe", twitter: "@jane" },
      organization: { name: "Acme", domain: "acme.com" },
    });
    expect(record).toMatchObject({ linkedin: "linkedin.com/in/jane-doe", organizationName: "Acme", organizationDomain: "acme.com" });
    expect(identityRecordFromPerson({ id: "p2", names: [], emails: [], phones: [], socialHandles: ["x"] }).linkedin).toBeNull();
  });
});
