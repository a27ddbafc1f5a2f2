// Aggregates one pair's interactions into a PairSummary, in memory. The batch recompute does the same
// aggregation in SQL; this version serves tests, small incremental batches and the benchmarks' checks.
import type { InteractionChannel, InteractionDirection } from "../../prisma/generated/enums";
import { decayedMass } from "./decay";
import type { ChannelNumbers, PairSummary, StrengthOverride } from "./pair-summary";
import { CHANNEL_RICHNESS, DEFAULT_HALF_LIFE_DAYS, ONE_WAY_SHARE, THREAD_CHANNELS } from "./weights";

const DAY_MS = 86_400_000;

/** One interaction seen from the pair (a, b). */
export interface PairInteraction {
  timestamp: Date;
  channel: InteractionChannel;
  /** Everyone involved, a and b included (≥ 2). */
  groupSize: number;
  sourceName: string;
  /**
   * "a_to_b" / "b_to_a": one-way contact started by that side; "mutual": both took part (a two-way
   * thread, a meeting, a call); null: neither addressed the other (both cc'd on someone else's mail).
   */
  direction: "a_to_b" | "b_to_a" | "mutual" | null;
  /** Replies between a and b inside this interaction (thread replies), when the source knows them. */
  replies?: number;
}

/** The share of one interaction that goes to each pair in it: 1 for 1:1, 1/(n−1) in a group of n. */
export function groupShare(groupSize: number): number {
  return 1 / Math.max(1, groupSize - 1);
}

/**
 * An interaction's weight in the activity masses: channel richness × group share, halved for one-way
 * contact. The direction counts and active days use the group share alone.
 */
export function interactionMass(interaction: Pick<PairInteraction, "channel" | "groupSize" | "direction">): number {
  const oneWay = interaction.direction === "mutual" ? 1 : ONE_WAY_SHARE;
  return CHANNEL_RICHNESS[interaction.channel] * groupShare(interaction.groupSize) * oneWay;
}

/**
 * A stored Interaction seen from (a, b), or null when a or b is not a participant. Convention shared
 * with the importers and the demo seed: participants[0] started the interaction (sender, organizer,
 * caller), so a one-way interaction points from participants[0] to everyone else.
 */
export function toPairInteraction(
  interaction: { timestamp: Date; channel: InteractionChannel; direction: InteractionDirection | null; participants: readonly string[]; sourceName: string },
  a: string,
  b: string,
): PairInteraction | null {
  const { participants } = interaction;
  if (a === b || !participants.includes(a) || !participants.includes(b)) return null;
  let direction: PairInteraction["direction"] = "mutual";
  if (interaction.direction !== "two_way") {
    direction = participants[0] === a ? "a_to_b" : participants[0] === b ? "b_to_a" : null;
  }
  const groupSize = new Set(participants).size;
  return { timestamp: interaction.timestamp, channel: interaction.channel, groupSize, sourceName: interaction.sourceName, direction };
}

export interface SummarizePairOptions {
  interactions: readonly PairInteraction[];
  /** Fixed date the decayed mass is kept at (see decay.ts); any date works, a stable one avoids rewrites. */
  decayReferenceDate: Date;
  halfLifeDays?: number;
  mutualConnections?: number;
  sharedOrganization?: boolean;
  /** Sources that know the pair without interactions (a LinkedIn connection, an address book). */
  extraSources?: readonly string[];
  override?: StrengthOverride | null;
}

export function summarizePair(options: SummarizePairOptions): PairSummary {
  const countsByChannel: ChannelNumbers = {};
  const massByChannel: ChannelNumbers = {};
  // Day → the largest group share seen that day: a day with any 1:1 contact counts 1, a day spent only
  // in a 20-person meeting counts 1/19.
  const days = new Map<number, number>();
  const sources = new Set(options.extraSources ?? []);
  const directions = { aToB: 0, bToA: 0, mutual: 0 };
  let replies = 0;
  let first: number | null = null;
  let last: number | null = null;
  for (const interaction of options.interactions) {
    const time = interaction.timestamp.getTime();
    const share = groupShare(interaction.groupSize);
    countsByChannel[interaction.channel] = (countsByChannel[interaction.channel] ?? 0) + 1;
    massByChannel[interaction.channel] = (massByChannel[interaction.channel] ?? 0) + share * (interaction.direction === "mutual" ? 1 : ONE_WAY_SHARE);
    const day = Math.floor(time / DAY_MS);
    days.set(day, Math.max(days.get(day) ?? 0, share));
    sources.add(interaction.sourceName);
    if (interaction.direction === "a_to_b") directions.aToB += share;
    else if (interaction.direction === "b_to_a") directions.bToA += share;
    // A two-way written thread means someone answered: it counts as replies; two-way meetings and calls
    // (both took part by nature) count as mutual. The SQL recompute splits them the same way.
    else if (interaction.direction === "mutual" && THREAD_CHANNELS.includes(interaction.channel)) replies += share;
    else if (interaction.direction === "mutual") directions.mutual += share;
    replies += (interaction.replies ?? 0) * share;
    first = first === null ? time : Math.min(first, time);
    last = last === null ? time : Math.max(last, time);
  }
  const halfLifeDays = options.halfLifeDays ?? DEFAULT_HALF_LIFE_DAYS;
  const weighted = options.interactions.map((interaction) => ({ at: interaction.timestamp, weight: interactionMass(interaction) }));
  let activeDays = 0;
  for (const share of days.values()) activeDays += share;
  return {
    countsByChannel,
    massByChannel,
    activeDays,
    firstSeenAt: first === null ? null : new Date(first),
    lastSeenAt: last === null ? null : new Date(last),
    directions,
    replies,
    decayed: decayedMass(weighted, options.decayReferenceDate, halfLifeDays),
    sources: [...sources].sort(),
    mutualConnections: options.mutualConnections ?? 0,
    sharedOrganization: options.sharedOrganization ?? false,
    override: options.override ?? null,
  };
}
