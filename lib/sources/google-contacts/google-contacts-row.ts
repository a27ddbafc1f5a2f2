// One Google Contacts CSV row → the fields of a person, for both header generations:
//   old: Name, Given Name, Additional Name, Family Name, …, E-mail 1 - Type/Value, Organization 1 - Name/Title
//   new: First Name, Middle Name, Last Name, …, E-mail 1 - Label/Value, Organization Name/Title
// A cell can hold several values joined by " ::: ", and "* " before a label (or value) marks the primary one.
import { cell, type ColumnIndex } from "../io/csv-columns";
import { fullName } from "../full-name";
import { canonicalLinkedInProfile } from "../linkedin/linkedin-url";

export interface ContactFields {
  names: string[];
  emails: string[];
  phones: string[];
  organizationName?: string;
  title?: string;
  linkedinUrl?: string;
}

const MULTI = " ::: ";
const PRIMARY = "* ";
const MAX_SLOTS = 50;

export function readContactRow(fields: readonly string[], columns: ColumnIndex): ContactFields {
  const get = (name: string) => cell(fields, columns, name);
  const result: ContactFields = {
    names: readNames(get),
    emails: dedupe(readSlots(get, "E-mail").map((email) => email.toLowerCase()).filter((email) => email.includes("@"))),
    phones: dedupe(readSlots(get, "Phone")),
  };
  const organization = firstValue(get("Organization Name") || get("Organization 1 - Name"));
  const title = firstValue(get("Organization Title") || get("Organization 1 - Title"));
  if (organization) result.organizationName = organization;
  if (title) result.title = title;
  for (const website of readSlots(get, "Website")) {
    const profile = canonicalLinkedInProfile(website);
    if (profile) {
      result.linkedinUrl = profile.url;
      break;
    }
  }
  return result;
}

function readNames(get: (name: string) => string): string[] {
  const full =
    get("Name") ||
    fullName({ given: get("First Name") || get("Given Name"), additional: get("Middle Name") || get("Additional Name"), family: get("Last Name") || get("Family Name") });
  const names = [full, get("Nickname"), get("File As")].map((name) => name.trim()).filter(Boolean);
  return dedupe(names);
}

/**
 * Values of "<kind> N - Value" for N = 1, 2, … with primary values first. The label column is "Type" in old
 * exports and "Label" in new ones; a label like "* Work ::: Home" marks the first value of the cell primary.
 */
function readSlots(get: (name: string) => string, kind: string): string[] {
  const primary: string[] = [];
  const others: string[] = [];
  for (let slot = 1; slot <= MAX_SLOTS; slot += 1) {
    const raw = get(`${kind} ${slot} - Value`);
    if (!raw) {
      // Slots are contiguous in practice, but a cleared cell can leave a gap: look one further before stopping.
      if (!get(`${kind} ${slot + 1} - Value`)) break;
      continue;
    }
    const labels = (get(`${kind} ${slot} - Label`) || get(`${kind} ${slot} - Type`)).split(MULTI);
    raw.split(MULTI).forEach((piece, i) => {
      const label = labels[i] ?? labels[0] ?? "";
      const isPrimary = piece.startsWith(PRIMARY) || label.startsWith(PRIMARY);
      const value = (piece.startsWith(PRIMARY) ? piece.slice(PRIMARY.length) : piece).trim();
      if (value) (isPrimary ? primary : others).push(value);
    });
  }
  return [...primary, ...others];
}

function firstValue(raw: string): string | undefined {
  const value = raw.split(MULTI)[0]?.replace(/^\* /, "").trim();
  return value || undefined;
}

function dedupe(values: string[]): string[] {
  return [...new Set(values)];
}
