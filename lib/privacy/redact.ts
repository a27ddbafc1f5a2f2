// Pure redaction of one person's identifiers out of free text and JSON (audit metadata, merge snapshots,
// sync-run issues, interaction metadata). Erasure runs it over every log-like column that may mention them;
// entity columns (Person.names of someone else, User.email) are never touched by it.

export const REDACTED = "[erased]";

/** Identifiers are at least this long to be redacted inside longer text (a 2-letter name would hit everything). */
const MIN_NEEDLE = 3;
/** Phones are matched by their digits; shorter digit runs are too ambiguous. */
const MIN_PHONE_DIGITS = 7;

export interface Needles {
  /** Case-insensitive substrings: emails, names, handles, LinkedIn slugs, person ids. */
  texts: string[];
  /** Digit strings of phone numbers ("4930901820"), matched in any formatting. */
  phoneDigits: string[];
}

export function buildNeedles(input: { texts: Iterable<string>; phones: Iterable<string> }): Needles {
  const texts = new Set<string>();
  for (const text of input.texts) {
    const value = text.trim().toLowerCase();
    if (value.length >= MIN_NEEDLE) texts.add(value);
  }
  const phoneDigits = new Set<string>();
  for (const phone of input.phones) {
    const digits = phone.replace(/\D/g, "");
    if (digits.length >= MIN_PHONE_DIGITS) phoneDigits.add(digits);
    // The national form without the country code ("030 901820" for "+49 30 901820") is matched too.
    if (phone.trim().startsWith("+") && digits.length > MIN_PHONE_DIGITS + 2) {
      for (const cut of [1, 2, 3]) {
        const national = digits.slice(cut);
        if (national.length >= MIN_PHONE_DIGITS) phoneDigits.add(national);
      }
    }
  }
  // Longest first, so "zoe.mueller@x.de" is replaced before "zoe.mueller".
  return { texts: [...texts].sort((a, b) => b.length - a.length), phoneDigits: [...phoneDigits] };
}

export function isEmptyNeedles(needles: Needles): boolean {
  return needles.texts.length === 0 && needles.phoneDigits.length === 0;
}

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The text with every needle replaced by REDACTED; a text holding a phone's digits is replaced whole. */
export function redactText(text: string, needles: Needles): string {
  let result = text;
  const lower = text.toLowerCase();
  for (const needle of needles.texts) {
    if (lower.includes(needle) || result.toLowerCase().includes(needle)) {
      result = result.replace(new RegExp(escapeRegExp(needle), "giu"), REDACTED);
    }
  }
  if (needles.phoneDigits.length > 0) {
    const digits = result.replace(/\D/g, "");
    if (digits.length >= MIN_PHONE_DIGITS && needles.phoneDigits.some((phone) => digits.includes(phone))) return REDACTED;
  }
  return result;
}

export function textMentions(text: string, needles: Needles): boolean {
  return redactText(text, needles) !== text;
}

/** Redacts strings and object keys anywhere in a JSON value; returns the same reference when nothing changed. */
export function redactJson<T>(value: T, needles: Needles): T {
  if (typeof value === "string") return redactText(value, needles) as T;
  if (Array.isArray(value)) {
    let changed = false;
    const next = value.map((item: unknown) => {
      const redacted = redactJson(item, needles);
      if (redacted !== item) changed = true;
      return redacted;
    });
    return (changed ? next : value) as T;
  }
  if (value !== null && typeof value === "object") {
    let changed = false;
    const next: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      const redactedKey = redactText(key, needles);
      const redacted = redactJson(item, needles);
      if (redactedKey !== key || redacted !== item) changed = true;
      // Two keys redacted to the same text keep the first value: the value is about the erased person anyway.
      if (!(redactedKey in next)) next[redactedKey] = redacted;
    }
    return (changed ? next : value) as T;
  }
  return value;
}
