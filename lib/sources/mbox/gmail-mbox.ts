// Gmail Takeout mbox → email InteractionObservations, in constant memory (see mbox-scanner.ts). Spam, Trash,
// drafts, mailing lists and bulk mail are filtered and counted, not reported as issues.
import { detectFormat } from "../detect-format";
import { ProgressTracker } from "../io/progress";
import { tracked } from "../io/tracked";
import type { ByteInput, ParseOptions, TSourceItem } from "../types";
import { normalizeEmail } from "../normalize-email";
import { mboxBatches } from "./mbox-messages";
import { toInteraction } from "./gmail-message";
import type { HeaderKey } from "./mbox-scanner";

export interface GmailMboxOptions extends ParseOptions {
  /**
   * The mailbox owner's addresses, to set ownerDirection (outbound when the owner sent the message).
   * Use inferMailboxOwner() when the owner is not known.
   */
  ownerEmails?: readonly string[];
  /** Keep decoded subjects in metadata. Off by default: subjects are content. */
  includeSubjects?: boolean;
}

const HEADERS: readonly HeaderKey[] = [
  "from",
  "to",
  "cc",
  "bcc",
  "date",
  "messageId",
  "inReplyTo",
  "references",
  "gmailThreadId",
  "gmailLabels",
  "listId",
  "listUnsubscribe",
  "precedence",
  "autoSubmitted",
  "deliveredTo",
];

export function sniffMbox(firstBytes: Uint8Array): boolean {
  return detectFormat(firstBytes) === "mbox";
}

export async function* parseGmailMbox(input: ByteInput, options: GmailMboxOptions = {}): AsyncGenerator<TSourceItem> {
  const tracker = new ProgressTracker(options);
  yield* tracked(tracker, messages(input, tracker, options));
}

async function* messages(input: ByteInput, tracker: ProgressTracker, options: GmailMboxOptions): AsyncGenerator<TSourceItem> {
  const includeSubjects = options.includeSubjects === true;
  const messageOptions = {
    owners: new Set((options.ownerEmails ?? []).map(normalizeEmail).filter(Boolean)),
    includeSubjects,
  };
  // The subject is not even decoded unless it will be kept.
  const wanted = includeSubjects ? [...HEADERS, "subject" as const] : HEADERS;
  for await (const batch of mboxBatches(input, tracker, wanted)) {
    for (const message of batch) {
      const result = toInteraction(message, messageOptions);
      if (typeof result === "string") tracker.filter(result);
      else yield result;
    }
  }
}
