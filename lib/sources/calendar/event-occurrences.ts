// The occurrences of an event up to `now`. A recurring event is expanded with ical.js (RRULE, RDATE, EXDATE,
// and RECURRENCE-ID exceptions that move or change one occurrence). Two limits keep a pathological rule
// (FREQ=MINUTELY since 2010) from running away: the most recent `cap` occurrences are kept (recent ones
// matter most for tie strength, so a daily stand-up since 2015 keeps its last 500, not its first), and
// expansion stops after `maxIterations` rule steps.
import ICAL from "ical.js";
import { toUtcDate } from "./event-time";

type Event = InstanceType<typeof ICAL.Event>;
type Time = InstanceType<typeof ICAL.Time>;

export interface Occurrence {
  /** The event holding this occurrence's details: the master, or the exception that overrides it. */
  item: Event;
  start: Date;
  end: Date;
  allDay: boolean;
  /** Original start of a recurring occurrence (its RECURRENCE-ID), null for a single event. */
  recurrenceId: Date | null;
}

export interface Expansion {
  occurrences: Occurrence[];
  /** Occurrences up to now before the cap was applied. */
  total: number;
  /** True when expansion stopped at maxIterations, so later occurrences are missing. */
  truncated: boolean;
}

export function occurrencesUpTo(event: Event, now: Date, cap: number, maxIterations: number): Expansion {
  if (!event.isRecurring()) {
    // An exception whose master is not in the file still names its occurrence with its RECURRENCE-ID.
    const recurrenceId = event.isRecurrenceException() ? toUtcDate(event.recurrenceId, tzidOf(event, "recurrence-id")) : null;
    const occurrence = single(event, event.startDate, event.endDate, recurrenceId);
    const past = occurrence.start.getTime() <= now.getTime();
    return { occurrences: past ? [occurrence] : [], total: past ? 1 : 0, truncated: false };
  }
  const tzid = tzidOf(event);
  const ring: Occurrence[] = [];
  let total = 0;
  let iterations = 0;
  const iterator = event.iterator();
  for (let next = iterator.next(); next; next = iterator.next()) {
    iterations += 1;
    if (iterations > maxIterations) return { occurrences: inOrder(ring, total, cap), total, truncated: true };
    const recurrenceId = toUtcDate(next, tzid);
    if (recurrenceId.getTime() > now.getTime()) break;
    const details = event.getOccurrenceDetails(next);
    const occurrence = single(details.item, details.startDate, details.endDate, recurrenceId);
    // An exception can move an occurrence into the future: it has not happened yet.
    if (occurrence.start.getTime() > now.getTime()) continue;
    // A ring buffer of the last `cap` occurrences.
    ring[total % cap] = occurrence;
    total += 1;
  }
  return { occurrences: inOrder(ring, total, cap), total, truncated: false };
}

/** The ring buffer's contents, oldest first. */
function inOrder(ring: Occurrence[], total: number, cap: number): Occurrence[] {
  if (total <= cap) return ring;
  const split = total % cap;
  return [...ring.slice(split), ...ring.slice(0, split)];
}

function single(item: Event, startTime: Time, endTime: Time | null, recurrenceId: Date | null): Occurrence {
  const tzid = tzidOf(item);
  const start = toUtcDate(startTime, tzid);
  const end = endTime ? toUtcDate(endTime, tzidOf(item, "dtend") ?? tzid) : start;
  return { item, start, end: end.getTime() >= start.getTime() ? end : start, allDay: startTime.isDate, recurrenceId };
}

function tzidOf(event: Event, property = "dtstart"): string | undefined {
  const value = event.component.getFirstProperty(property)?.getParameter("tzid");
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" ? first : undefined;
}
