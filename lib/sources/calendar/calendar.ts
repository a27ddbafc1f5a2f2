// iCalendar (.ics) → meeting InteractionObservations, one per occurrence up to `now`. The stream is split into
// blocks (ics-blocks.ts). VTIMEZONEs come first in real files; they are attached to a per-file VCALENDAR
// component that every event gets as its parent, so ical.js resolves TZIDs from this file only. (Its global
// TimezoneService would let one import's definitions leak into another running in the same process.)
// Exceptions (VEVENTs with RECURRENCE-ID) are related to their master when they are next to it with the
// same UID, as Google, Apple and Outlook usually write them. A recurring series, and exceptions whose series
// has not appeared yet, are also held until the end of the file (at most MAX_HELD_SERIES at a time, oldest
// flushed first), so an exception written further on, or before its series, still replaces its occurrence
// instead of counting as a second meeting; single events go out at once.
import ICAL from "ical.js";
import { detectFormat, rejectOtherFormat } from "../detect-format";
import { openText } from "../io/byte-stream";
import { readLines } from "../io/lines";
import { ProgressTracker } from "../io/progress";
import { tracked } from "../io/tracked";
import { normalizeEmail } from "../normalize-email";
import type { ByteInput, ParseOptions, TParseIssue, TSourceItem } from "../types";
import { splitIcsBlocks, type IcsBlock } from "./ics-blocks";
import { occurrenceInteraction } from "./occurrence-interaction";
import { occurrencesUpTo } from "./event-occurrences";

type Component = InstanceType<typeof ICAL.Component>;

export interface CalendarOptions extends ParseOptions {
  /** Occurrences after this instant are not interactions yet. Default: the current time. */
  now?: Date;
  /** Most recent occurrences kept per recurring event. Default 500. */
  maxOccurrencesPerEvent?: number;
  /** Rule steps before expansion gives up on one event. Default 100,000. */
  maxIterationsPerEvent?: number;
  /** The calendar owner's addresses: meetings they declined are skipped, and ownerDirection is set. */
  ownerEmails?: readonly string[];
  /** Keep SUMMARY in metadata.subject. Off by default: titles are content. */
  includeSubjects?: boolean;
}

interface Group {
  uid: string;
  master: { component: Component; block: IcsBlock } | null;
  exceptions: Array<{ component: Component; block: IcsBlock }>;
}

const MAX_EXCEPTIONS_PER_GROUP = 2000;
/** Series (and early exceptions) held for what comes later in the file: bounds memory on calendars with many series. */
const MAX_HELD_SERIES = 1000;

export function sniffCalendar(firstBytes: Uint8Array): boolean {
  return detectFormat(firstBytes) === "ics";
}

export async function* parseCalendar(input: ByteInput, options: CalendarOptions = {}): AsyncGenerator<TSourceItem> {
  const tracker = new ProgressTracker(options);
  yield* tracked(tracker, events(input, tracker, options));
}

async function* events(input: ByteInput, tracker: ProgressTracker, options: CalendarOptions): AsyncGenerator<TSourceItem> {
  const { head, chunks } = await openText(input, tracker);
  rejectOtherFormat("ics", head);
  const root = new ICAL.Component("vcalendar");
  const settings = {
    now: options.now ?? new Date(),
    cap: Math.max(1, options.maxOccurrencesPerEvent ?? 500),
    maxIterations: options.maxIterationsPerEvent ?? 100_000,
    owners: new Set((options.ownerEmails ?? []).map(normalizeEmail).filter(Boolean)),
    includeSubjects: options.includeSubjects === true,
  };
  let group: Group | null = null;
  // Recurring series by UID, in the order they were read (a Map keeps insertion order).
  const held = new Map<string, Group>();
  /**
   * The finished adjacent group: a recurring series, or exceptions still waiting for their series, is held;
   * anything else goes out now. A series takes the exceptions that were held for it.
   */
  function* release(done: Group): Generator<TSourceItem> {
    const waiting = done.uid !== "" ? held.get(done.uid) : undefined;
    if (waiting && waiting.master === null && done.master !== null) {
      held.delete(done.uid);
      done.exceptions = [...waiting.exceptions, ...done.exceptions].slice(0, MAX_EXCEPTIONS_PER_GROUP);
    }
    const recurring = done.master !== null && done.master.component.hasProperty("rrule");
    const orphans = done.master === null && done.exceptions.length > 0;
    if (done.uid === "" || held.has(done.uid) || !(recurring || orphans)) return yield* flush(done);
    held.set(done.uid, done);
    if (held.size > MAX_HELD_SERIES) {
      const [oldestUid, oldest] = held.entries().next().value as [string, Group];
      held.delete(oldestUid);
      yield* flush(oldest);
    }
  }

  for await (const block of splitIcsBlocks(readLines(chunks))) {
    if (block.kind === "issue") {
      yield block;
      continue;
    }
    let component: Component;
    try {
      component = new ICAL.Component(ICAL.parse(block.lines.join("\r\n")) as unknown[], root);
    } catch (error) {
      yield blockIssue(block, `could not be parsed (${(error as Error).message})`);
      continue;
    }
    if (block.component === "vtimezone") {
      root.addSubcomponent(component);
      continue;
    }
    const uid = String(component.getFirstPropertyValue("uid") ?? "");
    const isException = component.hasProperty("recurrence-id");
    const series = isException && uid !== "" ? held.get(uid) : undefined;
    if (series && series.exceptions.length < MAX_EXCEPTIONS_PER_GROUP) {
      series.exceptions.push({ component, block });
      continue;
    }
    const joins = group !== null && uid !== "" && group.uid === uid && (isException ? group.exceptions.length < MAX_EXCEPTIONS_PER_GROUP : group.master === null);
    if (!joins) {
      if (group) yield* release(group);
      group = { uid, master: null, exceptions: [] };
    }
    const current = group as Group;
    if (isException) current.exceptions.push({ component, block });
    else current.master = { component, block };
  }
  if (group) yield* release(group);
  for (const series of held.values()) yield* flush(series);

  function* flush(done: Group): Generator<TSourceItem> {
    if (done.master) {
      yield* expand(done.master.component, done.master.block, done.exceptions.map((e) => e.component));
    } else {
      // Exceptions whose master is elsewhere in the file (or missing): each is its own occurrence.
      for (const exception of done.exceptions) yield* expand(exception.component, exception.block, []);
    }
  }

  function* expand(component: Component, block: IcsBlock, exceptions: Component[]): Generator<TSourceItem> {
    let event: InstanceType<typeof ICAL.Event>;
    let expansion: ReturnType<typeof occurrencesUpTo>;
    try {
      event = new ICAL.Event(component, { exceptions });
      if (String(component.getFirstPropertyValue("status") ?? "").toUpperCase() === "CANCELLED") {
        tracker.filter("cancelled");
        return;
      }
      expansion = occurrencesUpTo(event, settings.now, settings.cap, settings.maxIterations);
    } catch (error) {
      yield blockIssue(block, `has dates or a recurrence rule that could not be read (${(error as Error).message})`);
      return;
    }
    if (expansion.truncated || expansion.total > settings.cap) {
      yield {
        ...blockIssue(block, `recurs ${expansion.truncated ? "too often to expand fully" : `${expansion.total} times up to now`}; the most recent ${expansion.occurrences.length} occurrences were kept`),
        severity: "warn",
        code: "occurrences_capped",
      };
    }
    if (expansion.total === 0) tracker.filter("future");
    for (const occurrence of expansion.occurrences) {
      const result = occurrenceInteraction(event, occurrence, { block, ...settings });
      if (typeof result === "string") tracker.filter(result);
      else yield result;
    }
  }
}

function blockIssue(block: IcsBlock, what: string): TParseIssue {
  return {
    kind: "issue",
    severity: "skip",
    code: "invalid_event",
    reason: `The ${block.component.toUpperCase()} at line ${block.line} ${what}.`,
    position: { row: block.index, line: block.line },
  };
}
