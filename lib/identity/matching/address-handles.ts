// A record that carries no name at all (a calendar attendee shown as a bare address, a contact saved as an
// address) still says who it is through its address: "jramirez@", "jenniferr@", "zanelelambert86@gmail.com"
// spell a name in the ways mail systems and people build addresses. Read alone such a handle is ambiguous
// ("jramirez" is any J. Ramirez, and where the first name ends is unknown), so it is not turned into a
// name (name-from-email.ts reads only the unambiguous "first.last"); instead it is checked against the
// name of the record it is compared with. Blocking uses the same spellings, from the named side.
import { givenNamesEquivalent } from "../normalize/nicknames";
import type { ParsedName } from "../normalize/normalize-name";
import type { NormalizedRecord } from "../normalize/normalize-record";

/** How a handle spells a name: the whole name (either order, or a nickname), or an initial and the other part. */
export type HandleSpelling = "full" | "initialLast" | "firstInitial";

/** Handles shorter than this say too little to be read ("jlee" is 4: kept; "jli" is not). */
const MIN_HANDLE_LENGTH = 4;

const letters = (value: string): string => value.replace(/[^\p{L}]/gu, "");

/**
 * The handles of a record's addresses: each comparable local part's letters, a trailing number (a birth
 * year, a counter the mail system added) removed. "jennifer.ramirez90" → "jenniferramirez".
 */
export function addressHandles(record: NormalizedRecord): string[] {
  const handles = new Set<string>();
  for (const local of record.emailLocals) {
    const handle = local.key.replace(/[0-9]+$/, "");
    // Digits inside ("j2smith") are not a name's spelling.
    if (handle.length >= MIN_HANDLE_LENGTH && letters(handle) === handle) handles.add(handle);
  }
  return [...handles];
}

/**
 * The handles a name is commonly written as: first+last, last+first, initial+last, first+initial and
 * last+initial. Only these are blocked on; a nickname is recognized when comparing (handleSpelling).
 */
export function nameHandles(name: ParsedName): string[] {
  if (name.last === null) return [];
  const first = letters(name.first);
  const last = letters(name.last);
  if (first.length === 0 || last.length === 0) return [];
  const spellings = [first + last, last + first, (first[0] ?? "") + last, first + (last[0] ?? ""), last + (first[0] ?? "")];
  return [...new Set(spellings)].filter((handle) => handle.length >= MIN_HANDLE_LENGTH);
}

/** How `handle` spells `name`, or null. A nickname or variant of the given name counts as the name. */
export function handleSpelling(handle: string, name: ParsedName): HandleSpelling | null {
  if (name.last === null) return null;
  const first = letters(name.first);
  const last = letters(name.last);
  if (first.length === 0 || last.length === 0) return null;
  if (handle === first + last || handle === last + first) return "full";
  if (handle.endsWith(last)) {
    const given = handle.slice(0, handle.length - last.length);
    if (given.length === 1 && given === first[0]) return "initialLast";
    if (given.length >= 2 && givenNamesEquivalent(given, first)) return "full";
  }
  if (handle.startsWith(last)) {
    const given = handle.slice(last.length);
    if (given.length === 1 && given === first[0]) return "initialLast";
    if (given.length >= 2 && givenNamesEquivalent(given, first)) return "full";
  }
  if (handle.length === first.length + 1 && handle.startsWith(first) && handle.endsWith(last[0] ?? "")) return "firstInitial";
  return null;
}
