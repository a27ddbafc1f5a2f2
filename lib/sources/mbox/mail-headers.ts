// The mail headers the importers read, and a byte-level lookup table for the scanner's hot loop.
export const HEADER = {
  from: 0,
  to: 1,
  cc: 2,
  bcc: 3,
  date: 4,
  messageId: 5,
  inReplyTo: 6,
  references: 7,
  gmailThreadId: 8,
  gmailLabels: 9,
  listId: 10,
  listUnsubscribe: 11,
  precedence: 12,
  autoSubmitted: 13,
  deliveredTo: 14,
  subject: 15,
} as const;
export type HeaderKey = keyof typeof HEADER;

const HEADER_NAMES: Record<HeaderKey, string> = {
  from: "from",
  to: "to",
  cc: "cc",
  bcc: "bcc",
  date: "date",
  messageId: "message-id",
  inReplyTo: "in-reply-to",
  references: "references",
  gmailThreadId: "x-gm-thrid",
  gmailLabels: "x-gmail-labels",
  listId: "list-id",
  listUnsubscribe: "list-unsubscribe",
  precedence: "precedence",
  autoSubmitted: "auto-submitted",
  deliveredTo: "delivered-to",
  subject: "subject",
};
export const HEADER_COUNT = Object.keys(HEADER).length;
/** Headers that may repeat and are then joined as one address list. */
export const LIST_HEADERS = new Set<number>([HEADER.to, HEADER.cc, HEADER.bcc, HEADER.deliveredTo]);

export interface RawMessage {
  /** 1-based message number in the file. */
  index: number;
  /** Offset of the message's "From " separator line. */
  byteOffset: number;
  /** The separator line after "From " (sender and date of delivery). */
  separator: string;
  /** Unfolded, undecoded header values by HEADER index. */
  headers: Array<string | undefined>;
  /** False when the file ended before the blank line that closes the headers (truncated file). */
  complete: boolean;
  /** True when the header block exceeded MAX_HEADER_BYTES and was cut. */
  oversized: boolean;
}

interface NameEntry {
  code: number;
  bytes: Uint8Array;
}

/** Header names bucketed by length, compared byte-wise: no string is made for the ~40 unwanted headers per message. */
export class HeaderTable {
  private readonly byLength: NameEntry[][] = [];

  constructor(wanted: readonly HeaderKey[] = Object.keys(HEADER) as HeaderKey[]) {
    for (const key of wanted) {
      const name = HEADER_NAMES[key];
      (this.byLength[name.length] ??= []).push({ code: HEADER[key], bytes: Buffer.from(name, "latin1") });
    }
  }

  /** The HEADER code of the name at buf[pos, pos + length), or -1 when it is not wanted. */
  lookup(buf: Buffer, pos: number, length: number): number {
    const candidates = this.byLength[length];
    if (candidates === undefined) return -1;
    for (const { code, bytes } of candidates) {
      let i = 0;
      // ASCII case folding: OR 0x20 lowercases letters and leaves "-" and digits unchanged.
      while (i < length && ((buf[pos + i] as number) | 0x20) === bytes[i]) i += 1;
      if (i === length) return code;
    }
    return -1;
  }
}
