// Picks the parser for a source and a path, refusing up front a file that is clearly another export
// ("This looks like an mbox file, not a LinkedIn Connections.csv export…"), before anything is written. A zip
// is read as the whole export where one comes zipped: LinkedIn's data export, Google Takeout's mail,
// calendars and contacts (lib/sources/io/zipped-exports.ts).
import { createReadStream } from "node:fs";
import { open, stat } from "node:fs/promises";
import { detectFormat, rejectOtherFormat, type DetectedFormat, type SourceFormat } from "../detect-format";
import { SourceFormatError } from "../errors";
import { inferLinkedInMessagesOwner } from "../linkedin/linkedin-messages";
import { acceptsZippedExport, inferZippedMailboxOwner, parseZippedExport } from "../io/zipped-exports";
import { inferMailboxOwner } from "../mbox/infer-mailbox-owner";
import { SOURCE_PARSERS, type SourceParseOptions } from "../registry";
import type { TSourceItem, TSourceName } from "../types";

const SNIFF_BYTES = 4096;
/** 1 MB read chunks: Node's file stream costs far less CPU than at its 64 KB default (lib/sources/README.md). */
const READ_CHUNK_BYTES = 1 << 20;

/** The format each source expects, and detections that are only inconclusive (the parser then decides). */
const EXPECTED: Record<TSourceName, { format: SourceFormat; tolerated: DetectedFormat[] }> = {
  linkedin: { format: "linkedin_connections", tolerated: ["csv"] },
  google_contacts: { format: "google_contacts", tolerated: ["csv"] },
  vcard: { format: "vcard", tolerated: [] },
  gmail: { format: "mbox", tolerated: [] },
  calendar: { format: "ics", tolerated: [] },
  slack: { format: "slack_export", tolerated: ["zip"] },
};

export interface OpenedSource {
  format: SourceFormat;
  items: AsyncGenerator<TSourceItem>;
  /** Owner addresses given, or inferred from the mailbox when none were. */
  ownerEmails: string[];
}

async function readHead(path: string): Promise<Uint8Array> {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * LinkedIn's export holds two importable files, and arrives as a zip of them and some forty others:
 * messages.csv is recognised by its header, and any zip is read as the whole export (the parser looks for the
 * two files in it). Null: the file is not one of those (the Connections.csv check decides).
 */
function linkedInFormat(sourceName: TSourceName, found: DetectedFormat): SourceFormat | null {
  if (sourceName !== "linkedin") return null;
  if (found === "linkedin_messages" || found === "linkedin_archive") return found;
  return found === "zip" ? "linkedin_archive" : null;
}

export async function openSource(sourceName: TSourceName, path: string, options: SourceParseOptions & { ownerEmails?: readonly string[] }): Promise<OpenedSource> {
  const info = await stat(path);
  const expected = EXPECTED[sourceName];
  let format = expected.format;
  // A zip sent to a source whose exports come zipped (Google Takeout's mail, calendars, contacts).
  let zipped = false;
  if (info.isDirectory()) {
    // A folder is an export unpacked: Slack's, or LinkedIn's data export (its Connections.csv and messages.csv).
    if (sourceName === "linkedin") format = "linkedin_archive";
    else if (sourceName !== "slack") {
      throw new SourceFormatError("not_a_file", `${path} is a folder; import ${sourceName} from a single exported file.`);
    }
  } else {
    const head = await readHead(path);
    const found = detectFormat(head);
    zipped = found === "zip" && acceptsZippedExport(sourceName);
    format = linkedInFormat(sourceName, found) ?? format;
    if (!zipped && format === expected.format) rejectOtherFormat(expected.format, head, expected.tolerated);
  }

  let ownerEmails = [...(options.ownerEmails ?? [])];
  if (format === "mbox" && ownerEmails.length === 0) {
    const email = zipped ? await inferZippedMailboxOwner(path) : (await inferMailboxOwner(createReadStream(path, { highWaterMark: 1 << 20 }))).email;
    if (email) ownerEmails = [email];
  }
  const parseOptions: SourceParseOptions = { ...options, ownerEmails };
  // The owner's own profile in messages.csv (the archive parser finds it in its copy itself).
  if (format === "linkedin_messages" && ownerEmails.length > 0 && !parseOptions.ownerProfileUrl) {
    const stream = createReadStream(path, { highWaterMark: READ_CHUNK_BYTES });
    try {
      parseOptions.ownerProfileUrl = (await inferLinkedInMessagesOwner(stream)) ?? undefined;
    } finally {
      stream.destroy();
    }
  }
  if (zipped) return { format, items: parseZippedExport(sourceName, path, parseOptions), ownerEmails };
  const parser = SOURCE_PARSERS[format];
  const items = parser.input === "path" ? parser.parse(path, parseOptions) : parser.parse(createReadStream(path, { highWaterMark: READ_CHUNK_BYTES }), parseOptions);
  return { format, items, ownerEmails };
}
