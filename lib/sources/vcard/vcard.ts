// vCard 3.0/4.0 (.vcf) → PersonObservations, one card at a time: vcard-cards.ts splits and repairs the
// stream, ical.js parses each card, vcard-person.ts reads the fields.
import ICAL from "ical.js";
import { detectFormat, rejectOtherFormat } from "../detect-format";
import { openText } from "../io/byte-stream";
import { readLines } from "../io/lines";
import { ProgressTracker } from "../io/progress";
import { tracked } from "../io/tracked";
import { stableId } from "../stable-id";
import type { ByteInput, ParseOptions, TParseIssue, TPersonObservation, TSourceItem } from "../types";
import { splitCards, type RawCard } from "./vcard-cards";
import { readCard } from "./vcard-person";

export function sniffVCard(firstBytes: Uint8Array): boolean {
  return detectFormat(firstBytes) === "vcard";
}

export async function* parseVCard(input: ByteInput, options: ParseOptions = {}): AsyncGenerator<TSourceItem> {
  const tracker = new ProgressTracker(options);
  yield* tracked(tracker, cards(input, tracker));
}

async function* cards(input: ByteInput, tracker: ProgressTracker): AsyncGenerator<TSourceItem> {
  const { head, chunks } = await openText(input, tracker);
  rejectOtherFormat("vcard", head);
  for await (const item of splitCards(readLines(chunks))) {
    if (item.kind === "issue") {
      yield item;
      continue;
    }
    const result = toPerson(item);
    if (result === "empty") tracker.filter("empty_card");
    else yield* result;
  }
}

function toPerson(card: RawCard): TSourceItem[] | "empty" {
  const position = { row: card.index, line: card.line };
  let jcard: unknown;
  try {
    jcard = ICAL.parse(card.lines.join("\r\n"));
  } catch (error) {
    return [skip(card, `Card ${card.index} (line ${card.line}) could not be parsed: ${(error as Error).message}. It was skipped.`)];
  }
  const fields = readCard(jcard);
  if (fields.names.length === 0 && fields.emails.length === 0 && fields.phones.length === 0) return "empty";
  const items: TSourceItem[] = [];
  if (card.lines.some((line) => line.includes("\uFFFD"))) {
    items.push({
      kind: "issue",
      severity: "warn",
      code: "invalid_encoding",
      reason: `Card ${card.index} (line ${card.line}) contains bytes that are not valid UTF-8; they were replaced with "\uFFFD".`,
      position,
    });
  }
  const person: TPersonObservation = {
    kind: "person",
    sourceName: "vcard",
    sourceId: fields.uid ?? stableId("vcard", [...fields.names, "|", ...fields.emails, "|", ...fields.phones]),
    names: fields.names,
    emails: fields.emails,
    phones: fields.phones,
    position,
  };
  if (fields.linkedinUrl) person.linkedinUrl = fields.linkedinUrl;
  if (Object.keys(fields.socialHandles).length > 0) person.socialHandles = fields.socialHandles;
  if (fields.organizationName) person.organizationName = fields.organizationName;
  if (fields.title) person.title = fields.title;
  if (fields.revision) person.observedAt = fields.revision;
  items.push(person);
  return items;
}

function skip(card: RawCard, reason: string): TParseIssue {
  return { kind: "issue", severity: "skip", code: "invalid_card", reason, position: { row: card.index, line: card.line } };
}
