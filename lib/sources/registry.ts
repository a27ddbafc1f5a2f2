// Every importable format with its parser, so the pipeline, the CLI and the upload route pick a parser by
// format and check an upload's first bytes against it, without a switch statement of their own.
import { parseCalendar, sniffCalendar, type CalendarOptions } from "./calendar/calendar";
import { FORMAT_LABELS, FORMAT_SOURCE, type SourceFormat } from "./detect-format";
import { parseGoogleContacts, sniffGoogleContacts } from "./google-contacts/google-contacts";
import { parseLinkedInArchive, sniffLinkedInArchive, type LinkedInArchiveOptions } from "./linkedin/linkedin-archive";
import { parseLinkedInConnections, sniffLinkedInConnections } from "./linkedin/linkedin-connections";
import { parseLinkedInMessages, sniffLinkedInMessages, type LinkedInMessagesOptions } from "./linkedin/linkedin-messages";
import { parseGmailMbox, sniffMbox, type GmailMboxOptions } from "./mbox/gmail-mbox";
import { parseSlackExport, sniffSlackExport, type SlackExportOptions } from "./slack/slack-export";
import type { ByteInput, TSourceItem, TSourceName } from "./types";
import { parseVCard, sniffVCard } from "./vcard/vcard";

/** All parser options are optional and non-conflicting, so one bag serves every format. */
export type SourceParseOptions = GmailMboxOptions & CalendarOptions & LinkedInMessagesOptions & LinkedInArchiveOptions & SlackExportOptions;

interface ParserInfo {
  format: SourceFormat;
  sourceName: TSourceName;
  label: string;
  /** Cheap check of the first bytes (1-4 KB) of an upload. */
  sniff: (firstBytes: Uint8Array) => boolean;
}

export interface StreamSourceParser extends ParserInfo {
  input: "stream";
  parse: (input: ByteInput, options?: SourceParseOptions) => AsyncGenerator<TSourceItem>;
}

/** Zip archives need random access, so the Slack and LinkedIn archive parsers read a file or folder path. */
export interface PathSourceParser extends ParserInfo {
  input: "path";
  parse: (path: string, options?: SourceParseOptions) => AsyncGenerator<TSourceItem>;
}

export type SourceParser = StreamSourceParser | PathSourceParser;

const stream = (format: SourceFormat, sniff: ParserInfo["sniff"], parse: StreamSourceParser["parse"]): StreamSourceParser => ({
  format,
  sourceName: FORMAT_SOURCE[format],
  label: FORMAT_LABELS[format],
  sniff,
  input: "stream",
  parse,
});

const archive = (format: SourceFormat, sniff: ParserInfo["sniff"], parse: PathSourceParser["parse"]): PathSourceParser => ({
  format,
  sourceName: FORMAT_SOURCE[format],
  label: FORMAT_LABELS[format],
  sniff,
  input: "path",
  parse,
});

export const SOURCE_PARSERS: Record<SourceFormat, SourceParser> = {
  linkedin_connections: stream("linkedin_connections", sniffLinkedInConnections, parseLinkedInConnections),
  linkedin_messages: stream("linkedin_messages", sniffLinkedInMessages, parseLinkedInMessages),
  linkedin_archive: archive("linkedin_archive", sniffLinkedInArchive, parseLinkedInArchive),
  google_contacts: stream("google_contacts", sniffGoogleContacts, parseGoogleContacts),
  vcard: stream("vcard", sniffVCard, parseVCard),
  mbox: stream("mbox", sniffMbox, parseGmailMbox),
  ics: stream("ics", sniffCalendar, parseCalendar),
  slack_export: archive("slack_export", sniffSlackExport, parseSlackExport),
};
