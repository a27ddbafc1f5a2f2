// Splits a .vcf stream into single cards so that memory stays bounded by one card, whatever the file size
// (ical.js parses a whole string at once). While splitting it prepares each card for ical.js:
// - unfolds folded lines (CRLF + one space/tab);
// - joins quoted-printable soft line breaks ("=" at the end of a line, vCard 2.1/3.0) and decodes the value,
//   because ical.js does not decode QUOTED-PRINTABLE;
// - rewrites vCard 2.1 bare parameters (TEL;HOME;VOICE) as TYPE= parameters, which ical.js requires;
// - drops PHOTO/LOGO/SOUND/KEY, which can be hundreds of KB of base64 that no import needs.
import type { TextLine } from "../io/lines";
import type { TParseIssue } from "../types";
import { decodeQuotedPrintableLine, isQuotedPrintable, normalizeBareParameters, propertyName } from "./vcard-line";

export interface RawCard {
  kind: "card";
  /** 1-based card number in the file. */
  index: number;
  /** Line where BEGIN:VCARD is. */
  line: number;
  /** The card's logical lines, BEGIN and END included, ready for ical.js. */
  lines: string[];
}

const DROPPED = new Set(["PHOTO", "LOGO", "SOUND", "KEY"]);
const MAX_CARD_CHARS = 512 * 1024;

export async function* splitCards(lines: AsyncIterable<TextLine>): AsyncGenerator<RawCard | TParseIssue> {
  let card: RawCard | null = null;
  let size = 0;
  let oversized = false;
  let current: string | null = null; // The logical line being assembled, null when dropped.
  let dropping = false;
  let index = 0;

  // A single property larger than a whole card may be: the card is skipped, and the property's remaining
  // continuation lines are swallowed without being kept.
  const giveUpOnLine = (): void => {
    oversized = true;
    current = null;
    dropping = true;
  };

  const flush = (): void => {
    if (card && current !== null && !oversized) {
      const line = isQuotedPrintable(current) ? decodeQuotedPrintableLine(current) : current;
      card.lines.push(normalizeBareParameters(line));
      size += line.length;
      if (size > MAX_CARD_CHARS) oversized = true;
    }
    current = null;
    dropping = false;
  };

  for await (const { text, line } of lines) {
    const first = text.charCodeAt(0);
    // Folding: a line starting with a space or tab continues the previous one.
    if ((first === 0x20 || first === 0x09) && card && (current !== null || dropping)) {
      // A quoted-printable soft break ("=") that was also folded: both the "=" and the fold's space go.
      if (current !== null && current.endsWith("=") && isQuotedPrintable(current)) current = current.slice(0, -1) + text.slice(1);
      else if (current !== null) current += text.slice(1);
      if (current !== null && current.length > MAX_CARD_CHARS) giveUpOnLine();
      continue;
    }
    // Quoted-printable soft line break: the previous line ended with "=" and continues here unindented.
    if (current !== null && current.endsWith("=") && isQuotedPrintable(current)) {
      current = current.slice(0, -1) + text;
      if (current.length > MAX_CARD_CHARS) giveUpOnLine();
      continue;
    }
    flush();
    if (text.trim() === "") continue;
    const name = propertyName(text);
    if (name === "BEGIN" && /:\s*vcard\s*$/i.test(text)) {
      if (card) yield unclosed(card);
      index += 1;
      card = { kind: "card", index, line, lines: [] };
      size = 0;
      oversized = false;
      current = "BEGIN:VCARD";
      continue;
    }
    if (!card) continue; // Text between cards carries nothing.
    if (name === "END" && /:\s*vcard\s*$/i.test(text)) {
      card.lines.push("END:VCARD");
      if (oversized) yield tooLarge(card);
      else yield card;
      card = null;
      continue;
    }
    if (DROPPED.has(name)) dropping = true;
    else current = text;
  }
  flush();
  if (card) yield unclosed(card);
}

function unclosed(card: RawCard): TParseIssue {
  return {
    kind: "issue",
    severity: "skip",
    code: "truncated",
    reason: `Card ${card.index} (line ${card.line}) has no END:VCARD; the file may be truncated. The card was skipped.`,
    position: { row: card.index, line: card.line },
  };
}

function tooLarge(card: RawCard): TParseIssue {
  return {
    kind: "issue",
    severity: "skip",
    code: "card_too_large",
    reason: `Card ${card.index} (line ${card.line}) is larger than ${MAX_CARD_CHARS / 1024} KB without its photo; it was skipped.`,
    position: { row: card.index, line: card.line },
  };
}
