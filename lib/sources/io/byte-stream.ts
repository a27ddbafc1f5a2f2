// Bytes in: turns any supported input into an async sequence of Buffers, counts consumed bytes for progress,
// and lets a parser look at the first bytes (to sniff the format) without reading the whole file.
import type { ByteInput } from "../types";
import type { ProgressTracker } from "./progress";

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

export async function* readChunks(input: ByteInput, tracker: ProgressTracker): AsyncGenerator<Buffer> {
  for await (const chunk of input as AsyncIterable<Uint8Array | string>) {
    const buffer = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    tracker.addBytes(buffer.length);
    if (buffer.length > 0) yield buffer;
  }
}

export interface PeekedStream {
  /** At least `minBytes` bytes from the start, or the whole input if it is shorter. */
  head: Buffer;
  /** The complete input again, head included. */
  chunks: AsyncGenerator<Buffer>;
}

/** Reads just enough chunks to fill `head`; the returned stream replays them, so nothing is read twice. */
export async function peekHead(source: AsyncGenerator<Buffer>, minBytes: number): Promise<PeekedStream> {
  const buffered: Buffer[] = [];
  let size = 0;
  while (size < minBytes) {
    const next = await source.next();
    if (next.done) break;
    buffered.push(next.value);
    size += next.value.length;
  }
  async function* replay(): AsyncGenerator<Buffer> {
    yield* buffered;
    yield* source;
  }
  return { head: Buffer.concat(buffered, size), chunks: replay() };
}

/**
 * Text formats downstream assume UTF-8 without a byte-order mark. Older Google and Outlook exports are
 * UTF-16 with a BOM, so those are transcoded here (streaming); byte offsets then refer to the UTF-8 text.
 */
export async function openText(input: ByteInput, tracker: ProgressTracker, minHead = 4096): Promise<PeekedStream> {
  const peeked = await peekHead(readChunks(input, tracker), minHead);
  const { head } = peeked;
  const utf16 = head[0] === 0xff && head[1] === 0xfe ? "utf-16le" : head[0] === 0xfe && head[1] === 0xff ? "utf-16be" : null;
  if (utf16) return peekHead(transcode(peeked.chunks, utf16), minHead);
  if (head[0] === UTF8_BOM[0] && head[1] === UTF8_BOM[1] && head[2] === UTF8_BOM[2]) {
    return peekHead(skipBytes(peeked.chunks, UTF8_BOM.length), minHead);
  }
  return peeked;
}

async function* transcode(chunks: AsyncIterable<Buffer>, encoding: "utf-16le" | "utf-16be"): AsyncGenerator<Buffer> {
  // TextDecoder drops the BOM and keeps a split code unit between chunks (stream: true).
  const decoder = new TextDecoder(encoding);
  for await (const chunk of chunks) {
    const text = decoder.decode(chunk, { stream: true });
    if (text.length > 0) yield Buffer.from(text, "utf8");
  }
  const rest = decoder.decode();
  if (rest.length > 0) yield Buffer.from(rest, "utf8");
}

async function* skipBytes(chunks: AsyncIterable<Buffer>, count: number): AsyncGenerator<Buffer> {
  let toSkip = count;
  for await (const chunk of chunks) {
    if (toSkip === 0) {
      yield chunk;
      continue;
    }
    const skipped = Math.min(toSkip, chunk.length);
    toSkip -= skipped;
    if (skipped < chunk.length) yield chunk.subarray(skipped);
  }
}
