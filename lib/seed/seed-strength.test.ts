import { describe, expect, it } from "vitest";
import { interactionWeight, seedStrength } from "./seed-strength";

const strength = (weightedInteractions: number, daysSinceLast: number): number =>
  seedStrength({ weightedInteractions, interactionCount: Math.ceil(weightedInteractions), daysSinceLast, channels: ["email"] }).strength;

describe("seedStrength", () => {
  it("stays in [0, 1]", () => {
    for (const weighted of [0, 0.1, 1, 10, 1_000]) {
      for (const days of [0, 30, 365, 5_000]) {
        expect(strength(weighted, days)).toBeGreaterThanOrEqual(0);
        expect(strength(weighted, days)).toBeLessThanOrEqual(1);
      }
    }
  });

  it("grows with more interactions and with more recent contact", () => {
    expect(strength(5, 10)).toBeGreaterThan(strength(1, 10));
    expect(strength(5, 10)).toBeGreaterThan(strength(5, 400));
  });

  it("halves the recency factor every 180 days and keeps a dormant floor", () => {
    const factors = seedStrength({ weightedInteractions: 3, interactionCount: 3, daysSinceLast: 180, channels: ["email"] }).factors;
    expect(factors.recency).toBe(0.5);
    expect(strength(100, 100_000)).toBeCloseTo(0.3, 3);
  });

  it("explains itself", () => {
    const { factors } = seedStrength({ weightedInteractions: 2.5, interactionCount: 3, daysSinceLast: 12.4, channels: ["email", "meeting"] });
    expect(factors.version).toBe("seed-v1");
    expect(factors.evidence).toMatchObject({ interactionCount: 3, daysSinceLast: 12, halfLifeDays: 180 });
    expect(factors.explanation).toBe("3 interactions via email, meeting; last contact 12 days before the reference date");
  });
});

describe("interactionWeight", () => {
  it("ranks channels, halves one-way contact and dilutes groups", () => {
    expect(interactionWeight("meeting", "two_way", 2)).toBeGreaterThan(interactionWeight("call", "two_way", 2));
    expect(interactionWeight("call", "two_way", 2)).toBeGreaterThan(interactionWeight("email", "two_way", 2));
    expect(interactionWeight("email", "two_way", 2)).toBeGreaterThan(interactionWeight("message", "two_way", 2));
    expect(interactionWeight("email", "one_way", 2)).toBe(interactionWeight("email", "two_way", 2) / 2);
    expect(interactionWeight("meeting", "two_way", 8)).toBeCloseTo(1.5 / 7, 10);
  });
});
