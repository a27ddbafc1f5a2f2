// Exports that arrive zipped, as Google Takeout sends them: "Takeout/Mail/All mail Including Spam and
// Trash.mbox", "Takeout/Calendar/<calendar>.ics", "Takeout/Contacts/<label>/<label>.vcf". Each file of the
// source's format in the archive (by extension, in path order) goes through that format's parser, as one run
// (archive-parts.ts); nothing else in the archive is read. A mailbox's owner is found in the first mailbox
// (openZippedExport), as for a plain .mbox.
import { stat } from "node:fs/promises";
import { parseCalendar } from "../calendar/calendar";
import { inferMailboxOwner } from "../mbox/infer-mailbox-owner";
import { parseGmailMbox } from "../mbox/gmail-mbox";
import type { SourceParseOptions } from "../registry";
import type { TSourceItem, TSourceName } from "../types";
import { parseVCard } from "../vcard/vcard";
import { baseName, parseArchiveParts, type ArchivePart } from "./archive-parts";
import { DEFAULT_ARCHIVE_LIMITS, openExportArchive, type ArchiveEntry, type ArchiveLimits } from "./export-archive";

interface ZippedExport {
  extensions: readonly string[];
  exportName: string;
  /** "an .mbox mailbox": what the archive lacked, in the error. */
  file: string;
  howTo: string;
  parse: ArchivePart<SourceParseOptions>["parse"];
}

const ZIPPED: Partial<Record<TSourceName, ZippedExport>> = {
  gmail: {
    extensions: [".mbox"],
    exportName: "Google Takeout archive",
    file: "an .mbox mailbox",
    howTo: "Upload the Takeout zip with Mail in it, or the .mbox file from it.",
    parse: parseGmailMbox,
  },
  calendar: {
    extensions: [".ics"],
    exportName: "calendar archive",
    file: "an .ics calendar",
    howTo: "Upload the Takeout zip with Calendar in it, or an .ics file.",
    parse: parseCalendar,
  },
  vcard: {
    extensions: [".vcf", ".vcard"],
    exportName: "contacts archive",
    file: "a .vcf contacts file",
    howTo: "Upload the Takeout zip with Contacts in it, or a .vcf file.",
    parse: parseVCard,
  },
};

/** Whether a zip sent to this source is read for the files of its format. */
export function acceptsZippedExport(sourceName: TSourceName): boolean {
  return ZIPPED[sourceName] !== undefined;
}

/** The archive's files of the source's format, in path order (what is read, and its order on a resume). */
export function zippedExportEntries(sourceName: TSourceName, entries: readonly ArchiveEntry[]): ArchiveEntry[] {
  const spec = ZIPPED[sourceName];
  if (!spec) return [];
  return entries.filter((entry) => spec.extensions.some((extension) => baseName(entry).endsWith(extension))).sort((a, b) => (a.path < b.path ? -1 : 1));
}

/**
 * A mailbox runs to tens of gigabytes, past the archive reader's default 4 GB of inflated bytes: here the
 * zip-bomb guard is the inflation ratio (mail deflates 3–10×, a bomb a thousandfold), with the default as floor.
 */
const MAX_INFLATION_RATIO = 50;

export function zippedExportLimitsFor(archiveBytes: number, given: Partial<ArchiveLimits> = {}): ArchiveLimits {
  return { ...DEFAULT_ARCHIVE_LIMITS, maxTotalBytes: Math.max(DEFAULT_ARCHIVE_LIMITS.maxTotalBytes, archiveBytes * MAX_INFLATION_RATIO), ...given };
}

async function zippedExportLimits(path: string, given: Partial<ArchiveLimits> = {}): Promise<ArchiveLimits> {
  return zippedExportLimitsFor((await stat(path)).size, given);
}

export async function* parseZippedExport(sourceName: TSourceName, path: string, options: SourceParseOptions = {}): AsyncGenerator<TSourceItem> {
  const spec = ZIPPED[sourceName];
  if (!spec) throw new Error(`${sourceName} exports are not read from archives`);
  yield* parseArchiveParts<SourceParseOptions>(path, {
    exportName: spec.exportName,
    limits: await zippedExportLimits(path, options.limits),
    options,
    noneFound: `This archive holds no ${spec.file.replace(/^an? /, "")} file (no ${spec.extensions.join(" or ")} in it), so there is nothing to import as ${sourceName}. ${spec.howTo}`,
    choose: async (archive) => zippedExportEntries(sourceName, archive.entries).map((entry) => ({ entry, parse: spec.parse })),
  });
}

/** The owner of the archive's first mailbox (its Sent label, Delivered-To, frequent sender), or null. */
export async function inferZippedMailboxOwner(path: string): Promise<string | null> {
  const archive = await openExportArchive(path, await zippedExportLimits(path), { exportName: "Google Takeout archive" });
  try {
    const [first] = zippedExportEntries("gmail", archive.entries);
    if (!first) return null;
    return (await inferMailboxOwner(await archive.stream(first))).email;
  } finally {
    archive.close();
  }
}
