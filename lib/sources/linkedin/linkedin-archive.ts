// LinkedIn's "Get a copy of your data" export as it is downloaded: a zip (or the folder it unpacks to) holding,
// among some forty other files, Connections.csv and messages.csv. Both are streamed out of the archive
// through their own parsers, Connections.csv first, as one run: the connections become the owner's ties and
// the conversations interactions, exactly as importing the two files one after the other would. Every item
// and issue names the file it came from (position.entry). Nothing else in the archive is read.
import { detectFormat } from "../detect-format";
import { SourceFormatError } from "../errors";
import { DEFAULT_ARCHIVE_LIMITS, openExportArchive, type ArchiveEntry, type ArchiveLimits } from "../io/export-archive";
import { ProgressTracker } from "../io/progress";
import { tracked } from "../io/tracked";
import type { ByteInput, TSourceItem } from "../types";
import { parseLinkedInConnections } from "./linkedin-connections";
import { inferLinkedInMessagesOwner, parseLinkedInMessages, type LinkedInMessagesOptions } from "./linkedin-messages";

export interface LinkedInArchiveOptions extends LinkedInMessagesOptions {
  limits?: Partial<ArchiveLimits>;
}

type EntryParser = (input: ByteInput, options: LinkedInMessagesOptions) => AsyncGenerator<TSourceItem>;

/** The files read, in reading order: people before the conversations that name them. */
const EXPORT_FILES: ReadonlyArray<{ name: string; parse: EntryParser }> = [
  { name: "connections.csv", parse: parseLinkedInConnections },
  { name: "messages.csv", parse: parseLinkedInMessages },
];

const EXPORT_NAME = "LinkedIn data export";

/**
 * The archive's entries WIG reads, in reading order: for each file name (case aside) the shallowest entry
 * of that name, so a copy in a subfolder does not override the export's own.
 */
export function linkedInExportEntries(entries: readonly ArchiveEntry[]): ArchiveEntry[] {
  const depth = (entry: ArchiveEntry) => entry.path.split("/").length;
  return EXPORT_FILES.flatMap(({ name }) => {
    const matches = entries
      .filter((entry) => (entry.path.split("/").pop() ?? "").toLowerCase() === name)
      .sort((a, b) => depth(a) - depth(b) || (a.path < b.path ? -1 : 1));
    return matches.slice(0, 1);
  });
}

/** Any zip may be LinkedIn's export (its first entry is seldom one of the two files): the directory decides. */
export function sniffLinkedInArchive(firstBytes: Uint8Array): boolean {
  const found = detectFormat(firstBytes);
  return found === "linkedin_archive" || found === "zip";
}

export async function* parseLinkedInArchive(path: string, options: LinkedInArchiveOptions = {}): AsyncGenerator<TSourceItem> {
  const tracker = new ProgressTracker(options);
  yield* tracked(tracker, archiveItems(path, tracker, options));
}

async function* archiveItems(path: string, tracker: ProgressTracker, options: LinkedInArchiveOptions): AsyncGenerator<TSourceItem> {
  const archive = await openExportArchive(path, { ...DEFAULT_ARCHIVE_LIMITS, ...options.limits }, { exportName: EXPORT_NAME });
  try {
    const chosen = linkedInExportEntries(archive.entries);
    if (chosen.length === 0) {
      throw new SourceFormatError(
        "wrong_format",
        `This archive holds neither Connections.csv nor messages.csv, so it is not LinkedIn's data export. Upload the zip from LinkedIn's "Get a copy of your data" (choose at least Connections), or Connections.csv itself.`,
      );
    }
    for (const { path: unsafePath, reason } of archive.unsafe) {
      yield { kind: "issue", severity: "skip", code: "unsafe_path", reason: `Skipped "${unsafePath}" in the archive: ${reason}.`, position: { entry: unsafePath } };
    }
    // Progress counts the chosen entries' stored bytes, scaled so that reading them all reaches the archive's
    // size (the run's total): the files WIG does not read would otherwise leave the bar short of the end.
    const chosenBytes = chosen.reduce((sum, entry) => sum + entry.storedSize, 0);
    const archiveBytes = archive.entries.reduce((sum, entry) => sum + entry.storedSize, 0);
    const scale = chosenBytes > 0 ? archiveBytes / chosenBytes : 0;
    for (const entry of chosen) {
      const parse = EXPORT_FILES.find(({ name }) => entry.path.toLowerCase().endsWith(name))?.parse;
      if (!parse) continue;
      let reported = 0;
      let filtered: Record<string, number> = {};
      const report = (share: number) => {
        const bytes = Math.round(entry.storedSize * scale * Math.min(1, share));
        if (bytes > reported) tracker.addBytes(bytes - reported);
        reported = Math.max(reported, bytes);
      };
      // The owner's own profile in messages.csv, found by reading it once more (as a single file's import does).
      const ownerProfileUrl =
        parse === parseLinkedInMessages && !options.ownerProfileUrl && (options.ownerEmails?.length ?? 0) > 0
          ? ((await inferLinkedInMessagesOwner(await archive.stream(entry))) ?? undefined)
          : options.ownerProfileUrl;
      const items = parse(await archive.stream(entry), {
        ...options,
        ...(ownerProfileUrl ? { ownerProfileUrl } : {}),
        onProgress: (progress) => {
          report(entry.size > 0 ? progress.bytesRead / entry.size : 1);
          if (progress.done) filtered = progress.filtered;
        },
      });
      try {
        for await (const item of items) yield { ...item, position: { ...item.position, entry: entry.path } };
      } catch (error) {
        if (error instanceof SourceFormatError) {
          throw new SourceFormatError(error.reasonCode, `${entry.path} in the archive: ${error.message}`, { position: { ...error.position, entry: entry.path }, cause: error });
        }
        throw error;
      }
      report(1);
      for (const [reason, count] of Object.entries(filtered)) tracker.filter(reason, count);
    }
  } finally {
    archive.close();
  }
}
