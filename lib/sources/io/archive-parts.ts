// Imports some files of an export archive (a zip, or the folder it unpacks to) through the stream parsers of
// their formats, one after the other, as one run: LinkedIn's data export (Connections.csv, messages.csv),
// Google Takeout's mailboxes and calendars. What every such import needs is here: the archive's bounds
// (export-archive.ts), unsafe paths reported, every item and error naming the file it came from
// (position.entry), the parsers' filtered counts added up, and progress in the archive's stored bytes, scaled
// so that reading the chosen files reaches the archive's size (the run's total).
import { SourceFormatError } from "../errors";
import type { ByteInput, ParseOptions, TSourceItem } from "../types";
import { DEFAULT_ARCHIVE_LIMITS, openExportArchive, type ArchiveEntry, type ArchiveLimits, type ExportArchive } from "./export-archive";
import { ProgressTracker } from "./progress";
import { tracked } from "./tracked";

/** One file of the archive and how to read it. */
export interface ArchivePart<O extends ParseOptions> {
  entry: ArchiveEntry;
  parse(input: ByteInput, options: O): AsyncGenerator<TSourceItem>;
  /** Options for this file on top of the run's (a messages.csv's owner profile, found by reading it). */
  options?: Partial<O>;
}

export interface ArchivePartsOptions<O extends ParseOptions> {
  /** Named in errors: "LinkedIn data export". */
  exportName: string;
  limits?: Partial<ArchiveLimits>;
  /** The files to read, in reading order; none is an error saying `noneFound`. */
  choose(archive: ExportArchive): Promise<Array<ArchivePart<O>>>;
  noneFound: string;
  options: O;
}

export async function* parseArchiveParts<O extends ParseOptions>(path: string, spec: ArchivePartsOptions<O>): AsyncGenerator<TSourceItem> {
  const tracker = new ProgressTracker(spec.options);
  yield* tracked(tracker, partItems(path, tracker, spec));
}

async function* partItems<O extends ParseOptions>(path: string, tracker: ProgressTracker, spec: ArchivePartsOptions<O>): AsyncGenerator<TSourceItem> {
  const archive = await openExportArchive(path, { ...DEFAULT_ARCHIVE_LIMITS, ...spec.limits }, { exportName: spec.exportName });
  try {
    const parts = await spec.choose(archive);
    if (parts.length === 0) throw new SourceFormatError("wrong_format", spec.noneFound);
    for (const { path: unsafePath, reason } of archive.unsafe) {
      yield { kind: "issue", severity: "skip", code: "unsafe_path", reason: `Skipped "${unsafePath}" in the archive: ${reason}.`, position: { entry: unsafePath } };
    }
    const chosenBytes = parts.reduce((sum, part) => sum + part.entry.storedSize, 0);
    const archiveBytes = archive.entries.reduce((sum, entry) => sum + entry.storedSize, 0);
    const scale = chosenBytes > 0 ? archiveBytes / chosenBytes : 0;
    for (const part of parts) {
      const { entry } = part;
      let reported = 0;
      let filtered: Record<string, number> = {};
      const report = (share: number) => {
        const bytes = Math.round(entry.storedSize * scale * Math.min(1, share));
        if (bytes > reported) tracker.addBytes(bytes - reported);
        reported = Math.max(reported, bytes);
      };
      const items = part.parse(await archive.stream(entry), {
        ...spec.options,
        ...part.options,
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

/** An entry's file name, lower-cased: "takeout/mail/all mail.mbox" → "all mail.mbox". */
export function baseName(entry: ArchiveEntry): string {
  return (entry.path.split("/").pop() ?? "").toLowerCase();
}
