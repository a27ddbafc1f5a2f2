import { describe, expect, it } from "vitest";
import { SourceFormatError } from "../errors";
import { bytesOf, collect, fixtureStream } from "../testing/helpers";
import { ZPersonObservation, type ParseProgress } from "../types";
import { parseGoogleContacts, sniffGoogleContacts } from "./google-contacts";

describe("parseGoogleContacts", () => {
  it("reads the old header generation with ::: multi-values and * primaries first", async () => {
    let last: ParseProgress | undefined;
    const { people, issues } = await collect(parseGoogleContacts(fixtureStream("google-contacts-old.csv"), { onProgress: (p) => (last = p) }));
    for (const person of people) ZPersonObservation.parse(person);
    expect(issues).toEqual([]);
    expect(people).toHaveLength(3);
    expect(people[0]).toMatchObject({
      sourceName: "google_contacts",
      names: ["Dana Smith"],
      emails: ["dana@stripe.com", "dana.smith@gmail.com"],
      phones: ["+1 415-555-0100", "+1 415-555-0199"],
      organizationName: "Stripe",
      title: "Head of Partnerships",
      linkedinUrl: "https://www.linkedin.com/in/dana-smith-4a1b2c",
      position: { row: 1 },
    });
    expect(people[1]).toMatchObject({ names: ["Marcus Okafor", "Mo"], emails: ["marcus.okafor@example.org", "mokafor@acme.example"], organizationName: "Acme, Inc." });
    expect(people[2]).toMatchObject({ names: [], phones: ["(020) 7946 0018"], position: { row: 4 } });
    expect(last?.filtered).toEqual({ empty_row: 1 });
  });

  it("reads the new header generation behind a BOM", async () => {
    const { people } = await collect(parseGoogleContacts(fixtureStream("google-contacts-new.csv", 64)));
    expect(people[0]).toMatchObject({
      names: ["Zoë Anne Müller"],
      emails: ["zoe@mueller.family", "zoe.mueller@gruene-energie.de"],
      organizationName: "Grüne Energie GmbH",
      title: "CFO",
    });
    expect(people[1]).toMatchObject({ organizationName: 'Raman "PR" Consulting, LLC', linkedinUrl: "https://www.linkedin.com/in/priya-raman" });
  });

  it("gives the same ids on re-import and different ids to different people", async () => {
    const first = await collect(parseGoogleContacts(fixtureStream("google-contacts-new.csv")));
    const second = await collect(parseGoogleContacts(fixtureStream("google-contacts-new.csv", 5)));
    expect(second.people.map((p) => p.sourceId)).toEqual(first.people.map((p) => p.sourceId));
    expect(new Set(first.people.map((p) => p.sourceId)).size).toBe(2);
  });

  it("decodes a UTF-16 export", async () => {
    const text = "First Name,Middle Name,Last Name,Labels,E-mail 1 - Label,E-mail 1 - Value\r\nRené,,Petit,,* Work,rene@petit.fr\r\n";
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    const { people } = await collect(parseGoogleContacts(bytesOf(utf16, 3)));
    expect(people[0]).toMatchObject({ names: ["René Petit"], emails: ["rene@petit.fr"] });
  });

  it("rejects a LinkedIn export and an Outlook CSV with actionable messages", async () => {
    const linkedin = await collect(parseGoogleContacts(fixtureStream("linkedin-connections.csv"))).catch((e: unknown) => e);
    expect(linkedin).toBeInstanceOf(SourceFormatError);
    expect((linkedin as Error).message).toMatch(/LinkedIn Connections\.csv export, not a Google Contacts CSV export\. Import it as the "linkedin" source/);
    const outlook = await collect(parseGoogleContacts(bytesOf("First Name,Middle Name,Last Name,E-mail Address,Business Phone\n"))).catch((e: unknown) => e);
    expect((outlook as Error).message).toMatch(/Outlook contacts CSV.*Export from Google Contacts as "Google CSV"/);
  });

  it("sniffs both generations", () => {
    expect(sniffGoogleContacts(Buffer.from("Name,Given Name,Additional Name,Family Name,Yomi Name\r\n"))).toBe(true);
    expect(sniffGoogleContacts(Buffer.from("\uFEFFFirst Name,Middle Name,Last Name,Phonetic First Name\n"))).toBe(true);
    expect(sniffGoogleContacts(Buffer.from("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"))).toBe(false);
  });
});
