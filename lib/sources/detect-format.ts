// Sniffs the first bytes of an upload and says which export it looks like, so a file uploaded for the wrong
// source is rejected with a message a person can act on ("this is an mbox, not Connections.csv"). Cheap and
// heuristic by design: each parser still validates the file fully while reading it.
import { SourceFormatError } from "./errors";
import type { TSourceName } from "./types";

export type SourceFormat =
  | "linkedin_connections"
  | "linkedin_messages"
  | "linkedin_archive"
  | "google_contacts"
  | "vcard"
  | "mbox"
  | "ics"
  | "slack_export";

export type DetectedFormat = SourceFormat | "outlook_csv" | "csv" | "zip" | "office" | "json" | "pdf" | "html" | "binary" | "empty" | "unknown";

export const FORMAT_LABELS: Record<DetectedFormat, string> = {
  linkedin_connections: "a LinkedIn Connections.csv export",
  linkedin_messages: "a LinkedIn messages.csv export",
  linkedin_archive: "a LinkedIn data export (zip)",
  google_contacts: "a Google Contacts CSV export",
  vcard: "a vCard (.vcf) file",
  mbox: "an mbox file (Gmail Takeout)",
  ics: "an iCalendar (.ics) file",
  slack_export: "a Slack export (zip)",
  outlook_csv: "an Outlook contacts CSV",
  csv: "a CSV file of another kind",
  zip: "a zip archive that is not a Slack export",
  office: "an Office document (xlsx/docx)",
  json: "a JSON file",
  pdf: "a PDF document",
  html: "a web page (HTML)",
  binary: "a binary file",
  empty: "an empty file",
  unknown: "a file of unknown format",
};

/** Which source each importable format belongs to, to suggest the right import. */
export const FORMAT_SOURCE: Record<SourceFormat, TSourceName> = {
  linkedin_connections: "linkedin",
  linkedin_messages: "linkedin",
  linkedin_archive: "linkedin",
  google_contacts: "google_contacts",
  vcard: "vcard",
  mbox: "gmail",
  ics: "calendar",
  slack_export: "slack",
};

const HOW_TO_EXPORT: Record<SourceFormat, string> = {
  linkedin_connections: "Upload the zip from LinkedIn's \"Get a copy of your data\" as it came, or the Connections.csv in it.",
  linkedin_messages: "Upload messages.csv from LinkedIn's \"Get a copy of your data\" export.",
  linkedin_archive: "Upload the zip from LinkedIn's \"Get a copy of your data\" (it holds Connections.csv and messages.csv), or Connections.csv itself.",
  google_contacts: "Export from Google Contacts as \"Google CSV\".",
  vcard: "Export your contacts as vCard (.vcf).",
  mbox: "Upload the .mbox file from Google Takeout (Mail).",
  ics: "Export your calendar as an .ics file.",
  slack_export: "Upload the zip from Slack's workspace export.",
};

const SNIFF_BYTES = 4096;

export function detectFormat(firstBytes: Uint8Array): DetectedFormat {
  if (firstBytes.length === 0) return "empty";
  const bytes = Buffer.from(firstBytes.buffer, firstBytes.byteOffset, Math.min(firstBytes.byteLength, SNIFF_BYTES));
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return detectZip(bytes);
  if (bytes.subarray(0, 5).toString("latin1") === "%PDF-") return "pdf";
  const text = headText(bytes);
  if (text === null) return "binary";
  const start = text.trimStart();
  if (/^From \S+/.test(start)) return "mbox";
  if (/^BEGIN:VCALENDAR/i.test(start)) return "ics";
  if (/^BEGIN:VCARD/i.test(start)) return "vcard";
  if (/^(<!doctype html|<html)/i.test(start)) return "html";
  if (/^[[{]/.test(start)) return "json";
  return detectCsv(start);
}

/**
 * Rejects a file that clearly is another format. `tolerated` lists detections that are only inconclusive
 * (e.g. "csv" for a LinkedIn file whose header the sniffer did not see): the parser then decides.
 */
export function rejectOtherFormat(expected: SourceFormat, firstBytes: Uint8Array, tolerated: DetectedFormat[] = []): void {
  const found = detectFormat(firstBytes);
  if (found === expected || tolerated.includes(found)) return;
  throw wrongFormatError(expected, found);
}

/** Throws a SourceFormatError naming what the file looks like when it is not `expected`. */
export function assertFormat(expected: SourceFormat, firstBytes: Uint8Array): void {
  const found = detectFormat(firstBytes);
  if (found === expected) return;
  throw wrongFormatError(expected, found);
}

export function wrongFormatError(expected: SourceFormat, found: DetectedFormat): SourceFormatError {
  const importable = found in FORMAT_SOURCE ? FORMAT_SOURCE[found as SourceFormat] : null;
  const redirect = importable ? ` Import it as the "${importable}" source instead.` : "";
  return new SourceFormatError(
    found === "empty" ? "empty_file" : "wrong_format",
    `This looks like ${FORMAT_LABELS[found]}, not ${FORMAT_LABELS[expected]}.${redirect} ${HOW_TO_EXPORT[expected]}`,
  );
}

function headText(bytes: Buffer): string | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  // NUL bytes do not occur in any text export we accept.
  if (bytes.includes(0)) return null;
  return bytes.toString("utf8").replace(/^\uFEFF/, "");
}

function detectCsv(text: string): DetectedFormat {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  const header = firstLine.toLowerCase();
  // LinkedIn's preamble wording varies, but it starts with "Notes:"; exports before 2020 had no preamble and no URL column.
  if (/^"?notes:?"?/i.test(firstLine) || /first name,\s*last name,[^\n]*connected on/i.test(text)) return "linkedin_connections";
  if (header.includes("conversation id") && header.includes("conversation title")) return "linkedin_messages";
  if (header.includes("e-mail 1 - value") || (header.includes("given name") && header.includes("family name"))) return "google_contacts";
  if (header.includes("first name") && (header.includes("organization name") || header.includes("phonetic first name") || header.includes("labels"))) {
    return "google_contacts";
  }
  if (header.includes("e-mail address") && header.includes("first name")) return "outlook_csv";
  if (firstLine.includes(",")) return "csv";
  return "unknown";
}

/**
 * The first local file header names the first entry; Slack exports hold only JSON files. LinkedIn's data
 * export is recognised here only when its first entry is one of the two files WIG reads; the LinkedIn source
 * takes any zip and looks for them in its directory (lib/sources/linkedin/linkedin-archive.ts).
 */
function detectZip(bytes: Buffer): DetectedFormat {
  if (bytes.length < 30) return "zip";
  const nameLength = bytes.readUInt16LE(26);
  const name = bytes.subarray(30, 30 + nameLength).toString("utf8");
  if (name === "[Content_Types].xml" || name.startsWith("word/") || name.startsWith("xl/")) return "office";
  if (/(^|\/)(connections|messages)\.csv$/i.test(name)) return "linkedin_archive";
  if (/(^|\/)(users|channels|dms|mpims|groups|integration_logs|canvases)\.json$/.test(name) || /\/\d{4}-\d{2}-\d{2}\.json$/.test(name)) {
    return "slack_export";
  }
  if (name.endsWith("/") || name.endsWith(".json")) return "slack_export";
  return "zip";
}
