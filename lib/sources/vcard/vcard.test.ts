import { describe, expect, it } from "vitest";
import { SourceFormatError } from "../errors";
import { bytesOf, collect, fixtureStream } from "../testing/helpers";
import { ZPersonObservation, type ParseProgress } from "../types";
import { parseVCard, sniffVCard } from "./vcard";

describe("parseVCard", () => {
  it("reads many 3.0 cards: grouped properties, folding, quoted-printable, photos dropped", async () => {
    let last: ParseProgress | undefined;
    const { people, issues } = await collect(parseVCard(fixtureStream("contacts-v3.vcf", 50), { onProgress: (p) => (last = p) }));
    for (const person of people) ZPersonObservation.parse(person);
    expect(people).toHaveLength(3);
    expect(people[0]).toMatchObject({
      sourceName: "vcard",
      sourceId: "4F1C2E6A-8B7D-4C3A-9E21-0D5B6F7A8C90",
      names: ["Dana Smith"],
      emails: ["dana@stripe.com", "dana.smith@gmail.com"],
      phones: ["+1 (415) 555-0100"],
      organizationName: "Stripe",
      title: "Head of Partnerships",
      linkedinUrl: "https://www.linkedin.com/in/dana-smith-4a1b2c",
      socialHandles: { twitter: "danasmith" },
      observedAt: new Date("2026-09-02T10:15:00Z"),
      position: { row: 1, line: 1 },
    });
    expect(people[1]).toMatchObject({
      names: ["Zoë Müller"],
      emails: ["zoe.mueller@gruene-energie.de"],
      organizationName: "Grüne Energie GmbH",
    });
    expect(people[1]?.linkedinUrl).toBeUndefined();
    expect(people[1]?.sourceId).toMatch(/^vcard:/);
    // The email is folded mid-address; the LinkedIn handle sits under a group labelled "LinkedIn".
    expect(people[2]).toMatchObject({ emails: ["marcus.okafor@example.org"], linkedinUrl: "https://www.linkedin.com/in/marcusokafor" });
    expect(issues).toEqual([expect.objectContaining({ code: "invalid_card", severity: "skip", position: { row: 3, line: expect.any(Number) } })]);
    expect(issues[0]?.reason).toContain("Card 3");
    expect(last?.filtered).toEqual({ empty_card: 1 });
  });

  it("reads 4.0 cards with PREF, tel: URIs and percent-encoded LinkedIn URLs", async () => {
    const { people } = await collect(parseVCard(fixtureStream("contacts-v4.vcf")));
    expect(people[0]).toMatchObject({
      names: ["José García", "José Luis García", "Pepe"],
      emails: ["jose.garcia@banco.example", "jose@home.example"],
      phones: ["+34-600-000-001"],
      organizationName: "Banco Ñandú",
      linkedinUrl: "https://www.linkedin.com/in/jos%C3%A9-garc%C3%ADa-123",
      observedAt: new Date("2026-08-30T08:15:00Z"),
    });
    expect(people[1]).toMatchObject({ sourceId: "urn:uuid:7b1c3a5e-9f4d-4b2a-8c6e-1d2f3a4b5c6d", names: ["Aiko Tanaka"] });
  });

  it("accepts vCard 2.1 bare parameters and LF line endings", async () => {
    const card = "BEGIN:VCARD\nVERSION:2.1\nN:Lee;Sam\nFN:Sam Lee\nTEL;WORK;VOICE:+1 555 0101\nEMAIL;PREF;INTERNET:sam@lee.io\nEND:VCARD\n";
    const { people, issues } = await collect(parseVCard(bytesOf(card)));
    expect(issues).toEqual([]);
    expect(people[0]).toMatchObject({ names: ["Sam Lee"], emails: ["sam@lee.io"], phones: ["+1 555 0101"] });
  });

  it("joins a quoted-printable soft break whether the next line is folded or not", async () => {
    const card = [
      "BEGIN:VCARD", "VERSION:2.1",
      "N;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:M=C3=BC=",
      " ller;Zo=C3=AB",
      "FN;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:Zo=C3=AB M=C3=BC=",
      "ller",
      "EMAIL;INTERNET:zoe@example.org", "END:VCARD", "",
    ].join("\r\n");
    const { people, issues } = await collect(parseVCard(bytesOf(card)));
    expect(issues).toEqual([]);
    expect(people[0]?.names).toEqual(["Zoë Müller"]);
  });

  it("reads LinkedIn profiles as Google (escaped colons) and Apple (x-apple:, x-user) export them, and never invents a slug", async () => {
    const card = (name: string, lines: string[]) => ["BEGIN:VCARD", "VERSION:3.0", `FN:${name}`, ...lines, "END:VCARD"].join("\r\n");
    const file = [
      card("Marcus Okafor", ["item1.URL:https\\://www.linkedin.com/in/marcusokafor", "item1.X-ABLabel:LinkedIn"]),
      card("Marie Curie", ["X-SOCIALPROFILE;type=linkedin;x-user=marie-curie:x-apple:marie-curie", "X-SOCIALPROFILE;type=facebook:x-apple:mcurie.fb"]),
      card("No Profile", ["item1.URL:https\\://example.com/about", "item1.X-ABLabel:LinkedIn"]),
      card("Site Only", ["URL:https\\://www.acme.example/team"]),
    ].join("\r\n");
    const { people, issues } = await collect(parseVCard(bytesOf(`${file}\r\n`)));
    expect(issues).toEqual([]);
    expect(people.map((person) => [person.names[0], person.linkedinUrl, person.socialHandles])).toEqual([
      ["Marcus Okafor", "https://www.linkedin.com/in/marcusokafor", undefined],
      ["Marie Curie", "https://www.linkedin.com/in/marie-curie", { facebook: "mcurie.fb" }],
      ["No Profile", undefined, undefined],
      ["Site Only", undefined, undefined],
    ]);
  });

  it("keeps an East Asian name in its own order", async () => {
    const card = ["BEGIN:VCARD", "VERSION:3.0", "N:王;小明;;;", "FN:王小明", "EMAIL:xm@x.example", "END:VCARD", "BEGIN:VCARD", "VERSION:3.0", "N:田中;愛子;;;", "EMAIL:aiko@x.example", "END:VCARD", ""].join("\r\n");
    const { people } = await collect(parseVCard(bytesOf(card)));
    expect(people.map((person) => person.names)).toEqual([["王小明"], ["田中愛子"]]);
  });

  it("reports a truncated last card and keeps the complete ones", async () => {
    const text = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:One\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Tw";
    const { people, issues } = await collect(parseVCard(bytesOf(text)));
    expect(people.map((p) => p.names[0])).toEqual(["One"]);
    expect(issues).toEqual([expect.objectContaining({ code: "truncated", position: { row: 2, line: 5 } })]);
  });

  it("replaces invalid UTF-8 with a warning", async () => {
    const bytes = Buffer.concat([Buffer.from("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ren"), Buffer.from([0xe9]), Buffer.from("\r\nEND:VCARD\r\n")]);
    const { people, issues } = await collect(parseVCard(bytesOf(bytes)));
    expect(people[0]?.names[0]).toBe("Ren\uFFFD");
    expect(issues[0]).toMatchObject({ code: "invalid_encoding", severity: "warn" });
  });

  it("rejects an .ics file", async () => {
    const error = await collect(parseVCard(bytesOf("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceFormatError);
    expect((error as Error).message).toMatch(/iCalendar \(\.ics\) file, not a vCard/);
  });

  it("sniffs", () => {
    expect(sniffVCard(Buffer.from("\r\nBEGIN:VCARD\r\n"))).toBe(true);
    expect(sniffVCard(Buffer.from("First Name,Last Name\n"))).toBe(false);
  });
});

describe("parseVCard limits", () => {
  it("skips a card with a gigantic folded property and keeps reading", async () => {
    const fold = "\r\n " + "x".repeat(74);
    const text = `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Huge\r\nNOTE:start${fold.repeat(8000)}\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Next\r\nEND:VCARD\r\n`;
    const { people, issues } = await collect(parseVCard(bytesOf(text, 4096)));
    expect(people.map((p) => p.names[0])).toEqual(["Next"]);
    expect(issues).toEqual([expect.objectContaining({ code: "card_too_large", position: { row: 1, line: 1 } })]);
  });
});
