// Public surface of the source parsers. Each parser is pure and streaming: bytes in, observations out.
export * from "./types";
export { SourceFormatError, isSourceFormatError } from "./errors";
export { assertFormat, detectFormat, rejectOtherFormat, FORMAT_LABELS, FORMAT_SOURCE, type DetectedFormat, type SourceFormat } from "./detect-format";
export { SOURCE_PARSERS, type PathSourceParser, type SourceParseOptions, type SourceParser, type StreamSourceParser } from "./registry";
export { parseLinkedInConnections, sniffLinkedInConnections } from "./linkedin/linkedin-connections";
export { parseLinkedInMessages, sniffLinkedInMessages, type LinkedInMessagesOptions } from "./linkedin/linkedin-messages";
export { canonicalLinkedInProfile, type LinkedInProfile } from "./linkedin/linkedin-url";
export { parseGoogleContacts, sniffGoogleContacts } from "./google-contacts/google-contacts";
export { parseVCard, sniffVCard } from "./vcard/vcard";
export { parseGmailMbox, sniffMbox, type GmailMboxOptions } from "./mbox/gmail-mbox";
export { inferMailboxOwner, type MailboxOwnerGuess } from "./mbox/infer-mailbox-owner";
export { parseCalendar, sniffCalendar, type CalendarOptions } from "./calendar/calendar";
export { parseSlackExport, sniffSlackExport, type SlackExportOptions } from "./slack/slack-export";
export { DEFAULT_ARCHIVE_LIMITS, type ArchiveLimits } from "./io/export-archive";
export { normalizeEmail } from "./normalize-email";
