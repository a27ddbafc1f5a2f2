// The parser output contract: what every source parser yields and what the import pipeline and identity
// resolution consume. Parsers are pure and streaming, so the contract carries everything the pipeline needs
// to resume, deduplicate and explain (stable source ids, positions) and nothing it must not store (no
// message bodies; subjects only on explicit request).
import { z } from "zod";

export const ZSourceName = z.enum(["linkedin", "google_contacts", "vcard", "gmail", "calendar", "slack"]);
export type TSourceName = z.infer<typeof ZSourceName>;

/** Where a record came from, for error reports and for resuming: whichever coordinates the format has. */
export const ZSourcePosition = z
  .object({
    /** 1-based data row of a CSV (header and preamble excluded), card number of a vCard file, event block of an .ics. */
    row: z.number().int().positive().optional(),
    /** 1-based physical line where the record starts (text formats that track lines). */
    line: z.number().int().positive().optional(),
    /** Byte offset of the record's first byte in the (uncompressed) file. */
    byteOffset: z.number().int().nonnegative().optional(),
    /** File inside an archive or folder export (Slack: "general/2026-09-02.json"). */
    entry: z.string().optional(),
  })
  .strict();
export type TSourcePosition = z.infer<typeof ZSourcePosition>;

export const ZPersonObservation = z
  .object({
    kind: z.literal("person"),
    sourceName: ZSourceName,
    /** Stable id of the record in the source: re-importing the same export yields the same id. */
    sourceId: z.string().min(1),
    /** Display names as the source spells them, best first. Normalization belongs to identity resolution. */
    names: z.array(z.string().min(1)),
    /** Lowercased and trimmed, primary first; otherwise as in the source. */
    emails: z.array(z.string().min(3)),
    /** As written in the source (trimmed); E.164 normalization belongs to identity resolution. */
    phones: z.array(z.string().min(1)),
    /** Canonical `https://www.linkedin.com/in/<slug>` (lowercase slug, no trailing slash). */
    linkedinUrl: z.string().optional(),
    /** Other identities keyed by network: { slack: "U123", twitter: "dana" }. */
    socialHandles: z.record(z.string(), z.string()).optional(),
    organizationName: z.string().optional(),
    title: z.string().optional(),
    /** When the source saw this person (LinkedIn "Connected On", vCard REV). */
    observedAt: z.date().optional(),
    position: ZSourcePosition,
  })
  .strict();
export type TPersonObservation = z.infer<typeof ZPersonObservation>;

export const ZInteractionChannel = z.enum(["email", "meeting", "call", "message", "linkedin"]);
export type TInteractionChannel = z.infer<typeof ZInteractionChannel>;

export const ZParticipantRole = z.enum(["from", "to", "cc", "bcc", "organizer", "attendee", "poster", "member"]);
export type TParticipantRole = z.infer<typeof ZParticipantRole>;

export const ZParticipant = z
  .object({
    email: z.string().optional(),
    name: z.string().optional(),
    /** Source-qualified handle when there is no email or in addition to it: "slack:U123", "linkedin:dana-smith". */
    handle: z.string().optional(),
    role: ZParticipantRole,
  })
  .strict();
export type TParticipant = z.infer<typeof ZParticipant>;

/**
 * Non-content facts only. `.strict()` is the guard: a parser cannot smuggle a body or a free-text field
 * through metadata without changing this schema. `subject` is set only when a caller passes `includeSubjects`.
 */
export const ZInteractionMetadata = z
  .object({
    subject: z.string().optional(),
    /** Gmail system labels only (Inbox, Sent, Important, Starred, Chat, Category …); user labels can be content. */
    labels: z.array(z.string()).optional(),
    allDay: z.boolean().optional(),
    durationMinutes: z.number().nonnegative().optional(),
    recurring: z.boolean().optional(),
    /** Slack/LinkedIn conversation kind, so scoring can tell a DM from a channel post. */
    conversationType: z.enum(["channel", "private_channel", "dm", "group_dm", "conversation"]).optional(),
    /** Slack: the channel member count, which can exceed the listed participants. */
    conversationSize: z.number().int().nonnegative().optional(),
    isReply: z.boolean().optional(),
  })
  .strict();
export type TInteractionMetadata = z.infer<typeof ZInteractionMetadata>;

export const ZInteractionObservation = z
  .object({
    kind: z.literal("interaction"),
    sourceName: ZSourceName,
    /** Unique per source: Message-ID, `UID#occurrence-start`, `channel:ts`, … The pipeline upserts on it. */
    sourceId: z.string().min(1),
    timestamp: z.date(),
    channel: ZInteractionChannel,
    /** one_way: a message from someone to others; two_way: both sides took part (a held meeting). */
    direction: z.enum(["one_way", "two_way"]).optional(),
    /** Relative to the mailbox/export owner when known: the owner sent it (outbound) or received it (inbound). */
    ownerDirection: z.enum(["outbound", "inbound"]).optional(),
    participants: z.array(ZParticipant).min(1),
    /** Distinct people involved; scoring discounts large groups. */
    groupSize: z.number().int().positive(),
    threadId: z.string().optional(),
    inReplyTo: z.string().optional(),
    metadata: ZInteractionMetadata,
    position: ZSourcePosition,
  })
  .strict();
export type TInteractionObservation = z.infer<typeof ZInteractionObservation>;

export const ZParseIssue = z
  .object({
    kind: z.literal("issue"),
    /** skip: the record was dropped; warn: kept with a repair (e.g. invalid UTF-8 replaced); fatal: the whole file failed. */
    severity: z.enum(["skip", "warn", "fatal"]),
    /** Short machine code for grouping in the dashboard: "invalid_row", "truncated", "invalid_encoding", … */
    code: z.string(),
    /** A sentence a person can act on. */
    reason: z.string(),
    position: ZSourcePosition,
  })
  .strict();
export type TParseIssue = z.infer<typeof ZParseIssue>;

export const ZSourceItem = z.discriminatedUnion("kind", [ZPersonObservation, ZInteractionObservation, ZParseIssue]);
export type TSourceItem = z.infer<typeof ZSourceItem>;

/** Cumulative counters, reported while parsing and once more at the end (`done: true`). */
export interface ParseProgress {
  /** Bytes consumed from the input (compressed bytes for a zip, whose total is the file size). */
  bytesRead: number;
  /** Observations yielded so far. */
  records: number;
  /** Issues yielded so far (skip + warn). */
  issues: number;
  /** Records dropped on purpose, by reason (spam, mailing_list, declined, channel_join, …): not errors. */
  filtered: Record<string, number>;
  done: boolean;
}

export interface ParseOptions {
  /** Called after each input chunk and once at the end; keep it cheap. */
  onProgress?: (progress: ParseProgress) => void;
  /** Stops parsing between records; the generator throws the signal's reason. */
  signal?: AbortSignal;
}

/** Bytes in: a Node Readable or any async iterable of chunks. Strings are taken as UTF-8. */
export type ByteInput = NodeJS.ReadableStream | AsyncIterable<Uint8Array | string>;
