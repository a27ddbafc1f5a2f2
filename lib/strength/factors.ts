// Measures each evidence factor of a pair: the raw quantity, its normalized value in [0, 1] and the
// evidence behind it. Every normalized value is non-decreasing in every PairSummary input it reads (the
// property tests in score-edge.monotonic.test.ts rely on it). Weights are applied in score-edge.ts.
import { decayedMassAt } from "./decay";
import type { PairSummary } from "./pair-summary";
import { CHANNEL_RICHNESS, CORROBORATION_STEP, SATURATION, STRENGTH_CHANNELS, type EvidenceFactorKey } from "./weights";

const DAY_MS = 86_400_000;

/** The raw quantity behind each evidence factor, before normalization. */
export interface FactorRaw {
  recency: number;
  frequency: number;
  reciprocity: number;
  duration: number;
  channel_richness: number;
  corroboration: number;
  mutual_connections: number;
  shared_organization: boolean;
}

export interface MeasuredFactor {
  key: EvidenceFactorKey;
  raw: number | boolean;
  normalized: number;
  /** Named counts behind the factor (interactions per channel, active days, replies, ...). */
  counts: Record<string, number>;
}

/**
 * What the explanation lists once for the pair rather than per factor: its first and last interaction
 * (ISO 8601) and its sources. Which factors cite them is fixed by the factor (stored-factors.ts).
 */
export interface PairEvidence {
  firstSeenAt: string | null;
  lastSeenAt: string | null;
  sources: string[];
}

/** Negative, NaN or missing inputs count as no evidence rather than poisoning the score. */
function amount(value: number | undefined): number {
  return value !== undefined && value > 0 ? value : 0;
}

/** Stored JSON stays short and byte-stable: 4 decimals (scores are computed from unrounded values). */
export function round(value: number, places = 4): number {
  const factor = 10 ** places;
  return Math.round(value * factor) / factor;
}

/** 1 − exp(−raw / scale): 0 at 0, 63% at `scale`, 95% at 3 × `scale`. */
export function saturate(raw: number, scale: number): number {
  return 1 - Math.exp(-amount(raw) / scale);
}

/** Channel-weighted, group-discounted interaction mass (undecayed). */
export function channelMass(summary: PairSummary): number {
  let mass = 0;
  for (const channel of STRENGTH_CHANNELS) mass += CHANNEL_RICHNESS[channel] * amount(summary.massByChannel[channel]);
  return mass;
}

function distinctCount(values: readonly string[]): number {
  let count = 0;
  for (let index = 0; index < values.length; index += 1) if (values.indexOf(values[index] as string) === index) count += 1;
  return count;
}

/** The raw quantities: cheap (no allocation beyond the result), shared by the score and the explanation. */
export function rawFactors(summary: PairSummary, asOf: Date): FactorRaw {
  const first = summary.firstSeenAt;
  const last = summary.lastSeenAt;
  const { aToB, bToA, mutual } = summary.directions;
  return {
    recency: amount(decayedMassAt(summary.decayed, asOf)),
    frequency: amount(summary.activeDays),
    // min(a→b, b→a): the part of one-way traffic the other side matched. Unlike a balance ratio it never
    // falls when one side writes more, which keeps the score monotone; pure one-way contact scores 0 here.
    reciprocity: Math.min(amount(aToB), amount(bToA)) + amount(mutual) + amount(summary.replies),
    duration: first !== null && last !== null ? amount((last.getTime() - first.getTime()) / DAY_MS) : 0,
    channel_richness: channelMass(summary),
    corroboration: distinctCount(summary.sources),
    mutual_connections: amount(summary.mutualConnections),
    shared_organization: summary.sharedOrganization,
  };
}

/** Each factor's normalized value in [0, 1]; non-decreasing in its raw quantity. */
export function normalizeFactors(raw: FactorRaw): Record<EvidenceFactorKey, number> {
  return {
    recency: saturate(raw.recency, SATURATION.recencyMass),
    frequency: saturate(raw.frequency, SATURATION.activeDays),
    reciprocity: saturate(raw.reciprocity, SATURATION.reciprocal),
    duration: saturate(raw.duration, SATURATION.durationDays),
    channel_richness: saturate(raw.channel_richness, SATURATION.channelMass),
    corroboration: raw.corroboration <= 1 ? 0 : 1 - CORROBORATION_STEP ** (raw.corroboration - 1),
    mutual_connections: saturate(raw.mutual_connections, SATURATION.mutualConnections),
    shared_organization: raw.shared_organization ? 1 : 0,
  };
}

/** The order factors are listed in strengthFactors. */
export const FACTOR_ORDER: readonly EvidenceFactorKey[] = [
  "recency", "frequency", "reciprocity", "duration", "channel_richness", "corroboration", "mutual_connections", "shared_organization",
];

export const FACTOR_LABELS: Record<EvidenceFactorKey, string> = {
  recency: "Recent contact",
  frequency: "Days in contact",
  reciprocity: "Two-way contact",
  duration: "Known for",
  channel_richness: "Channel richness",
  corroboration: "Seen in several sources",
  mutual_connections: "Mutual connections",
  shared_organization: "Same organization",
};

/** The override factor's label, by what the member said. */
export const OVERRIDE_LABELS = { knows_well: "You said: I know them well", barely_knows: "You said: I barely know them" } as const;

/** Raw, normalized and counts for every factor, in a fixed order, and the pair's dates and sources. */
export function measureFactors(summary: PairSummary, asOf: Date): { factors: MeasuredFactor[]; evidence: PairEvidence } {
  const raw = rawFactors(summary, asOf);
  const normalized = normalizeFactors(raw);
  const perChannel: Record<string, number> = {};
  let interactions = 0;
  for (const channel of STRENGTH_CHANNELS) {
    const count = amount(summary.countsByChannel[channel]);
    interactions += count;
    if (count > 0) perChannel[channel] = round(count);
    const mass = amount(summary.massByChannel[channel]);
    if (mass > 0) perChannel[`${channel}Weighted`] = round(mass);
  }
  const { aToB, bToA, mutual } = summary.directions;
  const counts: Record<EvidenceFactorKey, Record<string, number>> = {
    recency: { decayedMass: round(raw.recency), halfLifeDays: summary.decayed.halfLifeDays },
    frequency: { activeDays: round(raw.frequency), interactions: round(interactions) },
    reciprocity: { aToB: round(amount(aToB)), bToA: round(amount(bToA)), mutual: round(amount(mutual)), replies: round(amount(summary.replies)) },
    duration: { days: round(raw.duration) },
    channel_richness: perChannel,
    corroboration: { sources: raw.corroboration },
    mutual_connections: { mutualConnections: round(raw.mutual_connections) },
    shared_organization: {},
  };
  return {
    factors: FACTOR_ORDER.map((key) => ({ key, raw: raw[key], normalized: normalized[key], counts: counts[key] })),
    evidence: {
      firstSeenAt: summary.firstSeenAt?.toISOString() ?? null,
      lastSeenAt: summary.lastSeenAt?.toISOString() ?? null,
      sources: [...new Set(summary.sources)].sort(),
    },
  };
}
