// Every seeded date is relative to one fixed instant, never to the clock, so two runs (on any day)
// produce identical rows. 2026-11-01 keeps the data looking current for the product's launch window.
export const SEED_REFERENCE_ISO = "2026-11-01T00:00:00.000Z";

const DAY_MS = 86_400_000;

/** The reference instant as a fresh Date (Dates are mutable, so no shared instance is exported). */
export function seedReferenceDate(): Date {
  return new Date(SEED_REFERENCE_ISO);
}

/** `days` (may be fractional) before the reference, optionally at a given UTC hour of that day. */
export function daysBeforeReference(days: number, hourUtc?: number): Date {
  const instant = Date.parse(SEED_REFERENCE_ISO) - days * DAY_MS;
  if (hourUtc === undefined) return new Date(instant);
  const day = Math.floor(instant / DAY_MS) * DAY_MS;
  return new Date(day + hourUtc * 3_600_000);
}

/** Whole and fractional days from `date` to `reference` (positive when `date` is earlier). */
export function daysBetween(date: Date, reference: Date): number {
  return (reference.getTime() - date.getTime()) / DAY_MS;
}

export { DAY_MS };
