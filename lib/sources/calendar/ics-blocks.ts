// Splits an .ics stream into its VTIMEZONE and VEVENT blocks so memory stays bounded by one event (ical.js
// parses whole strings). Lines are unfolded here (CRLF + one space/tab), which also repairs folds that split
// an email address in two. What no import needs and can be large is dropped while reading: DESCRIPTION,
// ATTACH (inline base64), X-ALT-DESC, COMMENT, and VALARM subcomponents.
import type { TextLine } from "../io/lines";
import type { TParseIssue } from "../types";

export interface IcsBlock {
  kind: "block";
  component: "vtimezone" | "vevent";
  /** 1-based number among blocks of the same component. */
  index: number;
  /** Line of the block's BEGIN. */
  line: number;
  /** Logical (unfolded) lines, BEGIN and END included. */
  lines: string[];
}

const DROPPED_PROPERTIES = new Set(["DESCRIPTION", "ATTACH", "X-ALT-DESC", "COMMENT"]);
const DROPPED_COMPONENTS = new Set(["VALARM"]);
const MAX_BLOCK_CHARS = 512 * 1024;

export async function* splitIcsBlocks(lines: AsyncIterable<TextLine>): AsyncGenerator<IcsBlock | TParseIssue> {
  let depth = 0;
  let block: IcsBlock | null = null;
  let blockDepth = 0;
  let skipDepth = 0;
  let size = 0;
  const counts = { vtimezone: 0, vevent: 0 };

  for await (const { text, line } of unfold(lines)) {
    const name = propertyName(text);
    if (name === "BEGIN") {
      depth += 1;
      const component = text.slice(text.indexOf(":") + 1).trim().toUpperCase();
      if (block) {
        if (skipDepth > 0 || DROPPED_COMPONENTS.has(component)) skipDepth += 1;
        else size = push(block, text, size);
      } else if (component === "VEVENT" || component === "VTIMEZONE") {
        const kind = component === "VEVENT" ? "vevent" : "vtimezone";
        counts[kind] += 1;
        block = { kind: "block", component: kind, index: counts[kind], line, lines: [text] };
        blockDepth = depth;
        size = text.length;
      }
      continue;
    }
    if (name === "END") {
      depth -= 1;
      if (!block) continue;
      if (skipDepth > 0) {
        skipDepth -= 1;
        continue;
      }
      size = push(block, text, size);
      if (depth < blockDepth) {
        yield size > MAX_BLOCK_CHARS ? tooLarge(block) : block;
        block = null;
      }
      continue;
    }
    if (block && skipDepth === 0 && !DROPPED_PROPERTIES.has(name)) size = push(block, text, size);
  }
  if (block) {
    yield {
      kind: "issue",
      severity: "skip",
      code: "truncated",
      reason: `The ${block.component.toUpperCase()} starting at line ${block.line} is not closed; the file looks truncated. It was skipped.`,
      position: { row: block.index, line: block.line },
    };
  }
}

/** Appends a line unless the block is already too large (it is then reported, not parsed). */
function push(block: IcsBlock, text: string, size: number): number {
  if (size <= MAX_BLOCK_CHARS) block.lines.push(text);
  return size + text.length;
}

function tooLarge(block: IcsBlock): TParseIssue {
  return {
    kind: "issue",
    severity: "skip",
    code: "event_too_large",
    reason: `The ${block.component.toUpperCase()} starting at line ${block.line} is larger than ${MAX_BLOCK_CHARS / 1024} KB; it was skipped.`,
    position: { row: block.index, line: block.line },
  };
}

function propertyName(text: string): string {
  const end = text.search(/[;:]/);
  return (end === -1 ? text : text.slice(0, end)).trim().toUpperCase();
}

/** Joins folded continuation lines into logical lines. */
async function* unfold(lines: AsyncIterable<TextLine>): AsyncGenerator<{ text: string; line: number }> {
  let current: { text: string; line: number } | null = null;
  for await (const { text, line } of lines) {
    const first = text.charCodeAt(0);
    if ((first === 0x20 || first === 0x09) && current) {
      if (current.text.length < MAX_BLOCK_CHARS) current.text += text.slice(1);
      continue;
    }
    if (current) yield current;
    current = { text, line };
  }
  if (current) yield current;
}
