// Streams the raw messages of an mbox input through the scanner, rejecting files that are not mbox at all.
// Messages come in batches, one per input chunk: the scanner works synchronously on a whole chunk, and one
// await per chunk instead of one per message is a measurable part of the 20,000 messages/s budget.
import { detectFormat, wrongFormatError } from "../detect-format";
import { peekHead, readChunks } from "../io/byte-stream";
import type { ProgressTracker } from "../io/progress";
import type { ByteInput } from "../types";
import { MboxScanner, type HeaderKey, type RawMessage } from "./mbox-scanner";

export async function* mboxBatches(input: ByteInput, tracker: ProgressTracker, wanted?: readonly HeaderKey[]): AsyncGenerator<RawMessage[]> {
  const { head, chunks } = await peekHead(readChunks(input, tracker), 1024);
  const found = detectFormat(head);
  if (found !== "mbox") throw wrongFormatError("mbox", found);
  const scanner = new MboxScanner(wanted);
  for await (const chunk of chunks) {
    const batch: RawMessage[] = [];
    scanner.push(chunk, batch);
    if (scanner.notMbox) throw wrongFormatError("mbox", "unknown");
    if (batch.length > 0) yield batch;
  }
  const last: RawMessage[] = [];
  scanner.end(last);
  if (last.length > 0) yield last;
}
