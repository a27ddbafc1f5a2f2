// An export that arrives as a zip or the folder it unpacks to (Slack's workspace export, LinkedIn's data
// export, Google Takeout). Both are read through one small interface: a list of entries (name + size) and
// "read this entry", whole or as a stream. Untrusted archives are bounded before anything is inflated:
// entry count, total and per-entry uncompressed size (declared sizes are checked up front, and yauzl checks
// the actual inflated bytes against them, so a lying header fails too). Paths that escape the export root
// (absolute, "..", backslashes) are skipped and reported; nothing is ever written to disk.
import { createReadStream } from "node:fs";
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
  /** The entry whole (at most `maxEntryBytes`). */
  read(entry: ArchiveEntry): Promise<Buffer>;
  /** The entry as a stream, for parsers that stream (bounded by the total limit, not `maxEntryBytes`). */
  stream(entry: ArchiveEntry): Promise<AsyncIterable<Buffer>>;
  close(): void;
}

/** Which export the archive should be, named in its error messages ("Slack workspace export"). */
export interface ArchiveKind {
  exportName: string;
}

export async function openExportArchive(path: string, limits: ArchiveLimits, kind: ArchiveKind): Promise<ExportArchive> {
  const stats = await lstat(path);
  return stats.isDirectory() ? openFolder(path, limits, kind) : openZip(path, limits, kind);
}

/** Why a name may not be used, or null when it is a safe relative path. */
export function unsafePathReason(name: string): string | null {
  return yauzl.validateFileName(name) ?? (name.includes("\0") ? "NUL byte in file name" : null);
}

function tooLarge(kind: ArchiveKind, what: string): SourceFormatError {
  return new SourceFormatError(
    "archive_too_large",
    `This archive ${what}. It may be a zip bomb or not a ${kind.exportName}; upload the ${kind.exportName} zip as it was downloaded.`,
  );
}

async function openZip(path: string, limits: ArchiveLimits, kind: ArchiveKind): Promise<ExportArchive> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(path, { lazyEntries: true, decodeStrings: false, autoClose: false });
  } catch (error) {
    throw new SourceFormatError("invalid_zip", `This file is not a readable zip archive (${(error as Error).message}). Upload the ${kind.exportName} zip again.`, { cause: error });
  }
  if (zip.entryCount > limits.maxEntries) throw closeAnd(zip, tooLarge(kind, `has ${zip.entryCount} files, more than the limit of ${limits.maxEntries}`));
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
      if (total > limits.maxTotalBytes) throw tooLarge(kind, `would inflate to more than ${limits.maxTotalBytes} bytes`);
      entries.push({ path: name, size: entry.uncompressedSize, storedSize: entry.compressedSize });
      byPath.set(name, entry);
    }
  } catch (error) {
    zip.close();
    if (error instanceof SourceFormatError) throw error;
    throw new SourceFormatError("invalid_zip", `The zip archive is damaged (${(error as Error).message}). Upload the ${kind.exportName} zip again.`, { cause: error });
  }
  const damaged = (entry: ArchiveEntry, error: unknown): SourceFormatError =>
    error instanceof SourceFormatError
      ? error
      : new SourceFormatError("invalid_zip", `Could not inflate ${entry.path} (${(error as Error).message}); the archive is damaged.`, { cause: error });
  const open = async (entry: ArchiveEntry): Promise<NodeJS.ReadableStream> => {
    const zipEntry = byPath.get(entry.path);
    if (!zipEntry) throw new Error(`No such entry: ${entry.path}`);
    try {
      return await zip.openReadStreamPromise(zipEntry);
    } catch (error) {
      throw damaged(entry, error);
    }
  };
  return {
    entries,
    unsafe,
    read: async (entry) => {
      if (entry.size > limits.maxEntryBytes) throw tooLarge(kind, `contains ${entry.path}, which inflates to ${entry.size} bytes (limit ${limits.maxEntryBytes})`);
      try {
        return await collect(await open(entry), limits.maxEntryBytes, entry.path, kind);
      } catch (error) {
        throw damaged(entry, error);
      }
    },
    // yauzl checks the inflated bytes against the declared size, which the total limit already bounds.
    stream: async (entry) => inflateErrors(await open(entry), (error) => damaged(entry, error)),
    close: () => zip.close(),
  };
}

/** The stream's chunks, with its errors (a damaged entry) turned into the archive's own. */
async function* inflateErrors(stream: NodeJS.ReadableStream, wrap: (error: unknown) => Error): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of stream) yield typeof chunk === "string" ? Buffer.from(chunk) : chunk;
  } catch (error) {
    throw wrap(error);
  }
}

function closeAnd(zip: yauzl.ZipFile, error: Error): Error {
  zip.close();
  return error;
}

/** Reads a stream whole, stopping at `max` bytes even if the declared size lied. */
async function collect(stream: AsyncIterable<Buffer | string>, max: number, path: string, kind: ArchiveKind): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    size += bytes.length;
    if (size > max) throw tooLarge(kind, `contains ${path}, which inflates to more than ${max} bytes`);
    parts.push(bytes);
  }
  return Buffer.concat(parts, size);
}

async function openFolder(root: string, limits: ArchiveLimits, kind: ArchiveKind): Promise<ExportArchive> {
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
        if (entries.length >= limits.maxEntries) throw tooLarge(kind, `folder has more than ${limits.maxEntries} files`);
        const { size } = await lstat(full);
        total += size;
        if (total > limits.maxTotalBytes) throw tooLarge(kind, `folder holds more than ${limits.maxTotalBytes} bytes`);
        entries.push({ path, size, storedSize: size });
      }
    }
  };
  await walk(root);
  return {
    entries,
    unsafe,
    read: async (entry) => {
      if (entry.size > limits.maxEntryBytes) throw tooLarge(kind, `contains ${entry.path}, which is ${entry.size} bytes (limit ${limits.maxEntryBytes})`);
      return readFile(join(root, ...entry.path.split("/")));
    },
    stream: async (entry) => createReadStream(join(root, ...entry.path.split("/")), { highWaterMark: 1 << 20 }),
    close: () => undefined,
  };
}
