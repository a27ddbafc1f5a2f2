import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { parseCalendar } from "../calendar/calendar";
import { SourceFormatError } from "../errors";
import { inferMailboxOwner } from "../mbox/infer-mailbox-owner";
import { parseGmailMbox } from "../mbox/gmail-mbox";
import { allItems as all, archiveScratch, withoutEntry } from "../testing/archive-helpers";
import { fixturePath, fixtureStream } from "../testing/helpers";
import type { ZipSource } from "../testing/write-zip";
import type { ParseProgress } from "../types";
import { parseVCard } from "../vcard/vcard";
import { inferZippedMailboxOwner, parseZippedExport, zippedExportEntries, zippedExportLimitsFor } from "./zipped-exports";

const zipFile = archiveScratch("wig-zipped-").zip;
const now = new Date("2026-09-10T00:00:00Z");

/** A Google Takeout zip with mail, two calendars and contacts, and the browser page Takeout adds. */
async function takeout(): Promise<ZipSource[]> {
  return [
    { name: "Takeout/archive_browser.html", data: Buffer.from("<html><body>Takeout</body></html>") },
    { name: "Takeout/Mail/All mail Including Spam and Trash.mbox", data: await readFile(fixturePath("gmail-takeout.mbox")) },
    { name: "Takeout/Calendar/Work.ics", data: await readFile(fixturePath("calendar.ics")) },
    { name: "Takeout/Calendar/Alex Owner.ics", data: await readFile(fixturePath("calendar.ics")) },
    { name: "Takeout/Contacts/My Contacts/My Contacts.vcf", data: await readFile(fixturePath("contacts-v3.vcf")) },
  ];
}

describe("parseZippedExport", () => {
  it("reads a Takeout zip's mailbox as the .mbox alone would be read, naming the file", async () => {
    const path = await zipFile("takeout-20261127T120000Z-001.zip", await takeout());
    const options = { ownerEmails: ["alex.owner@gmail.com"] };
    const progress: ParseProgress[] = [];
    const items = await all(parseZippedExport("gmail", path, { ...options, onProgress: (p) => progress.push(p) }));
    expect(items.map(withoutEntry)).toEqual(await all(parseGmailMbox(fixtureStream("gmail-takeout.mbox", 4096), options)));
    expect(new Set(items.map((item) => item.position.entry))).toEqual(new Set(["Takeout/Mail/All mail Including Spam and Trash.mbox"]));
    const last = progress.at(-1);
    expect(last?.done).toBe(true);
    expect(last?.bytesRead).toBeGreaterThan(0);
    expect(Object.keys(last?.filtered ?? {}).length).toBeGreaterThan(0);
  });

  it("reads every calendar, in path order, and the contacts", async () => {
    const path = await zipFile("takeout.zip", await takeout());
    const calendars = await all(parseZippedExport("calendar", path, { now }));
    const one = await all(parseCalendar(fixtureStream("calendar.ics", 4096), { now }));
    expect(calendars.map(withoutEntry)).toEqual([...one, ...one]);
    expect(calendars[0]?.position.entry).toBe("Takeout/Calendar/Alex Owner.ics");
    expect(calendars.at(-1)?.position.entry).toBe("Takeout/Calendar/Work.ics");
    const contacts = await all(parseZippedExport("vcard", path));
    expect(contacts.map(withoutEntry)).toEqual(await all(parseVCard(fixtureStream("contacts-v3.vcf", 4096))));
  });

  it("says what the archive lacks, and where the file comes from", async () => {
    const path = await zipFile("photos.zip", [{ name: "Takeout/Google Photos/IMG_0001.jpg", data: Buffer.from([0xff, 0xd8, 0xff]) }]);
    const error = await all(parseZippedExport("gmail", path)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceFormatError);
    expect((error as Error).message).toBe(
      "This archive holds no .mbox mailbox file (no .mbox in it), so there is nothing to import as gmail. Upload the Takeout zip with Mail in it, or the .mbox file from it.",
    );
  });

  it("guards against a zip bomb by its inflation ratio (never below 4 GB), so a mailbox past 4 GB still reads", async () => {
    const GB = 1024 ** 3;
    expect(zippedExportLimitsFor(1024).maxTotalBytes).toBe(4 * GB);
    expect(zippedExportLimitsFor(2 * GB).maxTotalBytes).toBe(100 * GB);
    expect(zippedExportLimitsFor(2 * GB, { maxTotalBytes: 5 }).maxTotalBytes).toBe(5);
    // 3 MB of spaces deflate to a few kilobytes: far past 50 times the archive's size.
    const bomb = await zipFile("bomb.zip", [{ name: "Takeout/Mail/bomb.mbox", data: Buffer.alloc(3 * 1024 * 1024, 0x20) }]);
    const error = await all(parseZippedExport("gmail", bomb, { limits: { maxTotalBytes: (await readFile(bomb)).length * 50 } })).catch((e: unknown) => e);
    expect((error as SourceFormatError).reasonCode).toBe("archive_too_large");
    expect((error as Error).message).toMatch(/zip bomb or not a Google Takeout archive/);
  });

  it("finds the mailbox's owner in the archive as in the plain file", async () => {
    const path = await zipFile("owner.zip", await takeout());
    expect(await inferZippedMailboxOwner(path)).toBe((await inferMailboxOwner(fixtureStream("gmail-takeout.mbox", 4096))).email);
    expect(await inferZippedMailboxOwner(await zipFile("no-mail.zip", [{ name: "a.txt", data: Buffer.from("x") }]))).toBeNull();
  });

  it("chooses files by extension, case aside", () => {
    const entry = (path: string) => ({ path, size: 1, storedSize: 1 });
    expect(zippedExportEntries("vcard", [entry("b/C.VCF"), entry("a/x.vcard"), entry("a/x.csv")]).map((e) => e.path)).toEqual(["a/x.vcard", "b/C.VCF"]);
    expect(zippedExportEntries("linkedin", [entry("a.mbox")])).toEqual([]);
  });
});
