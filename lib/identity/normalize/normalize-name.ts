// Personal names to a comparable structure. Exports write the same person as "José García-López",
// "GARCIA LOPEZ, Jose", "Dr. J. Garcia-Lopez PhD" or "Pepe Garcia"; after parsing, the first two give the
// same { first, last } and the others can be compared by initial and by nickname.
// Order of operations matters: nicknames in brackets or quotes go first (they are not a name part), then
// folding, then the "Last, First" comma (suffixes after a comma, as in "Smith, Jr.", are not a first name),
// then honorifics/suffixes, then surname particles.
import { foldText } from "./fold-text";
import { HONORIFICS, SUFFIXES, SURNAME_PARTICLES } from "./name-affixes";

export interface ParsedName {
  /** Folded given name; a single letter when only an initial was given. */
  first: string;
  /** Folded family name with particles joined ("van der Berg" → "vanderberg"), or null for a mononym. */
  last: string | null;
  /** Folded middle names or initials. */
  middle: readonly string[];
  /** `first last` (middle names left out), the string the similarity comparisons use. */
  key: string;
}

const BRACKETED = /\([^)]*\)|\[[^\]]*\]|"[^"]*"|“[^”]*”|'[^']{2,}'(?=\s|$)/g;
// Apostrophes and hyphens join ("O'Brien" → "obrien", "Jean-Luc" → "jeanluc") so that sources that drop
// them still agree; every other non-letter separates tokens.
const JOINERS = /['’`´ʼ‐‑–-]/g;
const SEPARATORS = /[^\p{L}\p{N}]+/gu;

function tokenize(text: string): string[] {
  return text.replace(JOINERS, "").replace(SEPARATORS, " ").trim().split(" ").filter((token) => token.length > 0);
}

/**
 * Splits "garcia lopez, jose" into family and given parts: everything before the comma is the family name,
 * however many words it has. A part made only of suffixes ("john smith, jr.") is not a given name, so such
 * a name is not in comma form; null then.
 */
function splitComma(folded: string): { given: string[]; family: string[] } | null {
  const parts = folded.split(",").map(tokenize).filter((tokens) => tokens.length > 0);
  const nameParts = parts.filter((tokens) => !tokens.every((token) => SUFFIXES.has(token)));
  const [family, given] = nameParts;
  if (nameParts.length !== 2 || family === undefined || given === undefined || parts[0] !== family) return null;
  return { given, family };
}

function stripAffixes(tokens: string[]): string[] {
  let start = 0;
  let end = tokens.length;
  while (end - start > 1 && HONORIFICS.has(tokens[start] ?? "")) start += 1;
  while (end - start > 1 && SUFFIXES.has(tokens[end - 1] ?? "")) end -= 1;
  return tokens.slice(start, end);
}

function build(first: string, middle: string[], lastTokens: string[]): ParsedName {
  if (lastTokens.length === 0) return { first, last: null, middle, key: first };
  const last = lastTokens.join("");
  return { first, last, middle, key: `${first} ${last}` };
}

export function parseName(raw: string): ParsedName | null {
  const folded = foldText(raw.replace(BRACKETED, " "));
  const comma = splitComma(folded);
  if (comma) {
    const given = stripAffixes(comma.given);
    const family = stripAffixes(comma.family);
    const first = given[0];
    if (first !== undefined) return build(first, given.slice(1), family);
  }
  const tokens = stripAffixes(tokenize(folded));
  const first = tokens[0];
  if (first === undefined) return null;
  // Walk back over particles, but never into the given name.
  let lastStart = tokens.length - 1;
  while (lastStart > 1 && SURNAME_PARTICLES.has(tokens[lastStart - 1] ?? "")) lastStart -= 1;
  return build(first, tokens.slice(1, Math.max(1, lastStart)), tokens.length > 1 ? tokens.slice(lastStart) : []);
}

/** The comparable form of a name ("Dr. José GARCÍA, PhD" → "jose garcia"), or null when nothing is left. */
export function normalizeName(raw: string): string | null {
  return parseName(raw)?.key ?? null;
}

export function isInitial(token: string): boolean {
  return token.length === 1;
}
