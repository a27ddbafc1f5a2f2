// Exponential decay kept as "mass at a fixed reference date" (architecture: Recomputing strength at scale).
// Decay multiplies every pair's mass by the same factor as time passes, so a stored mass never needs
// rewriting just because time moved: rebase it to "now" when reading. Only pairs with new interactions
// are written, and an incremental update adds the new interactions' mass at the same reference date.
const DAY_MS = 86_400_000;

export interface DecayedMass {
  /** Σ weight × 2^−(referenceDate − t) / halfLife over interactions at t (t may be after the reference). */
  mass: number;
  referenceDate: Date;
  halfLifeDays: number;
}

export interface WeightedInstant {
  at: Date;
  /** The interaction's weight before decay (channel richness × group share); 1 when omitted. */
  weight?: number;
}

/** 2^−(toDate − fromDate)/halfLife: how much mass at `fromDate` is worth at `toDate`. */
export function decayFactor(fromDate: Date, toDate: Date, halfLifeDays: number): number {
  if (!(halfLifeDays > 0)) throw new RangeError(`halfLifeDays must be positive, got ${halfLifeDays}`);
  const days = (toDate.getTime() - fromDate.getTime()) / DAY_MS;
  return 2 ** (-days / halfLifeDays);
}

/**
 * The decayed mass of `interactions` at `referenceDate`. Interactions after the reference count more
 * than their weight (negative age): that is what lets a fixed, past reference date absorb new activity.
 * Exponents stay far from overflow for any realistic span (2^±1023 ≈ 250 years at a 90-day half-life).
 */
export function decayedMass(interactions: Iterable<WeightedInstant>, referenceDate: Date, halfLifeDays: number): DecayedMass {
  let mass = 0;
  for (const interaction of interactions) {
    mass += (interaction.weight ?? 1) * decayFactor(interaction.at, referenceDate, halfLifeDays);
  }
  return { mass, referenceDate, halfLifeDays };
}

/** The same mass seen from another date: exact, because decay is multiplicative. */
export function rebaseDecay(mass: number, fromDate: Date, toDate: Date, halfLifeDays: number): number {
  return mass * decayFactor(fromDate, toDate, halfLifeDays);
}

/** A stored mass read at `date` (typically "now"): what the recency factor uses. */
export function decayedMassAt(stored: DecayedMass, date: Date): number {
  return rebaseDecay(stored.mass, stored.referenceDate, date, stored.halfLifeDays);
}

/** Adds two stored masses (an incremental update), expressed at `a`'s reference date. */
export function addDecayedMass(a: DecayedMass, b: DecayedMass): DecayedMass {
  if (a.halfLifeDays !== b.halfLifeDays) throw new RangeError("cannot add masses decayed with different half-lives");
  return { mass: a.mass + decayedMassAt(b, a.referenceDate), referenceDate: a.referenceDate, halfLifeDays: a.halfLifeDays };
}
