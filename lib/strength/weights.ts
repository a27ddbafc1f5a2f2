// Every tunable number of the strength model lives here, so a reviewer can read the whole model's
// calibration on one screen and a change to it is one diff. score-edge.ts combines; factors.ts measures.
//
// The score is 1 − exp(−latent), where latent = Σ weight × normalized over the evidence factors (then
// adjusted by a member's override). Read `weight` as "how much latent evidence a factor at its maximum
// adds": a latent of 1 gives 0.63, 2 gives 0.86, 3 gives 0.95. Calibration anchors (unit-tested in
// score-edge.test.ts and listed in README.md): a LinkedIn connection alone stays below 0.2; a two-way
// email thread last week plus monthly 1:1 meetings over a year lands above 0.7 (≈0.94).
import type { InteractionChannel } from "../../prisma/generated/enums";

export const STRENGTH_VERSION = "strength-v1";

/** Recency half-life: activity counts half as much after this many days (Roth et al. use a decay too). */
export const DEFAULT_HALF_LIFE_DAYS = 90;

/**
 * How much one interaction on a channel says about a tie, before the group-size discount.
 * A 1:1 meeting is time set aside for each other; a call is synchronous but cheaper; an email is
 * asynchronous; a chat message is the lightest written contact; a LinkedIn connection or InMail says
 * almost nothing on its own (Connect The Dots: a connection is not a relationship).
 */
export const CHANNEL_RICHNESS: Readonly<Record<InteractionChannel, number>> = {
  meeting: 1,
  call: 0.7,
  email: 0.4,
  message: 0.25,
  linkedin: 0.1,
  other: 0.2,
};

/**
 * One-way contact (mail nobody answered, both cc'd on someone else's mail, a LinkedIn connection with no
 * known inviter) counts this share of its channel weight in the activity masses: it shows one side knows
 * of the other, not that both would recognise the tie.
 */
export const ONE_WAY_SHARE = 0.5;

/** Channels whose two-way interactions are written threads (someone replied), not synchronous contact. */
export const THREAD_CHANNELS: readonly InteractionChannel[] = ["email", "message"];

/** Canonical channel order, for stable evidence output. */
export const STRENGTH_CHANNELS: readonly InteractionChannel[] = ["meeting", "call", "email", "message", "linkedin", "other"];

/**
 * Each factor's normalized value saturates as 1 − exp(−raw / scale): `scale` is the raw amount that
 * reaches 63% of the maximum, and three times it reaches 95%. Saturation is the point: the 200th email
 * says little more than the 50th (Gilbert & Karahalios found diminishing returns on intensity).
 */
export const SATURATION = {
  /** Decayed, channel-weighted activity: 2.5 ≈ a 1:1 meeting a month kept up for a year, or weekly mail. */
  recencyMass: 3,
  /** Distinct (group-weighted) active days: 15 days of contact reach 63%, 45 reach 95%. */
  activeDays: 15,
  /** Reciprocal interactions (min of both directions + two-way events + replies, group-weighted). */
  reciprocal: 5,
  /** Days from first to last contact: a one-year relationship reaches 63%. */
  durationDays: 365,
  /** Channel-weighted, group-discounted interaction mass (undecayed): ~6 ≈ six 1:1 meetings. */
  channelMass: 6,
  /** Mutual connections: ten shared contacts reach 63%. */
  mutualConnections: 10,
} as const;

/**
 * Corroboration: the first source is the baseline (0); each further independent source closes half the
 * remaining gap (2 sources → 0.5, 3 → 0.75). Two systems agreeing is stronger evidence than one.
 */
export const CORROBORATION_STEP = 0.5;

/**
 * Latent evidence a factor adds at normalized = 1. Their sum (4.4) caps the metadata-only score at
 * 1 − e^−4.4 ≈ 0.99. Recency and reciprocity carry the most: recent, two-sided contact is the best
 * single predictor of a tie someone would use (Gilbert & Karahalios; Nudge: one-way is not a relationship).
 * Structural factors (mutuals, shared organization) are context, not contact, so they weigh least.
 */
export const FACTOR_WEIGHTS = {
  recency: 1.4,
  frequency: 0.45,
  reciprocity: 0.75,
  duration: 0.3,
  channel_richness: 0.5,
  corroboration: 0.3,
  mutual_connections: 0.4,
  shared_organization: 0.3,
} as const;

export type EvidenceFactorKey = keyof typeof FACTOR_WEIGHTS;

/**
 * A member's own word about a relationship outranks metadata, but is still shown as a factor:
 * - "knows_well" adds this much latent evidence, so the score is at least 1 − e^−1.5 ≈ 0.78;
 * - "barely_knows" keeps only this share of the metadata evidence (the usual reason someone says it is
 *   that shared threads and group meetings overstate the tie), so the score drops but stays ordered by
 *   the evidence, and never rises.
 */
export const OVERRIDE = {
  knowsWellBoost: 1.5,
  barelyKnowsKeep: 0.25,
} as const;
