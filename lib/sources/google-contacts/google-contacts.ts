// Google Contacts "Google CSV" export → PersonObservations. Both header generations are accepted (see
// google-contacts-row.ts); a UTF-8 BOM or a UTF-16 encoding (older exports) is handled by openText.
import { detectFormat, rejectOtherFormat } from "../detect-format";
import { openText } from "../io/byte-stream";
import { indexColumns } from "../io/csv-columns";
import { openCsv } from "../io/csv-records";
import { ProgressTracker } from "../io/progress";
import { tracked } from "../io/tracked";
import { stableId } from "../stable-id";
import type { ByteInput, ParseOptions, TPersonObservation, TSourceItem } from "../types";
import { readContactRow } from "./google-contacts-row";

export function sniffGoogleContacts(firstBytes: Uint8Array): boolean {
  return detectFormat(firstBytes) === "google_contacts";
}

/** Either generation's header: old exports have "Given Name"/"Family Name", new ones "First Name"/"Last Name". */
function isGoogleHeader(cells: string[]): boolean {
  const names = new Set(cells.map((name) => name.toLowerCase()));
  const old = names.has("name") && names.has("given name") && names.has("family name");
  const current = names.has("first name") && names.has("last name") && (names.has("labels") || names.has("organization name"));
  return old || current || names.has("e-mail 1 - value");
}

export async function* parseGoogleContacts(input: ByteInput, options: ParseOptions = {}): AsyncGenerator<TSourceItem> {
  const tracker = new ProgressTracker(options);
  yield* tracked(tracker, contacts(input, tracker));
}

async function* contacts(input: ByteInput, tracker: ProgressTracker): AsyncGenerator<TSourceItem> {
  const { head, chunks } = await openText(input, tracker);
  rejectOtherFormat("google_contacts", head);
  const csv = await openCsv(head, chunks, {
    expected: "google_contacts",
    isHeader: isGoogleHeader,
    headerDescription: "Name,Given Name,…,E-mail 1 - Value or First Name,Middle Name,Last Name,…",
  });
  const columns = indexColumns(csv.header);
  for await (const item of csv.rows) {
    if (item.kind === "issue") {
      yield item;
      continue;
    }
    const contact = readContactRow(item.fields, columns);
    if (contact.names.length === 0 && contact.emails.length === 0 && contact.phones.length === 0) {
      tracker.filter("empty_row");
      continue;
    }
    const person: TPersonObservation = {
      kind: "person",
      sourceName: "google_contacts",
      // Google's CSV carries no contact id; the identifying content hashes to the same id on every export.
      sourceId: stableId("gc", [...contact.names, "|", ...contact.emails, "|", ...contact.phones]),
      names: contact.names,
      emails: contact.emails,
      phones: contact.phones,
      position: { row: item.row },
    };
    if (contact.organizationName) person.organizationName = contact.organizationName;
    if (contact.title) person.title = contact.title;
    if (contact.linkedinUrl) person.linkedinUrl = contact.linkedinUrl;
    yield person;
  }
}
