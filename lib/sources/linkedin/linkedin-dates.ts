// LinkedIn writes "Connected On" as "02 Sep 2026" (older exports: "9/2/26") and message dates as
// "2026-09-02 10:15:33 UTC". Date.parse would read the first two in the server's local time zone, so they
// are parsed explicitly as UTC calendar dates.
const MONTHS: Record<string, number> = { jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11 };

export function parseConnectedOn(value: string): Date | null {
  const text = value.trim();
  const named = /^(\d{1,2})[ -]([A-Za-z]{3})[a-z]*[ -](\d{4})$/.exec(text);
  if (named) return utcDate(Number(named[3]), MONTHS[(named[2] ?? "").toLowerCase()], Number(named[1]));
  const numeric = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(text);
  if (numeric) {
    const year = Number(numeric[3]);
    return utcDate(year < 100 ? 2000 + year : year, Number(numeric[1]) - 1, Number(numeric[2]));
  }
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (iso) return utcDate(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3]));
  return null;
}

export function parseMessageDate(value: string): Date | null {
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2})?)\s*(UTC|Z)?$/i.exec(value.trim());
  if (!match) return null;
  const date = new Date(`${match[1]}T${match[2]}Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

function utcDate(year: number, month: number | undefined, day: number): Date | null {
  if (month === undefined || month < 0 || month > 11 || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(year, month, day));
  // Rejects 31 Feb and the like, which Date.UTC silently rolls over.
  return date.getUTCDate() === day ? date : null;
}
