// LinkedIn `messages.csv` → InteractionObservations, one per message. The CONTENT column is never read.
// A conversation with more than two people is a group thread: it is marked with its groupSize (and
// conversationType "group_dm") so scoring does not treat it as a one-to-one tie.
import { detectFormat, rejectOtherFormat } from "../detect-format";
import { openText } from "../io/byte-stream";
import { cell, hasColumns, indexColumns, type ColumnIndex } from "../io/csv-columns";
import { openCsv, type CsvRow } from "../io/csv-records";
import { ProgressTracker } from "../io/progress";
import { tracked } from "../io/tracked";
import { stableId } from "../stable-id";
import type { ByteInput, ParseOptions, TInteractionObservation, TParticipant, TSourceItem } from "../types";
import { parseMessageDate } from "./linkedin-dates";
import { canonicalLinkedInProfile } from "./linkedin-url";

export interface LinkedInMessagesOptions extends ParseOptions {
  /**
   * The export owner's profile URL, to set ownerDirection (see inferLinkedInMessagesOwner). With
   * `ownerEmails`, the owner takes part under their first address, so the conversations are their ties.
   */
  ownerProfileUrl?: string;
  ownerEmails?: readonly string[];
  /** Keep SUBJECT in metadata. Off by default: subjects are content. */
  includeSubjects?: boolean;
}

const REQUIRED_COLUMNS = ["CONVERSATION ID", "FROM", "SENDER PROFILE URL", "DATE"];

export function sniffLinkedInMessages(firstBytes: Uint8Array): boolean {
  return detectFormat(firstBytes) === "linkedin_messages";
}

export async function* parseLinkedInMessages(input: ByteInput, options: LinkedInMessagesOptions = {}): AsyncGenerator<TSourceItem> {
  const tracker = new ProgressTracker(options);
  yield* tracked(tracker, messages(input, tracker, options));
}

async function* messages(input: ByteInput, tracker: ProgressTracker, options: LinkedInMessagesOptions): AsyncGenerator<TSourceItem> {
  const { head, chunks } = await openText(input, tracker);
  rejectOtherFormat("linkedin_messages", head, ["csv", "unknown"]);
  const csv = await openCsv(head, chunks, {
    expected: "linkedin_messages",
    isHeader: (cells) => hasColumns(cells, REQUIRED_COLUMNS),
    maxPreambleLines: 5,
    headerDescription: "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,…",
  });
  const columns = indexColumns(csv.header);
  const ownerSlug = canonicalLinkedInProfile(options.ownerProfileUrl)?.slug;
  const ownerEmail = options.ownerEmails?.[0]?.trim().toLowerCase() || undefined;
  for await (const item of csv.rows) {
    if (item.kind === "issue") {
      yield item;
      continue;
    }
    const result = toInteraction(item, columns, ownerSlug, options.includeSubjects === true);
    if (typeof result !== "string" && result.kind === "interaction" && ownerSlug && ownerEmail) {
      for (const participant of result.participants) if (participant.handle === `linkedin:${ownerSlug}`) participant.email = ownerEmail;
    }
    if (typeof result === "string") tracker.filter(result);
    else yield result;
  }
}

function toInteraction(row: CsvRow, columns: ColumnIndex, ownerSlug: string | undefined, includeSubjects: boolean): TSourceItem | string {
  const get = (name: string) => cell(row.fields, columns, name);
  if (/^(yes|true)$/i.test(get("IS MESSAGE DRAFT"))) return "draft";
  if (/^spam$/i.test(get("FOLDER"))) return "spam";
  const sender = canonicalLinkedInProfile(get("SENDER PROFILE URL"));
  // Sponsored InMail and LinkedIn's own notices have no sender profile: not a person-to-person message.
  if (!sender) return "no_sender";
  const conversationId = get("CONVERSATION ID");
  const dateText = get("DATE");
  const timestamp = parseMessageDate(dateText);
  if (!conversationId || !timestamp) {
    return {
      kind: "issue",
      severity: "skip",
      code: "invalid_row",
      reason: `Row ${row.row}: ${conversationId ? `could not read the date "${dateText}"` : "no CONVERSATION ID"}; the message was skipped.`,
      position: { row: row.row },
    };
  }

  const participants: TParticipant[] = [{ name: get("FROM") || undefined, handle: `linkedin:${sender.slug}`, role: "from" }];
  const seen = new Set([sender.slug]);
  const recipientUrls = get("RECIPIENT PROFILE URLS").split(/[\s,]+/).filter(Boolean);
  // TO holds names separated by commas; names themselves can contain commas, so they are only paired with
  // URLs when the counts agree.
  const recipientNames = get("TO").split(",").map((name) => name.trim());
  const namesAlign = recipientNames.length === recipientUrls.length;
  recipientUrls.forEach((url, i) => {
    const profile = canonicalLinkedInProfile(url);
    if (!profile || seen.has(profile.slug)) return;
    seen.add(profile.slug);
    participants.push({ name: (namesAlign && recipientNames[i]) || undefined, handle: `linkedin:${profile.slug}`, role: "to" });
  });
  for (const participant of participants) if (participant.name === undefined) delete participant.name;

  const interaction: TInteractionObservation = {
    kind: "interaction",
    sourceName: "linkedin",
    // No message id in the export: conversation + time + sender is unique and stable across re-exports.
    // Hashed, so the id names nobody: an erased sender's slug must not survive in Interaction.sourceId.
    sourceId: stableId("linkedin-msg", [conversationId, timestamp.toISOString(), sender.slug]),
    timestamp,
    channel: "linkedin",
    direction: "one_way",
    participants,
    groupSize: seen.size,
    threadId: conversationId,
    metadata: { conversationType: seen.size > 2 ? "group_dm" : "dm" },
    position: { row: row.row },
  };
  if (ownerSlug && sender.slug === ownerSlug) interaction.ownerDirection = "outbound";
  else if (ownerSlug && seen.has(ownerSlug)) interaction.ownerDirection = "inbound";
  const subject = get("SUBJECT");
  if (includeSubjects && subject) interaction.metadata.subject = subject;
  return interaction;
}

/** Messages read to find the owner: their export holds nobody else in every conversation. */
const OWNER_SAMPLE_MESSAGES = 5_000;

/**
 * The export owner's profile URL, from the file itself: the one person in every conversation of the first
 * OWNER_SAMPLE_MESSAGES messages. Null when not exactly one person is (a single one-to-one conversation, say),
 * or the file cannot be read: the import then goes on without it, as before.
 */
export async function inferLinkedInMessagesOwner(input: ByteInput): Promise<string | null> {
  const conversations = new Map<string, Set<string>>();
  let read = 0;
  try {
    for await (const item of parseLinkedInMessages(input)) {
      if (item.kind !== "interaction") continue;
      const slugs = conversations.get(item.threadId ?? "") ?? new Set<string>();
      for (const participant of item.participants) if (participant.handle?.startsWith("linkedin:")) slugs.add(participant.handle.slice("linkedin:".length));
      conversations.set(item.threadId ?? "", slugs);
      if (++read >= OWNER_SAMPLE_MESSAGES) break;
    }
  } catch {
    return null;
  }
  const conversationsOf = new Map<string, number>();
  for (const slugs of conversations.values()) for (const slug of slugs) conversationsOf.set(slug, (conversationsOf.get(slug) ?? 0) + 1);
  const inEvery = [...conversationsOf].filter(([, count]) => count === conversations.size).map(([slug]) => slug);
  const [owner] = inEvery;
  return inEvery.length === 1 && owner !== undefined ? `https://www.linkedin.com/in/${encodeURIComponent(owner)}` : null;
}
