// The placeholder tie-strength used by the seeds until the real model (lib/strength) arrives. It is
// deliberately simple, but shaped like the real one: bounded in [0, 1], monotone in evidence, explainable.
//
//   weight(interaction) = channelWeight × (one_way ? 0.5 : 1) × 1 / (participants − 1)
//       richer channels count more (a 1:1 meeting > call > email > chat message), one-way contact counts
//       half (a mail nobody answered is weak evidence), and group size dilutes each pair's share.
//   frequency = 1 − exp(−Σ weight / 3)                      saturates: ~10 weighted interactions ≈ 0.96
//   recency   = 0.5 ^ (daysSinceLast / 180)                 180-day half-life
//   strength  = frequency × (0.3 + 0.7 × recency)           a 30% floor: a long, dormant relationship
//                                                           can still carry an introduction
//
// Values are rounded to 4 decimals so output is byte-identical across JavaScript engines.
import type { InteractionChannel, InteractionDirection } from "../../prisma/generated/enums";

export const SEED_STRENGTH_VERSION = "seed-v1";
export const RECENCY_HALF_LIFE_DAYS = 180;
const FREQUENCY_SCALE = 3;
const DORMANT_FLOOR = 0.3;

const CHANNEL_WEIGHT: Record<InteractionChannel, number> = {
  meeting: 1.5,
  call: 1.2,
  email: 1,
  message: 0.6,
  linkedin: 0.3,
  other: 0.5,
};

export function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

/** One interaction's contribution to each pair of its participants. */
export function interactionWeight(channel: InteractionChannel, direction: InteractionDirection | null, participantCount: number): number {
  const groupShare = 1 / Math.max(1, participantCount - 1);
  return CHANNEL_WEIGHT[channel] * (direction === "one_way" ? 0.5 : 1) * groupShare;
}

export interface SeedStrengthEvidence {
  weightedInteractions: number;
  interactionCount: number;
  daysSinceLast: number;
  channels: readonly string[];
}

export interface SeedStrengthFactors {
  version: string;
  frequency: number;
  recency: number;
  evidence: { interactionCount: number; weightedInteractions: number; daysSinceLast: number; halfLifeDays: number };
  explanation: string;
  [key: string]: unknown;
}

export interface SeedStrength {
  strength: number;
  factors: SeedStrengthFactors;
}

export function seedStrength(evidence: SeedStrengthEvidence): SeedStrength {
  const days = Math.max(0, evidence.daysSinceLast);
  const frequency = round4(1 - Math.exp(-evidence.weightedInteractions / FREQUENCY_SCALE));
  const recency = round4(0.5 ** (days / RECENCY_HALF_LIFE_DAYS));
  const strength = round4(Math.min(1, Math.max(0, frequency * (DORMANT_FLOOR + (1 - DORMANT_FLOOR) * recency))));
  const count = evidence.interactionCount;
  const plural = count === 1 ? "interaction" : "interactions";
  const wholeDays = Math.round(days);
  const dayWord = wholeDays === 1 ? "day" : "days";
  return {
    strength,
    factors: {
      version: SEED_STRENGTH_VERSION,
      frequency,
      recency,
      evidence: {
        interactionCount: count,
        weightedInteractions: round4(evidence.weightedInteractions),
        daysSinceLast: wholeDays,
        halfLifeDays: RECENCY_HALF_LIFE_DAYS,
      },
      explanation: `${count} ${plural} via ${evidence.channels.join(", ") || "no channel"}; last contact ${wholeDays} ${dayWord} before the reference date`,
    },
  };
}
