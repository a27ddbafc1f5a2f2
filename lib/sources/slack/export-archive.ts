// A Slack export is a zip or the folder it unpacks to. Both are read through one small interface: a list of
// entries (name + size) and "read this entry". Untrusted archives are bounded before anything is inflated:
// entry count, total and per-entry uncompressed size (declared sizes are checked up front, and yauzl checks
// the actual inflated bytes against them, so a lying header fails too). Paths that escape the export root
// (absolute, "..", backslashes) are skipped and reported; nothing is ever written to disk.
import { lstat, readdir, readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import * as yauzl from "yauzl";
import { SourceFormatError } from "../errors";

export interface ArchiveLimits {
  /** Default 200,000. */
  maxEntries: number;
  /** Sum of uncompressed entry sizes. Default 4 GB. */
  maxTotalBytes: number;
  /** One JSON file is parsed whole, so this bounds memory. Default 256 MB. */
  maxEntryBytes: number;
}

export const DEFAULT_ARCHIVE_LIMITS: ArchiveLimits = { maxEntries: 200_000, maxTotalBytes: 4 * 1024 ** 3, maxEntryBytes: 256 * 1024 ** 2 };

export interface ArchiveEntry {
  /** Forward-slash path relative to the export root: "general/2026-09-02.json". */
  path: string;
  size: number;
  /** Bytes this entry occupies in the upload, for progress against the file size. */
  storedSize: number;
}

export interface ExportArchive {
  entries: ArchiveEntry[];
  /** Entries refused because of their path, with the reason. */
  unsafe: Array<{ path: string; reason: string }>;
  read(entry: ArchiveEntry): Promise<Buffer>;
  close(): void;
}

export async function openExportArchive(path: string, limits: ArchiveLimits = DEFAULT_ARCHIVE_LIMITS): Promise<ExportArchive> {
  const stats = await lstat(path);
  return stats.isDirectory() ? openFolder(path, limits) : openZip(path, limits);
}

/** Why a name may not be used, or null when it is a safe relative path. */
export function unsafePathReason(name: string): string | null {
  return yauzl.validateFileName(name) ?? (name.includes("\0") ? "NUL byte in file name" : null);
}

function tooLarge(what: string): SourceFormatError {
  return new SourceFormatError(
    "archive_too_large",
    `This archive ${what}. It may be a zip bomb or not a Slack export; upload the workspace export zip as Slack produced it.`,
  );
}

async function openZip(path: string, limits: ArchiveLimits): Promise<ExportArchive> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(path, { lazyEntries: true, decodeStrings: false, autoClose: false });
  } catch (error) {
    throw new SourceFormatError("invalid_zip", `This file is not a readable zip archive (${(error as Error).message}). Upload the export zip from Slack again.`, { cause: error });
  }
  if (zip.entryCount > limits.maxEntries) throw closeAnd(zip, tooLarge(`has ${zip.entryCount} files, more than the limit of ${limits.maxEntries}`));
  const entries: ArchiveEntry[] = [];
  const unsafe: ExportArchive["unsafe"] = [];
  const byPath = new Map<string, yauzl.Entry>();
  let total = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      const name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, false);
      if (name.endsWith("/")) continue;
      const reason = unsafePathReason(name);
      if (reason) {
        unsafe.push({ path: name, reason });
        continue;
      }
      total += entry.uncompressedSize;
      if (total > limits.maxTotalBytes) throw tooLarge(`would inflate to more than ${limits.maxTotalBytes} bytes`);
      entries.push({ path: name, size: entry.uncompressedSize, storedSize: entry.compressedSize });
      byPath.set(name, entry);
    }
  } catch (error) {
    zip.close();
    if (error instanceof SourceFormatError) throw error;
    throw new SourceFormatError("invalid_zip", `The zip archive is damaged (${(error as Error).message}). Upload the export zip from Slack again.`, { cause: error });
  }
  return {
    entries,
    unsafe,
    read: async (entry) => {
      const zipEntry = byPath.get(entry.path);
      if (!zipEntry) throw new Error(`No such entry: ${entry.path}`);
      if (entry.size > limits.maxEntryBytes) throw tooLarge(`contains ${entry.path}, which inflates to ${entry.size} bytes (limit ${limits.maxEntryBytes})`);
      try {
        const stream = await zip.openReadStreamPromise(zipEntry);
        return await collect(stream, limits.maxEntryBytes, entry.path);
      } catch (error) {
        if (error instanceof SourceFormatError) throw error;
        throw new SourceFormatError("invalid_zip", `Could not inflate ${entry.path} (${(error as Error).message}); the archive is damaged.`, { cause: error });
      }
    },
    close: () => zip.close(),
  };
}

function closeAnd(zip: yauzl.ZipFile, error: Error): Error {
  zip.close();
  return error;
}

/** Reads a stream whole, stopping at `max` bytes even if the declared size lied. */
async function collect(stream: AsyncIterable<Buffer>, max: number, path: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += chunk.length;
    if (size > max) throw tooLarge(`contains ${path}, which inflates to more than ${max} bytes`);
    parts.push(chunk);
  }
  return Buffer.concat(parts, size);
}

async function openFolder(root: string, limits: ArchiveLimits): Promise<ExportArchive> {
  const entries: ArchiveEntry[] = [];
  const unsafe: ExportArchive["unsafe"] = [];
  let total = 0;
  const walk = async (dir: string): Promise<void> => {
    for (const item of await readdir(dir, { withFileTypes: true })) {
      const full = join(dir, item.name);
      const path = relative(root, full).split(sep).join("/");
      // Symlinks could point outside the export: never followed.
      if (item.isSymbolicLink()) unsafe.push({ path, reason: "symbolic link" });
      else if (item.isDirectory()) await walk(full);
      else if (item.isFile()) {
        if (entries.length >= limits.maxEntries) throw tooLarge(`folder has more than ${limits.maxEntries} files`);
        const { size } = await lstat(full);
        total += size;
        if (total > limits.maxTotalBytes) throw tooLarge(`folder holds more than ${limits.maxTotalBytes} bytes`);
        entries.push({ path, size, storedSize: size });
      }
    }
  };
  await walk(root);
  return {
    entries,
    unsafe,
    read: async (entry) => {
      if (entry.size > limits.maxEntryBytes) throw tooLarge(`contains ${entry.path}, which is ${entry.size} bytes (limit ${limits.maxEntryBytes})`);
      return readFile(join(root, ...entry.path.split("/")));
    },
    close: () => undefined,
  };
}
