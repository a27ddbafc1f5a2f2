// Step 3: interactions drawn from ties. A tie is chosen in proportion to its weight times the length of its
// window (long, close relationships produce most of the traffic), then a channel, a moment inside the
// window (working hours, mostly weekdays) and, for group meetings or cc'd mail, extra participants from
// the two people's own neighborhoods, so groups stay inside plausible circles.
import type { InteractionChannel, InteractionDirection } from "../../../prisma/generated/enums";
import { stableTag, stableUuid } from "../seed-ids";
import type { PersonProfile } from "./generate-people";
import type { GeneratedTies } from "./generate-ties";
import { WeightedSampler, type Rng } from "./prng";
import type { DemoInteraction } from "./types";

const DAY_MS = 86_400_000;

/** Where each channel's records come from: the source system an import would read them from. */
export const SOURCE_BY_CHANNEL = { email: "gmail", meeting: "calendar", call: "phone", message: "slack" } as const;
type DemoChannel = keyof typeof SOURCE_BY_CHANNEL;
const CHANNELS: readonly DemoChannel[] = ["email", "meeting", "call", "message"];
// Colleagues chat and meet; outside contacts mostly email and call.
const INTERNAL_MIX = [35, 25, 8, 32];
const EXTERNAL_MIX = [55, 20, 15, 10];
// Group meetings of 3..8 people, smaller ones more common.
const GROUP_SIZE_WEIGHTS = [30, 25, 18, 12, 8, 7];

interface Draft {
  order: number;
  time: number;
  people: number[];
  channel: DemoChannel;
  direction: InteractionDirection;
  metadata: Record<string, string | number>;
}

export interface InteractionInput {
  profiles: readonly PersonProfile[];
  ties: GeneratedTies;
  count: number;
  /** Milliseconds of the window's first day (UTC midnight). */
  windowStart: number;
  days: number;
}

function extraCount(rng: Rng, channel: DemoChannel): number {
  const roll = rng.next();
  switch (channel) {
    case "email": return roll < 0.78 ? 0 : roll < 0.92 ? 1 : rng.int(2, 3);
    case "meeting": return roll < 0.4 ? 0 : 1 + rng.weightedIndex(GROUP_SIZE_WEIGHTS);
    case "message": return roll < 0.85 ? 0 : rng.int(1, 3);
    case "call": return roll < 0.97 ? 0 : 1;
  }
}

function directionFor(rng: Rng, channel: DemoChannel): InteractionDirection {
  const twoWay = { email: 0.55, meeting: 1, call: 0.92, message: 0.8 }[channel];
  return rng.chance(twoWay) ? "two_way" : "one_way";
}

function metadataFor(rng: Rng, channel: DemoChannel, direction: InteractionDirection, size: number): Record<string, string | number> {
  switch (channel) {
    case "email": return { messageCount: direction === "two_way" ? rng.int(2, 9) : 1 };
    case "meeting": return { durationMinutes: rng.pick([15, 25, 30, 30, 45, 60, 60, 90]) };
    case "call": return { durationSeconds: direction === "two_way" ? rng.int(60, 2_700) : 0 };
    case "message": return { conversation: size > 2 ? "group" : "dm", messageCount: rng.int(1, 40) };
  }
}

/** Day offset and time of day in UTC: working hours in the Americas, weekends mostly moved to a weekday. */
function momentIn(rng: Rng, windowStart: number, startDay: number, endDay: number, channel: DemoChannel): number {
  let day = rng.int(startDay, endDay);
  const weekday = new Date(windowStart + day * DAY_MS).getUTCDay();
  if (weekday === 6 && rng.chance(0.85) && day > startDay) day -= 1;
  else if (weekday === 0 && rng.chance(0.85) && day < endDay) day += 1;
  const hour = 13 + Math.floor(rng.next() * 10);
  const minute = channel === "meeting" ? rng.pick([0, 0, 30]) : rng.int(0, 59);
  const second = channel === "meeting" ? 0 : rng.int(0, 59);
  return windowStart + day * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000;
}

function sourceIdFor(channel: DemoChannel, sequence: number, time: number): string {
  const seq = String(sequence).padStart(6, "0");
  const tag = stableTag(`demo/interaction/${sequence}`);
  switch (channel) {
    case "email": return `<demo.${seq}.${tag}@mail.gmail.com>`;
    case "meeting": return `demo${seq}${tag}@google.com`;
    case "call": return `demo-call-${seq}-${tag}`;
    case "message": return `demo-C${tag.toUpperCase()}/${Math.floor(time / 1000)}.${seq}`;
  }
}

export function generateInteractions(rng: Rng, input: InteractionInput): DemoInteraction[] {
  const { ties, neighbors } = input.ties;
  const sampler = new WeightedSampler(ties.map((tie) => tie.weight * (tie.endDay - tie.startDay + 1)));
  const emailOf = (index: number): string => {
    const person = input.profiles[index];
    if (!person) throw new Error(`no person ${index}`);
    // People with two addresses sometimes use the personal one, as real mailboxes show.
    if (person.workEmail && person.personalEmail && rng.chance(0.12)) return person.personalEmail;
    const email = person.workEmail ?? person.personalEmail;
    if (!email) throw new Error(`person ${index} has no email`);
    return email;
  };

  const drafts: Draft[] = [];
  for (let order = 0; order < input.count; order += 1) {
    const tie = ties[sampler.draw(rng)];
    if (!tie) throw new Error("tie sampler returned no tie");
    const [first, second] = rng.chance(0.5) ? [tie.a, tie.b] : [tie.b, tie.a];
    const channel = CHANNELS[rng.weightedIndex(tie.internal ? INTERNAL_MIX : EXTERNAL_MIX)] ?? "email";
    const people = [first, second];
    const wanted = extraCount(rng, channel);
    for (let attempt = 0; attempt < wanted * 4 && people.length < wanted + 2; attempt += 1) {
      const pool = neighbors[rng.chance(0.6) ? first : second] ?? [];
      if (pool.length === 0) continue;
      const candidate = rng.pick(pool);
      if (!people.includes(candidate)) people.push(candidate);
    }
    const direction = channel === "meeting" && people.length > 2 ? "two_way" : directionFor(rng, channel);
    drafts.push({
      order, people, channel, direction,
      time: momentIn(rng, input.windowStart, tie.startDay, tie.endDay, channel),
      metadata: metadataFor(rng, channel, direction, people.length),
    });
  }

  // Chronological order, ties broken by draw order, so source ids count up with time like real ones.
  drafts.sort((x, y) => x.time - y.time || x.order - y.order);
  return drafts.map((draft, position) => {
    const sourceName = SOURCE_BY_CHANNEL[draft.channel];
    const sourceId = sourceIdFor(draft.channel, position + 1, draft.time);
    const channel: InteractionChannel = draft.channel;
    return {
      id: stableUuid(`demo/interaction/${sourceName}/${sourceId}`), sourceId, sourceName, timestamp: new Date(draft.time),
      participants: draft.people.map(emailOf), channel, direction: draft.direction, metadata: draft.metadata,
    };
  });
}
