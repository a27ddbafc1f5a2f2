// Splits a byte stream into text lines (LF or CRLF) with their line numbers and byte offsets. Memory stays
// bounded by `maxLineBytes`: a longer line keeps only its start and is flagged, because such lines are
// embedded photos or attachments that no parser needs whole.
export interface TextLine {
  text: string;
  /** 1-based physical line number. */
  line: number;
  /** Offset of the line's first byte. */
  byteOffset: number;
  /** True when the line was longer than `maxLineBytes` and `text` holds only its beginning. */
  truncated: boolean;
}

const LF = 0x0a;
const CR = 0x0d;

export async function* readLines(chunks: AsyncIterable<Buffer>, maxLineBytes = 1 << 20): AsyncGenerator<TextLine> {
  let pending: Buffer[] = [];
  let pendingSize = 0;
  let truncated = false;
  let lineNumber = 1;
  let lineStart = 0;
  let offset = 0;

  const take = (): TextLine => {
    let bytes = pending.length === 1 ? (pending[0] as Buffer) : Buffer.concat(pending, pendingSize);
    if (!truncated && bytes.length > 0 && bytes[bytes.length - 1] === CR) bytes = bytes.subarray(0, bytes.length - 1);
    const result = { text: bytes.toString("utf8"), line: lineNumber, byteOffset: lineStart, truncated };
    pending = [];
    pendingSize = 0;
    truncated = false;
    return result;
  };
  const append = (piece: Buffer): void => {
    const room = maxLineBytes - pendingSize;
    if (piece.length > room) {
      truncated = true;
      if (room > 0) pending.push(piece.subarray(0, room));
      pendingSize = maxLineBytes;
      return;
    }
    pending.push(piece);
    pendingSize += piece.length;
  };

  for await (const chunk of chunks) {
    let pos = 0;
    for (let nl = chunk.indexOf(LF, pos); nl !== -1; nl = chunk.indexOf(LF, pos)) {
      append(chunk.subarray(pos, nl));
      yield take();
      lineNumber += 1;
      lineStart = offset + nl + 1;
      pos = nl + 1;
    }
    if (pos < chunk.length) append(chunk.subarray(pos));
    offset += chunk.length;
  }
  if (pendingSize > 0 || truncated) yield take();
}
