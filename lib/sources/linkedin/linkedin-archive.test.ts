import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { detectFormat } from "../detect-format";
import { SourceFormatError } from "../errors";
import { allItems as all, archiveScratch, withoutEntry } from "../testing/archive-helpers";
import { collect, fixturePath, fixtureStream } from "../testing/helpers";
import { writeZip, type ZipSource } from "../testing/write-zip";
import { ZSourceItem, type ParseProgress, type TSourceItem } from "../types";
import { linkedInExportEntries, parseLinkedInArchive, sniffLinkedInArchive } from "./linkedin-archive";
import { parseLinkedInConnections } from "./linkedin-connections";
import { parseLinkedInMessages } from "./linkedin-messages";

const scratch = archiveScratch("wig-linkedin-archive-");
const zipFile = scratch.zip;

/** What LinkedIn's "Get a copy of your data" zip looks like: the two files WIG reads among others. */
async function exportSources(): Promise<ZipSource[]> {
  return [
    { name: "Ad_Targeting.csv", data: Buffer.from("Member Age,Company Names\n25 to 34,Stripe\n") },
    { name: "Profile.csv", data: Buffer.from("First Name,Last Name,Headline\nAlex,Owner,Partner\n") },
    { name: "Connections.csv", data: await readFile(fixturePath("linkedin-connections.csv")) },
    { name: "Articles/Articles/2026-01-01 Hello.html", data: Buffer.from("<html></html>") },
    { name: "messages.csv", data: await readFile(fixturePath("linkedin-messages.csv")) },
    { name: "Invitations.csv", data: Buffer.from("From,To,Sent At\n") },
  ];
}

async function folderOf(name: string, sources: ZipSource[]): Promise<string> {
  const root = scratch.path(name);
  for (const source of sources) {
    const path = join(root, ...source.name.split("/"));
    await mkdir(join(path, ".."), { recursive: true });
    await writeFile(path, source.data);
  }
  return root;
}

/** The two files parsed on their own, one after the other: what the archive must give, entry aside. */
async function separately(): Promise<TSourceItem[]> {
  const items: TSourceItem[] = [];
  for await (const item of parseLinkedInConnections(fixtureStream("linkedin-connections.csv"))) items.push(item);
  for await (const item of parseLinkedInMessages(fixtureStream("linkedin-messages.csv"))) items.push(item);
  return items;
}

describe("parseLinkedInArchive", () => {
  it("reads Connections.csv then messages.csv from the export zip, as the two files would be read alone", async () => {
    const path = await zipFile("Basic_LinkedInDataExport_11-26-2026.zip", await exportSources());
    const progress: ParseProgress[] = [];
    const items = await all(parseLinkedInArchive(path, { onProgress: (p) => progress.push(p) }));
    const expected = await separately();
    expect(items.map(withoutEntry)).toEqual(expected);
    for (const item of items) expect(ZSourceItem.parse(item)).toEqual(item);
    // Every item names its file; the people come first.
    const entries = items.map((item) => item.position.entry);
    expect(new Set(entries)).toEqual(new Set(["Connections.csv", "messages.csv"]));
    expect(entries.lastIndexOf("Connections.csv")).toBeLessThan(entries.indexOf("messages.csv"));
    const { people, interactions } = await collect((async function* () { yield* items; })());
    expect(people.length).toBeGreaterThan(0);
    expect(interactions.length).toBeGreaterThan(0);

    // Progress climbs to the archive's stored bytes (the run's total), and the filtered counts of both files
    // (a hidden connection, a draft, …) are added up in the final report.
    const last = progress.at(-1);
    expect(last?.done).toBe(true);
    const bytes = progress.map((p) => p.bytesRead);
    expect(bytes).toEqual([...bytes].sort((a, b) => a - b));
    const zipBytes = (await readFile(path)).length;
    expect(last?.bytesRead).toBeGreaterThan(zipBytes * 0.5);
    expect(last?.bytesRead).toBeLessThanOrEqual(zipBytes);
    const filtered: Record<string, number> = {};
    const note = (p: ParseProgress) => {
      if (p.done) for (const [reason, count] of Object.entries(p.filtered)) filtered[reason] = (filtered[reason] ?? 0) + count;
    };
    await all(parseLinkedInConnections(fixtureStream("linkedin-connections.csv"), { onProgress: note }));
    await all(parseLinkedInMessages(fixtureStream("linkedin-messages.csv"), { onProgress: note }));
    expect(Object.keys(filtered).length).toBeGreaterThan(0);
    expect(last?.filtered).toEqual(filtered);
    expect(last?.records).toBe(items.filter((item) => item.kind !== "issue").length);
  });

  it("reads the unpacked folder the same way, and only the export's own copies of the two files", async () => {
    const sources = await exportSources();
    const stale = { name: "old/Connections.csv", data: Buffer.from("First Name,Last Name,URL,Email Address,Company,Position,Connected On\nZed,Old,https://www.linkedin.com/in/zed-old,,,,01 Jan 2020\n") };
    const folder = await folderOf("Basic_LinkedInDataExport", [stale, ...sources]);
    const fromFolder = await all(parseLinkedInArchive(folder));
    expect(fromFolder.map(withoutEntry)).toEqual(await separately());
    const wrapped = await zipFile("wrapped.zip", [stale, ...sources].map((source) => ({ ...source, name: `export/${source.name}` })));
    const fromWrapped = await all(parseLinkedInArchive(wrapped));
    expect(fromWrapped.map(withoutEntry)).toEqual(await separately());
    expect(new Set(fromWrapped.map((item) => item.position.entry))).toEqual(new Set(["export/Connections.csv", "export/messages.csv"]));
  });

  it("finds the owner's own profile in its messages.csv, so the owner takes part under the address given", async () => {
    const path = await zipFile("owned.zip", await exportSources());
    const items = await all(parseLinkedInArchive(path, { ownerEmails: ["alex.owner@gmail.com"] }));
    const messages = items.filter((item) => item.kind === "interaction" && item.position.entry === "messages.csv");
    expect(messages).toHaveLength(3);
    for (const message of messages) {
      if (message.kind !== "interaction") continue;
      expect(message.participants.find((participant) => participant.handle === "linkedin:alex-owner")?.email).toBe("alex.owner@gmail.com");
      expect(message.ownerDirection).toMatch(/^(inbound|outbound)$/);
    }
  });

  it("imports an export holding only one of the two files", async () => {
    const sources = (await exportSources()).filter((source) => source.name !== "messages.csv");
    const items = await all(parseLinkedInArchive(await zipFile("connections-only.zip", sources)));
    expect(items.every((item) => item.position.entry === "Connections.csv")).toBe(true);
    expect(items.some((item) => item.kind === "person")).toBe(true);
  });

  it("says what is missing when the archive is not LinkedIn's export", async () => {
    const path = await zipFile("photos.zip", [{ name: "IMG_0001.jpg", data: Buffer.from([0xff, 0xd8, 0xff]) }]);
    const error = await all(parseLinkedInArchive(path)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceFormatError);
    expect((error as SourceFormatError).reasonCode).toBe("wrong_format");
    expect((error as Error).message).toMatch(/neither Connections\.csv nor messages\.csv.*Get a copy of your data/);
  });

  it("names the file inside the archive when one of them is not what its name says", async () => {
    const sources = (await exportSources()).map((source) => (source.name === "messages.csv" ? { ...source, data: Buffer.from("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n") } : source));
    const error = await all(parseLinkedInArchive(await zipFile("odd.zip", sources))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceFormatError);
    expect((error as Error).message).toMatch(/^messages\.csv in the archive: This looks like an iCalendar/);
    expect((error as SourceFormatError).position?.entry).toBe("messages.csv");
  });

  it("refuses a zip bomb in LinkedIn's words", async () => {
    const sources = [...(await exportSources()), { name: "Rich_Media/huge.bin", data: Buffer.alloc(3 * 1024 * 1024, 0x20) }];
    const error = await all(parseLinkedInArchive(await zipFile("bomb.zip", sources), { limits: { maxTotalBytes: 1024 * 1024 } })).catch((e: unknown) => e);
    expect((error as SourceFormatError).reasonCode).toBe("archive_too_large");
    expect((error as Error).message).toMatch(/zip bomb or not a LinkedIn data export/);
  });
});

describe("linkedInExportEntries and detection", () => {
  it("takes the shallowest copy of each file, whatever its case, Connections first", () => {
    const entry = (path: string) => ({ path, size: 1, storedSize: 1 });
    const chosen = linkedInExportEntries([entry("a/b/Connections.csv"), entry("MESSAGES.CSV"), entry("a/connections.csv"), entry("Profile.csv")]);
    expect(chosen.map((e) => e.path)).toEqual(["a/connections.csv", "MESSAGES.CSV"]);
  });

  it("recognises the export by its first entry when it can, and takes any other zip as a candidate", async () => {
    const first = writeZip([{ name: "Connections.csv", data: Buffer.from("Notes:\n") }]);
    expect(detectFormat(first)).toBe("linkedin_archive");
    expect(sniffLinkedInArchive(first)).toBe(true);
    expect(sniffLinkedInArchive(writeZip([{ name: "Profile.csv", data: Buffer.from("x") }]))).toBe(true);
    expect(sniffLinkedInArchive(writeZip([{ name: "users.json", data: Buffer.from("[]") }]))).toBe(false);
    expect(sniffLinkedInArchive(await readFile(fixturePath("linkedin-connections.csv")))).toBe(false);
  });
});
