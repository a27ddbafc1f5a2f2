// The mbox hot loop: turns chunks of an mbox file into the raw header values of each message, in constant
// memory and without ever buffering a body. Gmail Takeout files run to gigabytes and the import must parse
// ≥ 20,000 messages/s, so this works on Buffers directly:
// - in a body, one native `indexOf("\nFrom ")` per chunk jumps to the next separator; body lines are never
//   split or decoded (Takeout writes mboxrd, which quotes body lines starting with "From " as ">From ");
// - in headers, lines are found with `indexOf(LF)`, names are matched byte-wise against a table bucketed by
//   length, and only wanted values are decoded to strings. No regex runs per line or per byte.
// Bounded memory: a header value keeps at most MAX_VALUE_CHARS, a header block at most MAX_HEADER_BYTES;
// beyond that the message is flagged and the rest is treated as body.
import { HEADER_COUNT, HeaderTable, LIST_HEADERS, type HeaderKey, type RawMessage } from "./mail-headers";
import { FROM_SPACE, SEPARATOR_NEEDLE, separatorAt } from "./mbox-separator";

export { HEADER, type HeaderKey, type RawMessage } from "./mail-headers";

const LF = 0x0a;
const CR = 0x0d;
const SP = 0x20;
const TAB = 0x09;
const COLON = 0x3a;
const UPPER_F = 0x46;
const MAX_VALUE_CHARS = 64 * 1024;
const MAX_HEADER_BYTES = 1 << 20;

const STATE = { separator: 0, headers: 1, body: 2 } as const;
type State = (typeof STATE)[keyof typeof STATE];

export class MboxScanner {
  private readonly table: HeaderTable;
  private carry: Buffer | null = null;
  /** Absolute offset of the current buffer's first byte. */
  private base = 0;
  private state: State = STATE.separator;
  private bodySearchFrom = 0;
  /** In a body: the previous buffer ended with LF, so a separator may start at the next buffer's first byte. */
  private atLineStart = false;
  private message: RawMessage | null = null;
  private continuing = -1;
  private headerBytes = 0;
  private count = 0;
  /** Set when the first line is not a "From " separator: the caller rejects the file. */
  notMbox = false;

  constructor(wanted?: readonly HeaderKey[]) {
    this.table = new HeaderTable(wanted);
  }

  /** Scans one chunk and appends the messages whose headers ended in it to `out`. */
  push(chunk: Buffer, out: RawMessage[]): void {
    const carry = this.carry;
    this.carry = null;
    if (carry === null) return this.scan(chunk, out);
    const nl = this.state === STATE.body ? -1 : chunk.indexOf(LF);
    // A body carry is a few bytes of a possible separator, and a header line without LF in this chunk is
    // rare: joining is fine. Otherwise only the cut header line is completed, so the chunk is not copied.
    if (nl === -1) return this.scan(Buffer.concat([carry, chunk]), out);
    this.scan(Buffer.concat([carry, chunk.subarray(0, nl + 1)]), out);
    const rest = chunk.subarray(nl + 1);
    const leftover = this.carry as Buffer | null;
    this.carry = null;
    this.scan(leftover ? Buffer.concat([leftover, rest]) : rest, out);
  }

  private scan(buf: Buffer, out: RawMessage[]): void {
    const len = buf.length;
    let pos = 0;
    while (pos < len && !this.notMbox) {
      if (this.state === STATE.body) {
        if (this.atLineStart) {
          // The previous buffer ended with LF, so a separator may begin right here.
          this.atLineStart = false;
          const verdict = buf[pos] === UPPER_F ? separatorAt(buf, pos) : "no";
          if (verdict === "need_more") return this.keep(buf, pos, true);
          if (verdict === "yes") {
            this.state = STATE.separator;
            continue;
          }
        }
        const at = buf.indexOf(SEPARATOR_NEEDLE, this.bodySearchFrom);
        if (at === -1) return this.keepBodyTail(buf);
        const verdict = separatorAt(buf, at + 1);
        if (verdict === "need_more") return this.keep(buf, at, false);
        if (verdict === "no") {
          this.bodySearchFrom = at + 1;
          continue;
        }
        pos = at + 1;
        this.state = STATE.separator;
        continue;
      }
      const nl = buf.indexOf(LF, pos);
      if (nl === -1) {
        if (len - pos > MAX_HEADER_BYTES) return this.overflow(buf, pos, out);
        return this.keep(buf, pos, false);
      }
      const end = nl > pos && buf[nl - 1] === CR ? nl - 1 : nl;
      if (this.state === STATE.separator) this.startMessage(buf, pos, end);
      else if (!this.headerLine(buf, pos, end, out)) continue;
      pos = nl + 1;
      if ((this.state as State) === STATE.body) this.bodySearchFrom = nl;
    }
    if (this.notMbox) return;
    if (this.state === STATE.body) this.keepBodyTail(buf);
    else this.keep(buf, len, false);
  }

  /**
   * At the end of a buffer in a body, only a possible beginning of "\nFrom " is kept: a final LF becomes
   * the `atLineStart` flag, "\nFr…" is carried (a few bytes), anything else is dropped.
   */
  private keepBodyTail(buf: Buffer): void {
    const len = buf.length;
    let lf = -1;
    for (let i = len - 1; i >= Math.max(this.bodySearchFrom, len - (SEPARATOR_NEEDLE.length - 1)); i -= 1) {
      if (buf[i] === LF) {
        lf = i;
        break;
      }
    }
    if (lf === len - 1) return this.keep(buf, len, true);
    if (lf !== -1 && buf.compare(SEPARATOR_NEEDLE, 0, len - lf, lf, len) === 0) return this.keep(buf, lf, false);
    this.keep(buf, len, false);
  }

  /** Flushes the last message; a message still in its headers is returned with `complete: false`. */
  end(out: RawMessage[]): void {
    if (this.carry && this.carry.length > 0 && this.state !== STATE.body) this.push(Buffer.from("\n"), out);
    if (this.message && this.state === STATE.headers) {
      this.message.complete = false;
      out.push(this.message);
    }
    this.message = null;
  }

  private startMessage(buf: Buffer, pos: number, end: number): void {
    if (end === pos && this.count === 0) return; // Blank lines before the first message.
    if (end - pos < FROM_SPACE.length || buf.compare(FROM_SPACE, 0, FROM_SPACE.length, pos, pos + FROM_SPACE.length) !== 0) {
      this.notMbox = true;
      return;
    }
    this.count += 1;
    this.message = {
      index: this.count,
      byteOffset: this.base + pos,
      separator: buf.toString("latin1", pos + FROM_SPACE.length, Math.min(end, pos + 256)),
      headers: new Array<string | undefined>(HEADER_COUNT),
      complete: true,
      oversized: false,
    };
    this.state = STATE.headers;
    this.continuing = -1;
    this.headerBytes = 0;
  }

  /** Handles one header line. Returns false when the caller must re-read this line in the new state. */
  private headerLine(buf: Buffer, pos: number, end: number, out: RawMessage[]): boolean {
    const message = this.message as RawMessage;
    if (end === pos) {
      out.push(message);
      this.message = null;
      this.state = STATE.body;
      return true;
    }
    this.headerBytes += end - pos;
    if (this.headerBytes > MAX_HEADER_BYTES) {
      message.oversized = true;
      out.push(message);
      this.message = null;
      this.state = STATE.body;
      return true;
    }
    const first = buf[pos];
    if (first === SP || first === TAB) {
      if (this.continuing >= 0) this.append(this.continuing, buf.toString("utf8", pos, end), "");
      return true;
    }
    // A separator without a blank line before it: the previous message had headers only.
    if (first === UPPER_F && separatorAt(buf, pos) === "yes") {
      out.push(message);
      this.message = null;
      this.state = STATE.separator;
      return false;
    }
    const colon = buf.indexOf(COLON, pos);
    if (colon === -1 || colon > end) {
      // Not a header: the headers ended without a blank line and this is the body.
      out.push(message);
      this.message = null;
      this.state = STATE.body;
      return true;
    }
    let nameEnd = colon;
    while (nameEnd > pos && (buf[nameEnd - 1] === SP || buf[nameEnd - 1] === TAB)) nameEnd -= 1;
    const code = this.table.lookup(buf, pos, nameEnd - pos);
    // A repeated single-valued header is ignored, continuation lines included.
    const ignored = code >= 0 && message.headers[code] !== undefined && !LIST_HEADERS.has(code);
    this.continuing = ignored ? -1 : code;
    if (code >= 0 && !ignored) {
      let start = colon + 1;
      while (start < end && (buf[start] === SP || buf[start] === TAB)) start += 1;
      this.append(code, buf.toString("utf8", start, end), LIST_HEADERS.has(code) ? ", " : null);
    }
    return true;
  }

  /** Appends a value piece; `joiner` is used when the header repeats (null: the first occurrence wins). */
  private append(code: number, piece: string, joiner: string | null): void {
    const headers = (this.message as RawMessage).headers;
    const existing = headers[code];
    if (existing === undefined) headers[code] = piece.length > MAX_VALUE_CHARS ? piece.slice(0, MAX_VALUE_CHARS) : piece;
    else if (joiner !== null && existing.length + piece.length <= MAX_VALUE_CHARS) headers[code] = existing + joiner + piece;
  }

  private overflow(buf: Buffer, pos: number, out: RawMessage[]): void {
    if (this.message) {
      this.message.oversized = true;
      out.push(this.message);
      this.message = null;
    }
    this.state = STATE.body;
    this.bodySearchFrom = pos;
    this.keepBodyTail(buf);
  }

  /** Ends a buffer: bytes from `from` on are carried into the next chunk (copied, so the chunk can go). */
  private keep(buf: Buffer, from: number, atLineStart: boolean): void {
    this.carry = from < buf.length ? Buffer.from(buf.subarray(from)) : null;
    this.base += from;
    this.bodySearchFrom = 0;
    this.atLineStart = atLineStart;
  }
}
