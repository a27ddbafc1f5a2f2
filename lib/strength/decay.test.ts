import { describe, expect, it } from "vitest";
import { addDecayedMass, decayFactor, decayedMass, decayedMassAt, rebaseDecay } from "./decay";

const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

describe("decayedMass", () => {
  it("halves an interaction's weight every half-life before the reference date", () => {
    const reference = day("2026-01-01");
    expect(decayedMass([{ at: day("2026-01-01") }], reference, 90).mass).toBe(1);
    expect(decayedMass([{ at: day("2025-10-03") }], reference, 90).mass).toBeCloseTo(0.5, 12);
    expect(decayedMass([{ at: day("2025-10-03"), weight: 4 }, { at: day("2025-07-05"), weight: 4 }], reference, 90).mass).toBeCloseTo(3, 12);
  });

  it("counts interactions after the reference date above their weight, so a past reference can absorb new activity", () => {
    expect(decayedMass([{ at: day("2026-03-31") }], day("2026-01-01"), 89).mass).toBeCloseTo(2, 12);
  });

  it("is empty for no interactions and rejects a non-positive half-life", () => {
    expect(decayedMass([], day("2026-01-01"), 90)).toEqual({ mass: 0, referenceDate: day("2026-01-01"), halfLifeDays: 90 });
    expect(() => decayFactor(day("2026-01-01"), day("2026-02-01"), 0)).toThrow(RangeError);
  });
});

describe("rebaseDecay", () => {
  const interactions = [
    { at: day("2024-03-10"), weight: 1 },
    { at: day("2025-06-01"), weight: 0.4 },
    { at: day("2026-02-14"), weight: 0.25 },
  ];

  it("equals computing the mass directly at the new date (decay is multiplicative)", () => {
    const stored = decayedMass(interactions, day("2020-01-01"), 90);
    const direct = decayedMass(interactions, day("2026-11-01"), 90).mass;
    expect(rebaseDecay(stored.mass, day("2020-01-01"), day("2026-11-01"), 90)).toBeCloseTo(direct, 12);
    expect(decayedMassAt(stored, day("2026-11-01"))).toBeCloseTo(direct, 12);
  });

  it("round-trips and is the identity at the same date", () => {
    const there = rebaseDecay(3.5, day("2026-01-01"), day("2027-06-01"), 45);
    expect(rebaseDecay(there, day("2027-06-01"), day("2026-01-01"), 45)).toBeCloseTo(3.5, 12);
    expect(rebaseDecay(3.5, day("2026-01-01"), day("2026-01-01"), 45)).toBe(3.5);
  });

  it("lets an incremental update add new interactions without touching the old ones", () => {
    const reference = day("2025-01-01");
    const old = decayedMass(interactions.slice(0, 2), reference, 90);
    const fresh = decayedMass(interactions.slice(2), day("2026-03-01"), 90);
    const merged = addDecayedMass(old, fresh);
    expect(merged.referenceDate).toEqual(reference);
    expect(merged.mass).toBeCloseTo(decayedMass(interactions, reference, 90).mass, 12);
    expect(() => addDecayedMass(old, { ...fresh, halfLifeDays: 30 })).toThrow(RangeError);
  });
});
