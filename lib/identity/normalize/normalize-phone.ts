// Phone numbers to E.164 with libphonenumber-js. The "max" metadata is used because it validates number
// ranges per country (the default "min" metadata checks length only and accepts e.g. +1 800 123-4567).
// A number written without a country code is read in `defaultRegion`; anything that does not parse to a
// valid number becomes null rather than a guess, because a wrong phone would be a false strong identifier.
import type { CountryCode } from "libphonenumber-js/max";
import { parsePhoneNumberFromString } from "libphonenumber-js/max";

export interface PhoneOptions {
  /** ISO 3166-1 alpha-2 region for numbers without a country code. Default "US". */
  defaultRegion?: CountryCode;
}

export const DEFAULT_PHONE_REGION: CountryCode = "US";

export function normalizePhone(raw: string, options: PhoneOptions = {}): string | null {
  const value = raw.trim().replace(/^tel:/i, "");
  // Fewer than 7 digits is an extension or a typo, never a reachable number.
  if ((value.match(/\d/g)?.length ?? 0) < 7) return null;
  const parsed = parsePhoneNumberFromString(value, { defaultCountry: options.defaultRegion ?? DEFAULT_PHONE_REGION });
  return parsed?.isValid() ? parsed.number : null;
}
