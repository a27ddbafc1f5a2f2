// Who owns this mailbox? Direction (who wrote to whom) needs it, and a Takeout file does not say. Reads only
// the first `sampleSize` messages' headers, so it is cheap even on a multi-gigabyte file. The strongest
// evidence wins: the sender of messages labelled "Sent", then the most frequent Delivered-To, then the most
// frequent sender of non-bulk mail.
import { ProgressTracker } from "../io/progress";
import type { ByteInput } from "../types";
import { splitLabels } from "./gmail-message";
import { parseAddressList } from "./mail-address";
import { mboxBatches } from "./mbox-messages";
import { HEADER } from "./mbox-scanner";

export interface MailboxOwnerGuess {
  email: string | null;
  evidence: "sent_label" | "delivered_to" | "most_frequent_sender" | "none";
  /** How many sampled messages support the guess. */
  support: number;
  sampled: number;
}

export async function inferMailboxOwner(input: ByteInput, options: { sampleSize?: number } = {}): Promise<MailboxOwnerGuess> {
  const sampleSize = options.sampleSize ?? 5000;
  const sent = new Map<string, number>();
  const deliveredTo = new Map<string, number>();
  const senders = new Map<string, number>();
  let sampled = 0;
  const batches = mboxBatches(input, new ProgressTracker(), ["from", "deliveredTo", "gmailLabels", "listId", "listUnsubscribe", "precedence"]);
  // Leaving the loop closes the input: the rest of the file is never read.
  sampling: for await (const batch of batches) {
    for (const message of batch) {
      const h = message.headers;
      const from = parseAddressList(h[HEADER.from])[0]?.email;
      if (from && splitLabels(h[HEADER.gmailLabels]).some((label) => label.toLowerCase() === "sent")) increment(sent, from);
      for (const address of parseAddressList(h[HEADER.deliveredTo])) increment(deliveredTo, address.email);
      const bulk = h[HEADER.listId] !== undefined || h[HEADER.listUnsubscribe] !== undefined || h[HEADER.precedence] !== undefined;
      if (from && !bulk) increment(senders, from);
      sampled += 1;
      if (sampled >= sampleSize) break sampling;
    }
  }
  for (const [evidence, counts] of [["sent_label", sent], ["delivered_to", deliveredTo], ["most_frequent_sender", senders]] as const) {
    const best = mostFrequent(counts);
    if (best) return { email: best[0], evidence, support: best[1], sampled };
  }
  return { email: null, evidence: "none", support: 0, sampled };
}

function increment(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

function mostFrequent(counts: Map<string, number>): [string, number] | null {
  let best: [string, number] | null = null;
  for (const entry of counts) if (!best || entry[1] > best[1]) best = entry;
  return best;
}
