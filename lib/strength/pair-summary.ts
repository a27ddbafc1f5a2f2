// The input of the strength model: one pair's interactions, already aggregated to plain numbers.
// Produced by summarizePair (summarize-pair.ts) for tests and small batches, or by set-based SQL in the
// batch recompute; the model never sees individual interactions, so both paths score identically.
import type { InteractionChannel } from "../../prisma/generated/enums";
import type { DecayedMass } from "./decay";

export type StrengthOverride = "knows_well" | "barely_knows";

/** Per-channel numbers; a missing channel means 0. */
export type ChannelNumbers = Partial<Record<InteractionChannel, number>>;

/** Interactions of a pair (a, b) by who started them, each weighted by its group share (1 for 1:1). */
export interface DirectionCounts {
  /** One-way contact from a to b (a mail a sent that b did not answer in the thread). */
  aToB: number;
  /** One-way contact from b to a. */
  bToA: number;
  /** Interactions both took part in by nature: meetings, calls, threads both wrote in. */
  mutual: number;
}

export interface PairSummary {
  /** Raw interaction counts per channel: evidence only, the score uses `massByChannel`. */
  countsByChannel: ChannelNumbers;
  /**
   * Σ groupShare × (one-way ? ONE_WAY_SHARE : 1) per channel, where groupShare = 1 / (groupSize − 1):
   * a 1:1 meeting counts 1, a 5-person meeting 0.25 for each pair in it, an unanswered mail 0.5.
   */
  massByChannel: ChannelNumbers;
  /**
   * Distinct UTC days with contact (so a 40-mail day is one day), each weighted by that day's largest
   * group share: a day with any 1:1 contact counts 1, a day with only a 20-person meeting 1/19.
   */
  activeDays: number;
  firstSeenAt: Date | null;
  lastSeenAt: Date | null;
  directions: DirectionCounts;
  /** Messages that answered the other person (In-Reply-To / thread replies), group-weighted. */
  replies: number;
  /** Channel-weighted activity decayed to a fixed reference date (see decay.ts). */
  decayed: DecayedMass;
  /** Distinct source names that saw the pair ("gmail", "calendar", "linkedin", ...). */
  sources: readonly string[];
  /** People both members of the pair have an edge with. */
  mutualConnections: number;
  sharedOrganization: boolean;
  /** A member's own statement about this relationship, stored apart from the computed evidence. */
  override?: StrengthOverride | null;
}
