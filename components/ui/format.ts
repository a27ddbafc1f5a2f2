// Display helpers shared by server and client components. Pure, no data access.

/** The display name is the first name variation (the schema's convention). */
export function displayName(names: readonly string[] | null | undefined): string {
  const first = names?.find((name) => name.trim().length > 0);
  return first ?? "Unnamed person";
}

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0], parts[parts.length - 1]] : [parts[0]];
  return letters.map((part) => part?.[0]?.toUpperCase() ?? "").join("") || "?";
}

/** First 8 characters of a UUID: enough to tell rows apart on screen; the full id is in the title. */
export function shortId(id: string): string {
  return id.slice(0, 8);
}

const dateTime = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });
const dateOnly = new Intl.DateTimeFormat("en", { dateStyle: "medium" });

export function formatDateTime(date: Date): string {
  return dateTime.format(date);
}

export function formatDate(date: Date): string {
  return dateOnly.format(date);
}

const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

export function formatRelative(date: Date, now: Date = new Date()): string {
  const seconds = (date.getTime() - now.getTime()) / 1000;
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  }
  return "just now";
}

const integer = new Intl.NumberFormat("en");
export function formatCount(value: number): string {
  return integer.format(value);
}

/** A count with the noun that agrees with it: "1 interaction", "2 interactions", "1,204 people" (pass `many` when not "+s"). */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

/** Strength is stored in [0, 1]; people read it better as 0–100. */
export function strengthPercent(strength: number): number {
  return Math.round(Math.min(1, Math.max(0, strength)) * 100);
}

const SOURCE_LABELS: Record<string, string> = {
  gmail: "Gmail",
  linkedin: "LinkedIn",
  calendar: "Calendar",
  slack: "Slack",
  vcard: "vCard",
  "google-contacts": "Google Contacts",
  google_contacts: "Google Contacts",
};

/** Source names are stored lower-case ("linkedin"); people expect the product's own spelling. */
export function sourceLabel(source: string): string {
  return SOURCE_LABELS[source.toLowerCase()] ?? source.charAt(0).toUpperCase() + source.slice(1);
}
