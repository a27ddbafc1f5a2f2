// LinkedIn `Connections.csv` → PersonObservations. LinkedIn offers no connections API, so this export is
// the only route. Quirks handled: a "Notes:" preamble whose wording varies, CRLF, quoted commas, mostly
// empty emails (members choose to share them), rows blank except the date (members who hide themselves),
// "02 Sep 2026" dates, and profile URLs that differ in case and trailing slash.
import { detectFormat, rejectOtherFormat } from "../detect-format";
import { openText } from "../io/byte-stream";
import { cell, hasColumns, indexColumns, type ColumnIndex } from "../io/csv-columns";
import { openCsv, type CsvRow } from "../io/csv-records";
import { ProgressTracker } from "../io/progress";
import { tracked } from "../io/tracked";
import { stableId } from "../stable-id";
import type { ByteInput, ParseOptions, TParseIssue, TPersonObservation, TSourceItem } from "../types";
import { canonicalLinkedInProfile } from "./linkedin-url";
import { parseConnectedOn } from "./linkedin-dates";

/** Old exports (before ~2020) have no URL column, so only these are required. */
const REQUIRED_COLUMNS = ["First Name", "Last Name", "Connected On"];

export function sniffLinkedInConnections(firstBytes: Uint8Array): boolean {
  return detectFormat(firstBytes) === "linkedin_connections";
}

export async function* parseLinkedInConnections(input: ByteInput, options: ParseOptions = {}): AsyncGenerator<TSourceItem> {
  const tracker = new ProgressTracker(options);
  yield* tracked(tracker, connections(input, tracker));
}

async function* connections(input: ByteInput, tracker: ProgressTracker): AsyncGenerator<TSourceItem> {
  const { head, chunks } = await openText(input, tracker);
  // "csv"/"unknown": a preamble the sniffer does not recognize; the header search below decides.
  rejectOtherFormat("linkedin_connections", head, ["csv", "unknown"]);
  const csv = await openCsv(head, chunks, {
    expected: "linkedin_connections",
    isHeader: (cells) => hasColumns(cells, REQUIRED_COLUMNS),
    maxPreambleLines: 20,
    headerDescription: "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
    singleLineRecords: true,
  });
  const columns = indexColumns(csv.header);
  for await (const item of csv.rows) {
    if (item.kind === "issue") {
      yield item;
      continue;
    }
    const result = toPerson(item, columns);
    if (result === "hidden") tracker.filter("hidden_connection");
    else yield* result;
  }
}

function toPerson(row: CsvRow, columns: ColumnIndex): TSourceItem[] | "hidden" {
  const get = (name: string) => cell(row.fields, columns, name);
  const first = get("First Name");
  const last = get("Last Name");
  const url = get("URL");
  const email = get("Email Address").toLowerCase();
  // Members who restrict their data appear as a row with only "Connected On": nothing to identify them by.
  if (!first && !last && !url && !email) return "hidden";

  const items: TSourceItem[] = [];
  const position = { row: row.row };
  const profile = canonicalLinkedInProfile(url);
  if (url && !profile) items.push(issue(row.row, "invalid_url", `Row ${row.row}: "${url}" is not a LinkedIn profile URL; the row was kept without it.`));
  const connectedOnText = get("Connected On");
  const connectedOn = connectedOnText ? parseConnectedOn(connectedOnText) : null;
  if (connectedOnText && !connectedOn) {
    items.push(issue(row.row, "invalid_date", `Row ${row.row}: could not read the date "${connectedOnText}"; the row was kept without it.`));
  }

  const name = `${first} ${last}`.trim();
  const company = get("Company");
  const title = get("Position");
  const person: TPersonObservation = {
    kind: "person",
    sourceName: "linkedin",
    // The slug is LinkedIn's own stable id; exports without URLs fall back to a hash of the row.
    sourceId: profile ? profile.slug : stableId("row", [first, last, email, company]),
    names: name ? [name] : [],
    emails: email.includes("@") ? [email] : [],
    phones: [],
    position,
  };
  if (profile) person.linkedinUrl = profile.url;
  if (company) person.organizationName = company;
  if (title) person.title = title;
  if (connectedOn) person.observedAt = connectedOn;
  items.push(person);
  return items;
}

function issue(row: number, code: string, reason: string): TParseIssue {
  return { kind: "issue", severity: "warn", code, reason, position: { row } };
}
