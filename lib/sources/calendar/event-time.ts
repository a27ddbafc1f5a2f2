// ical.js times → JavaScript Dates in UTC. Three cases need care:
// - all-day dates (VALUE=DATE) become UTC midnight of that calendar day, not the server's local midnight;
// - times in a zone defined by the file's VTIMEZONE are converted by ical.js;
// - a TZID with no VTIMEZONE in the file (non-compliant, but common) leaves ical.js with a "floating" time;
//   when the TZID is an IANA name the wall time is converted with Intl, otherwise it is read as UTC.
import ICAL from "ical.js";

type Time = InstanceType<typeof ICAL.Time>;

export function toUtcDate(time: Time, tzid: string | undefined): Date {
  if (time.isDate) return new Date(Date.UTC(time.year, time.month - 1, time.day));
  if (time.zone?.tzid === "floating" && tzid) {
    const converted = wallTimeToUtc(time, tzid);
    if (converted) return converted;
  }
  // toUnixTime applies the zone's offset; a floating time without a known zone is read as UTC.
  return new Date(time.toUnixTime() * 1000);
}

const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(tzid: string): Intl.DateTimeFormat | null {
  if (!formatters.has(tzid)) {
    try {
      const format = new Intl.DateTimeFormat("en-US", {
        timeZone: tzid,
        hourCycle: "h23",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
        second: "numeric",
      });
      formatters.set(tzid, format);
    } catch {
      formatters.set(tzid, null); // Not an IANA zone (e.g. a Windows name without its VTIMEZONE).
    }
  }
  return formatters.get(tzid) ?? null;
}

/** Offset of `tzid` at the instant `utcMillis`, in milliseconds. */
function offsetAt(format: Intl.DateTimeFormat, utcMillis: number): number {
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(new Date(utcMillis))) parts[part.type] = Number(part.value);
  const wall = Date.UTC(parts.year ?? 0, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
  return wall - Math.floor(utcMillis / 1000) * 1000;
}

function wallTimeToUtc(time: Time, tzid: string): Date | null {
  const format = formatterFor(tzid);
  if (!format) return null;
  const wall = Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second);
  // Two rounds settle the offset around DST changes.
  let utc = wall - offsetAt(format, wall);
  utc = wall - offsetAt(format, utc);
  return new Date(utc);
}
