// One scanned message → an InteractionObservation, a filter reason (spam, mailing list, …) or an issue.
// Only header facts are used: who, when, thread, direction. Bodies were never read; the subject is kept
// only with `includeSubjects`.
import { stableId } from "../stable-id";
import type { TInteractionObservation, TParseIssue, TParticipant, TParticipantRole } from "../types";
import { decodeWords, parseAddressList, type MailAddress } from "./mail-address";
import { HEADER, type RawMessage } from "./mbox-scanner";

export interface MessageOptions {
  /** Lowercased addresses of the mailbox owner. */
  owners: ReadonlySet<string>;
  includeSubjects: boolean;
}

/** Gmail system labels worth keeping as facts; user labels are free text chosen by the owner (content). */
const SYSTEM_LABELS = new Set(["inbox", "sent", "important", "starred", "chat", "opened", "unread", "archived"]);
const SKIPPED_LABELS: Record<string, string | undefined> = { spam: "spam", trash: "trash", draft: "draft", drafts: "draft" };

export function toInteraction(message: RawMessage, options: MessageOptions): TInteractionObservation | TParseIssue | string {
  const h = message.headers;
  const position = { row: message.index, byteOffset: message.byteOffset };
  if (!message.complete) {
    return issue("truncated", `Message ${message.index} (byte ${message.byteOffset}) ends inside its headers: the file looks truncated. It was skipped.`, position);
  }
  if (message.oversized) {
    return issue("invalid_message", `Message ${message.index} (byte ${message.byteOffset}) has more than 1 MB of headers; it was skipped.`, position);
  }

  const labels = classifyLabels(splitLabels(h[HEADER.gmailLabels]));
  if (labels.skip) return labels.skip;
  // Bulk and list mail is not a relationship, whoever sent it.
  if (h[HEADER.listId] !== undefined || h[HEADER.listUnsubscribe] !== undefined) return "mailing_list";
  const precedence = h[HEADER.precedence]?.trim().toLowerCase();
  if (precedence === "bulk" || precedence === "list" || precedence === "junk") return "bulk";
  const autoSubmitted = h[HEADER.autoSubmitted]?.trim().toLowerCase();
  if (autoSubmitted && !autoSubmitted.startsWith("no")) return "automated";

  const from = parseAddressList(h[HEADER.from])[0];
  if (!from) return issue("invalid_message", `Message ${message.index} (byte ${message.byteOffset}) has no readable From address; it was skipped.`, position);
  const timestamp = parseMailDate(h[HEADER.date]) ?? parseMailDate(separatorDate(message.separator));
  if (!timestamp) return issue("invalid_date", `Message ${message.index} (byte ${message.byteOffset}) has no readable Date; it was skipped.`, position);

  const participants: TParticipant[] = [];
  addParticipants(participants, [from], "from");
  const to = parseAddressList(h[HEADER.to]);
  const cc = parseAddressList(h[HEADER.cc]);
  const bcc = parseAddressList(h[HEADER.bcc]);
  addParticipants(participants, to, "to");
  addParticipants(participants, cc, "cc");
  addParticipants(participants, bcc, "bcc");

  const messageId = messageIdOf(h[HEADER.messageId]);
  const inReplyTo = messageIdOf(h[HEADER.inReplyTo]);
  const rootReference = messageIdOf(h[HEADER.references]);
  const interaction: TInteractionObservation = {
    kind: "interaction",
    sourceName: "gmail",
    // Without a Message-ID, the envelope facts identify the message stably across re-imports.
    sourceId: messageId ?? stableId("mail", [from.email, timestamp.toISOString(), h[HEADER.to], h[HEADER.cc]]),
    timestamp,
    channel: labels.chat ? "message" : "email",
    direction: "one_way",
    participants,
    groupSize: participants.length,
    metadata: labels.kept.length > 0 ? { labels: labels.kept } : {},
    position,
  };
  const threadId = h[HEADER.gmailThreadId]?.trim() || rootReference || inReplyTo;
  if (threadId) interaction.threadId = threadId;
  if (inReplyTo) interaction.inReplyTo = inReplyTo;
  if (inReplyTo) interaction.metadata.isReply = true;
  const ownerDirection = directionFor(from.email, [to, cc, bcc], h[HEADER.deliveredTo], options.owners);
  if (ownerDirection) interaction.ownerDirection = ownerDirection;
  const subject = h[HEADER.subject];
  if (options.includeSubjects && subject) interaction.metadata.subject = decodeWords(subject).trim();
  return interaction;
}

/** Adds addresses not yet present. Linear search: most messages have two to five participants. */
function addParticipants(participants: TParticipant[], addresses: MailAddress[], role: TParticipantRole): void {
  outer: for (const address of addresses) {
    for (const existing of participants) if (existing.email === address.email) continue outer;
    participants.push(address.name ? { email: address.email, name: address.name, role } : { email: address.email, role });
  }
}

interface LabelFacts {
  /** Filter reason when a label excludes the message (Spam, Trash, Drafts). */
  skip?: string;
  /** System labels kept as metadata. */
  kept: string[];
  chat: boolean;
}

function classifyLabels(labels: string[]): LabelFacts {
  const facts: LabelFacts = { kept: [], chat: false };
  for (const label of labels) {
    const lower = label.toLowerCase();
    const skipped = SKIPPED_LABELS[lower];
    if (skipped) return { skip: skipped, kept: [], chat: false };
    if (lower === "chat") facts.chat = true;
    if (SYSTEM_LABELS.has(lower) || label.startsWith("Category ")) facts.kept.push(label);
  }
  return facts;
}

function directionFor(
  from: string,
  recipientLists: MailAddress[][],
  deliveredTo: string | undefined,
  owners: ReadonlySet<string>,
): "outbound" | "inbound" | undefined {
  if (owners.size === 0) return undefined;
  if (owners.has(from)) return "outbound";
  for (const list of recipientLists) for (const address of list) if (owners.has(address.email)) return "inbound";
  // Bcc'd or list-expanded mail names the owner only in Delivered-To.
  for (const address of parseAddressList(deliveredTo)) if (owners.has(address.email)) return "inbound";
  return undefined;
}

/** X-Gmail-Labels: comma-separated, quoted when a label contains a comma, possibly RFC 2047 encoded. */
export function splitLabels(value: string | undefined): string[] {
  if (!value) return [];
  // Fast path: plain labels need no decoding or quote handling.
  if (!value.includes('"') && !value.includes("=?")) {
    const labels: string[] = [];
    for (const piece of value.split(",")) {
      const label = piece.trim();
      if (label) labels.push(label);
    }
    return labels;
  }
  const decoded = decodeWords(value);
  const labels: string[] = [];
  for (const match of decoded.matchAll(/"((?:[^"\\]|\\.)*)"|([^,]+)/g)) {
    const label = (match[1] ?? match[2] ?? "").trim();
    if (label) labels.push(label);
  }
  return labels;
}

/** The first <id> in a Message-ID / In-Reply-To / References value, without brackets. */
function messageIdOf(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const lt = value.indexOf("<");
  const gt = lt === -1 ? -1 : value.indexOf(">", lt);
  const id = (lt !== -1 && gt !== -1 ? value.slice(lt + 1, gt) : value.split(/\s/)[0] ?? "").trim();
  return id || undefined;
}

const HAS_ZONE = /[+-]\d{4}|\b(?:UT|UTC|GMT|Z|[ECMP][SD]T)\b/i;
const hasZone = (value: string): boolean => value.includes(" +") || value.includes(" -") || HAS_ZONE.test(value);

/**
 * RFC 5322 dates; V8 reads them, including trailing "(UTC)" comments. A date without a zone is read as UTC
 * rather than in the server's zone, so the same file always gives the same timestamps.
 */
export function parseMailDate(value: string | undefined): Date | null {
  if (!value) return null;
  let time = Date.parse(hasZone(value) ? value : `${value} +0000`);
  if (Number.isNaN(time)) time = Date.parse(value.replace(/\([^)]*\)/g, " ").replace(/^\s*[A-Za-z]{3},?\s*/, ""));
  if (Number.isNaN(time)) return null;
  const year = new Date(time).getUTCFullYear();
  // Dates like 1970 or 2100 come from broken clients; trusting them would wreck recency scores.
  return year >= 1980 && year <= 2100 ? new Date(time) : null;
}

/** "sender@x Mon Sep 02 10:15:00 +0000 2026" → the date part. */
function separatorDate(separator: string): string | undefined {
  const space = separator.indexOf(" ");
  return space === -1 ? undefined : separator.slice(space + 1);
}

function issue(code: string, reason: string, position: { row: number; byteOffset: number }): TParseIssue {
  return { kind: "issue", severity: "skip", code, reason, position };
}
