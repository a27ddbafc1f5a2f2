// LinkedIn's "Get a copy of your data" export as it is downloaded: a zip (or the folder it unpacks to) holding,
// among some forty other files, Connections.csv and messages.csv. Both are streamed out of the archive
// through their own parsers, Connections.csv first, as one run: the connections become the owner's ties and
// the conversations interactions, exactly as importing the two files one after the other would. Every item
// and issue names the file it came from (position.entry). Nothing else in the archive is read.
import { detectFormat } from "../detect-format";
import { baseName, parseArchiveParts, type ArchivePart } from "../io/archive-parts";
import type { ArchiveEntry, ArchiveLimits } from "../io/export-archive";
import type { TSourceItem } from "../types";
import { parseLinkedInConnections } from "./linkedin-connections";
import { inferLinkedInMessagesOwner, parseLinkedInMessages, type LinkedInMessagesOptions } from "./linkedin-messages";

export interface LinkedInArchiveOptions extends LinkedInMessagesOptions {
  limits?: Partial<ArchiveLimits>;
}

/** The files read, in reading order: people before the conversations that name them. */
const EXPORT_FILES = ["connections.csv", "messages.csv"] as const;

/**
 * The archive's entries WIG reads, in reading order: for each file name (case aside) the shallowest entry
 * of that name, so a copy in a subfolder does not override the export's own.
 */
export function linkedInExportEntries(entries: readonly ArchiveEntry[]): ArchiveEntry[] {
  const depth = (entry: ArchiveEntry) => entry.path.split("/").length;
  return EXPORT_FILES.flatMap((name) => {
    const matches = entries.filter((entry) => baseName(entry) === name).sort((a, b) => depth(a) - depth(b) || (a.path < b.path ? -1 : 1));
    return matches.slice(0, 1);
  });
}

/** Any zip may be LinkedIn's export (its first entry is seldom one of the two files): the directory decides. */
export function sniffLinkedInArchive(firstBytes: Uint8Array): boolean {
  const found = detectFormat(firstBytes);
  return found === "linkedin_archive" || found === "zip";
}

export function parseLinkedInArchive(path: string, options: LinkedInArchiveOptions = {}): AsyncGenerator<TSourceItem> {
  return parseArchiveParts<LinkedInMessagesOptions>(path, {
    exportName: "LinkedIn data export",
    ...(options.limits ? { limits: options.limits } : {}),
    options,
    noneFound: `This archive holds neither Connections.csv nor messages.csv, so it is not LinkedIn's data export. Upload the zip from LinkedIn's "Get a copy of your data" (choose at least Connections), or Connections.csv itself.`,
    choose: async (archive) => {
      const parts: Array<ArchivePart<LinkedInMessagesOptions>> = [];
      for (const entry of linkedInExportEntries(archive.entries)) {
        if (baseName(entry) === "connections.csv") {
          parts.push({ entry, parse: parseLinkedInConnections });
          continue;
        }
        // The owner's own profile in messages.csv, found by reading it once more (as a single file's import does).
        const inferred =
          !options.ownerProfileUrl && (options.ownerEmails?.length ?? 0) > 0 ? await inferLinkedInMessagesOwner(await archive.stream(entry)) : null;
        parts.push({ entry, parse: parseLinkedInMessages, ...(inferred ? { options: { ownerProfileUrl: inferred } } : {}) });
      }
      return parts;
    },
  });
}
