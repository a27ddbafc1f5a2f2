// One pair's interactions as the recompute's SQL aggregates them (recompute-sql.ts), and the step from that
// row to the PairSummary the pure model scores. Both recompute paths (incremental and full) produce this
// same row, so a pair scores identically whichever path computed it.
import type { InteractionChannel } from "../../prisma/generated/enums";
import type { ChannelNumbers, PairSummary, StrengthOverride } from "./pair-summary";
import { DEFAULT_HALF_LIFE_DAYS, STRENGTH_CHANNELS } from "./weights";

/** Fixed date decayed masses are kept at (decay.ts): every date works, a stable one avoids rewrites. */
export const DECAY_REFERENCE_DATE = new Date("2026-01-01T00:00:00Z");

export interface PairAggregate {
  /** Interactions per channel (raw counts). */
  counts: Record<InteractionChannel, number>;
  /** Σ groupShare × (two-way ? 1 : ONE_WAY_SHARE) per channel. */
  mass: Record<InteractionChannel, number>;
  activeDays: number;
  /** Null only for an override-only pair (no interactions). */
  firstSeenAt: Date | null;
  lastSeenAt: Date | null;
  aToB: number;
  bToA: number;
  /** Two-way meetings, calls and other synchronous contact (group-weighted). */
  mutual: number;
  /** Two-way written threads: someone answered (group-weighted). */
  replies: number;
  /** Channel-weighted mass decayed to DECAY_REFERENCE_DATE. */
  decayedMass: number;
  sources: readonly string[];
}

export interface PairContext {
  mutualConnections: number;
  sharedOrganization: boolean;
  override: StrengthOverride | null;
}

function channelNumbers(values: Record<InteractionChannel, number>): ChannelNumbers {
  const out: ChannelNumbers = {};
  for (const channel of STRENGTH_CHANNELS) if (values[channel] > 0) out[channel] = values[channel];
  return out;
}

export function summaryFromAggregate(aggregate: PairAggregate, context: PairContext): PairSummary {
  return {
    countsByChannel: channelNumbers(aggregate.counts),
    massByChannel: channelNumbers(aggregate.mass),
    activeDays: aggregate.activeDays,
    firstSeenAt: aggregate.firstSeenAt,
    lastSeenAt: aggregate.lastSeenAt,
    directions: { aToB: aggregate.aToB, bToA: aggregate.bToA, mutual: aggregate.mutual },
    replies: aggregate.replies,
    decayed: { mass: aggregate.decayedMass, referenceDate: DECAY_REFERENCE_DATE, halfLifeDays: DEFAULT_HALF_LIFE_DAYS },
    sources: [...aggregate.sources].sort(),
    mutualConnections: context.mutualConnections,
    sharedOrganization: context.sharedOrganization,
    override: context.override,
  };
}
