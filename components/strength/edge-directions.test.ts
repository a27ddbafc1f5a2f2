import { describe, expect, it } from "vitest";
import type { EdgeDirection } from "@/lib/people/edge-details.types";
import type { TStrengthFactors } from "@/lib/strength/strength-factors.schema";
import { directionsToShow } from "./edge-directions";

const factors = (override: TStrengthFactors["override"], computedAt = "2026-11-01T00:00:00.000Z"): TStrengthFactors =>
  ({ version: "strength-v1", score: 0.5, computedAt, halfLifeDays: 90, override, factors: [] }) as unknown as TStrengthFactors;

const direction = (fromId: string, toId: string, over: Partial<EdgeDirection> = {}): EdgeDirection => ({
  id: `${fromId}>${toId}`,
  fromId,
  toId,
  relationshipType: "knows",
  strength: 0.5,
  factors: factors(null),
  sources: ["gmail"],
  channels: ["email"],
  interactionCount: 3,
  firstSeenAt: "2026-01-01T00:00:00.000Z",
  lastSeenAt: "2026-10-01T00:00:00.000Z",
  ...over,
});

describe("directionsToShow", () => {
  it("shows one direction when the other is the same, whenever each was computed", () => {
    const ab = direction("a", "b");
    const ba = direction("b", "a", { factors: factors(null, "2026-11-02T00:00:00.000Z") });
    expect(directionsToShow([ab, ba])).toEqual({ shown: [ab], sameBothWays: true });
  });

  it("shows both when anything a reader sees differs", () => {
    const ab = direction("a", "b");
    for (const ba of [
      direction("b", "a", { factors: factors("knows_well") }),
      direction("b", "a", { strength: 0.51 }),
      direction("b", "a", { relationshipType: "colleague" }),
      direction("b", "a", { factors: null }),
      direction("b", "a", { interactionCount: 4 }),
    ]) {
      expect(directionsToShow([ab, ba])).toEqual({ shown: [ab, ba], sameBothWays: false });
    }
  });

  it("leaves a single direction, or none, as it is", () => {
    const ab = direction("a", "b");
    expect(directionsToShow([ab])).toEqual({ shown: [ab], sameBothWays: false });
    expect(directionsToShow([])).toEqual({ shown: [], sameBothWays: false });
  });
});
