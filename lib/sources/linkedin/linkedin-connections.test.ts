import { describe, expect, it } from "vitest";
import { SourceFormatError } from "../errors";
import { bytesOf, collect, fixtureStream } from "../testing/helpers";
import { ZSourceItem, type ParseProgress } from "../types";
import { parseLinkedInConnections, sniffLinkedInConnections } from "./linkedin-connections";

describe("parseLinkedInConnections", () => {
  it("reads the fixture past the Notes preamble, with CRLF, quoted commas and hidden rows", async () => {
    const progress: ParseProgress[] = [];
    const items = [];
    for await (const item of parseLinkedInConnections(fixtureStream("linkedin-connections.csv"), { onProgress: (p) => progress.push(p) })) {
      expect(() => ZSourceItem.parse(item)).not.toThrow();
      items.push(item);
    }
    const people = items.filter((item) => item.kind === "person");
    expect(people.map((p) => p.sourceId)).toEqual([
      "dana-smith-4a1b2c",
      "marcusokafor",
      "li-wei-88",
      "josé-garcía-123",
      "priya-raman",
      "dana-smith-4a1b2c",
      "tom-obrien",
      "aiko-tanaka-jp",
    ]);
    const marcus = people[1];
    expect(marcus).toMatchObject({
      names: ["Marcus Okafor"],
      emails: ["marcus.okafor@example.org"],
      organizationName: "Acme, Inc.",
      title: "VP, Engineering",
      linkedinUrl: "https://www.linkedin.com/in/marcusokafor",
      observedAt: new Date("2026-08-14T00:00:00Z"),
      position: { row: 2 },
    });
    expect(people[0]?.emails).toEqual([]);
    expect(people[4]?.organizationName).toBe('Raman "PR" Consulting');
    expect(people[7]?.organizationName).toBe("株式会社サンプル");
    // Case and trailing slash differences collapse to one canonical URL.
    expect(people[5]?.linkedinUrl).toBe(people[0]?.linkedinUrl);

    const issues = items.filter((item) => item.kind === "issue");
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: "invalid_date", severity: "warn", position: { row: 9 } });
    expect(people[6]?.observedAt).toBeUndefined();

    const last = progress.at(-1);
    expect(last).toMatchObject({ done: true, records: 8, issues: 1, filtered: { hidden_connection: 2 } });
    expect(last?.bytesRead).toBeGreaterThan(1000);
  });

  it("reads a large export delivered in 1 MB chunks (the header search does not count data rows)", async () => {
    const header = "Notes:\r\n\"When exporting your connection data...\"\r\n\r\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n";
    const rows = Array.from({ length: 20_000 }, (_, index) => `Ada${index},Lovelace,https://www.linkedin.com/in/ada-${index},,Analytical Engines,Engineer,02 Sep 2026`).join("\r\n");
    const file = Buffer.from(`${header}${rows}\r\n`);
    expect(file.length).toBeGreaterThan(1 << 20);
    const { people, issues } = await collect(parseLinkedInConnections(bytesOf(file, 1 << 20)));
    expect(issues).toEqual([]);
    expect(people).toHaveLength(20_000);
  });

  it("accepts a differently worded preamble, a BOM and LF endings", async () => {
    const { people } = await collect(parseLinkedInConnections(fixtureStream("linkedin-connections-variant.csv")));
    expect(people).toHaveLength(1);
    expect(people[0]).toMatchObject({ sourceId: "ana-souza", emails: ["ana@souza.com.br"], organizationName: "Nubank" });
  });

  it("accepts old exports without preamble or URL column, hashing rows for ids", async () => {
    const csv = "First Name,Last Name,Email Address,Company,Position,Connected On\nSam,Lee,sam@lee.io,Initech,CTO,3/5/19\n";
    const { people } = await collect(parseLinkedInConnections(bytesOf(csv)));
    expect(people[0]).toMatchObject({ names: ["Sam Lee"], emails: ["sam@lee.io"], observedAt: new Date("2019-03-05T00:00:00Z") });
    expect(people[0]?.sourceId).toMatch(/^row:/);
    const again = await collect(parseLinkedInConnections(bytesOf(csv, 3)));
    expect(again.people[0]?.sourceId).toBe(people[0]?.sourceId);
  });

  it("replaces invalid UTF-8 and reports the row instead of crashing", async () => {
    const bytes = Buffer.concat([
      Buffer.from("First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\nRen"),
      Buffer.from([0xe9, 0xff]),
      Buffer.from("e,Petit,https://www.linkedin.com/in/rene-petit,,,,02 Sep 2026\r\n"),
    ]);
    const { people, issues } = await collect(parseLinkedInConnections(bytesOf(bytes, 5)));
    expect(people[0]?.names[0]).toContain("\uFFFD");
    expect(issues[0]).toMatchObject({ code: "invalid_encoding", severity: "warn", position: { row: 1 } });
  });

  it("reports a row cut off inside quotes as truncated", async () => {
    const csv = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\nA,B,https://www.linkedin.com/in/ab,,X,Y,02 Sep 2026\nC,D,https://www.linkedin.com/in/cd,,"Acme, In';
    const { people, issues } = await collect(parseLinkedInConnections(bytesOf(csv)));
    expect(people).toHaveLength(1);
    expect(issues).toEqual([expect.objectContaining({ code: "truncated", severity: "skip", position: { row: 2 } })]);
  });

  it("skips a row with a quote that never closes and reads the rows after it", async () => {
    const header = "First Name,Last Name,URL,Email Address,Company,Position,Connected On";
    const row = (name: string, company: string) => `${name},Lee,https://www.linkedin.com/in/${name.toLowerCase()}-lee,,${company},CEO,02 Sep 2026`;
    // A later quoted value closes the stray quote: the rows between were swallowed into one value.
    const closedLater = [header, row("Ann", "Alpha"), row("Bob", '"Beta, Inc'), row("Cy", "Gamma"), row("Di", '"Delta, LLC"'), row("Ed", "Epsilon"), ""].join("\r\n");
    const later = await collect(parseLinkedInConnections(bytesOf(closedLater)));
    expect(later.people.map((p) => p.sourceId)).toEqual(["ann-lee", "cy-lee", "di-lee", "ed-lee"]);
    expect(later.people.find((p) => p.sourceId === "di-lee")?.organizationName).toBe("Delta, LLC");
    expect(later.issues).toEqual([expect.objectContaining({ code: "invalid_row", severity: "skip", position: { row: 2 } })]);
    expect(later.issues[0]?.reason).toMatch(/Row 2 has a quote .* never closed/);
    // Nothing closes it: the rest of the file was one unterminated value.
    const neverClosed = [header, row("Ann", '"Alpha'), row("Bob", "Beta"), row("Cy", "Gamma"), ""].join("\n");
    const never = await collect(parseLinkedInConnections(bytesOf(neverClosed)));
    expect(never.people.map((p) => p.sourceId)).toEqual(["bob-lee", "cy-lee"]);
    expect(never.issues).toEqual([expect.objectContaining({ code: "invalid_row", position: { row: 1 } })]);
  });

  it("rejects an mbox with a message naming both formats", async () => {
    const mbox = "From 123@xxx Mon Sep 02 10:00:00 +0000 2026\nFrom: a@b.c\n\nhi\n";
    const error = await collect(parseLinkedInConnections(bytesOf(mbox))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceFormatError);
    expect((error as Error).message).toMatch(/looks like an mbox file .*not a LinkedIn Connections\.csv export/);
  });

  it("rejects a CSV without the header row", async () => {
    const error = await collect(parseLinkedInConnections(bytesOf("Name,Phone\nA,1\n"))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceFormatError);
    expect((error as Error).message).toContain("not a LinkedIn Connections.csv export");
  });

  it("sniffs its own format only", () => {
    expect(sniffLinkedInConnections(Buffer.from("Notes:\r\n\"When exporting…\"\r\n"))).toBe(true);
    expect(sniffLinkedInConnections(Buffer.from("BEGIN:VCARD\r\n"))).toBe(false);
  });
});
