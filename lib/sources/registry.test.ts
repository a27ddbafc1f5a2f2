import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { detectFormat, SOURCE_PARSERS, type SourceFormat } from "./index";
import { collect, fixturePath, fixtureStream } from "./testing/helpers";

const FIXTURES: Record<Exclude<SourceFormat, "slack_export" | "linkedin_archive">, string> = {
  linkedin_connections: "linkedin-connections.csv",
  linkedin_messages: "linkedin-messages.csv",
  google_contacts: "google-contacts-old.csv",
  vcard: "contacts-v3.vcf",
  mbox: "gmail-takeout.mbox",
  ics: "calendar.ics",
};

describe("SOURCE_PARSERS", () => {
  it("parses each fixture through the registry and sniffs only its own format", async () => {
    for (const [format, file] of Object.entries(FIXTURES) as Array<[SourceFormat, string]>) {
      const parser = SOURCE_PARSERS[format];
      const head = (await readFile(fixturePath(file))).subarray(0, 4096);
      expect(detectFormat(head)).toBe(format);
      for (const other of Object.values(SOURCE_PARSERS)) expect(other.sniff(head)).toBe(other === parser);
      if (parser.input !== "stream") throw new Error("stream parser expected");
      const { people, interactions } = await collect(parser.parse(fixtureStream(file, 4096), { now: new Date("2026-09-10T00:00:00Z") }));
      expect(people.length + interactions.length).toBeGreaterThan(0);
      for (const item of [...people, ...interactions]) expect(item.sourceName).toBe(parser.sourceName);
    }
    const slack = SOURCE_PARSERS.slack_export;
    expect(slack.input).toBe("path");
  });
});
