import { describe, expect, it } from "vitest";
import { createRng } from "../seed/demo/prng";
import { scoreEdge, scoreStoredFactors } from "./score-edge";
import {
  compactStrengthFactors,
  expandStrengthFactors,
  packStrengthFactors,
  parseStrengthFactors,
  unpackStrengthFactors,
  ZPackedStrengthFactors,
  ZStoredStrengthFactors,
} from "./stored-factors";
import { randomSummary, RANDOM_SUMMARY_AS_OF } from "./testing/random-summary";

describe("stored strengthFactors", () => {
  it("expands back to exactly the document scoreEdge built, for any pair", () => {
    const rng = createRng(20261126);
    for (let round = 0; round < 2_000; round += 1) {
      const summary = randomSummary(rng);
      const full = scoreEdge(summary, { asOf: RANDOM_SUMMARY_AS_OF });
      const stored = ZStoredStrengthFactors.parse(JSON.parse(JSON.stringify(compactStrengthFactors(full))));
      expect(expandStrengthFactors(stored)).toEqual(full);
      expect(parseStrengthFactors(stored)).toEqual(full);
      // What the edge writers store: built without the full document, written packed.
      const built = scoreStoredFactors(summary, RANDOM_SUMMARY_AS_OF);
      expect(built).toEqual(compactStrengthFactors(full));
      const packed = ZPackedStrengthFactors.parse(JSON.parse(JSON.stringify(packStrengthFactors(built))));
      expect(unpackStrengthFactors(packed)).toEqual(built);
      expect(parseStrengthFactors(packed)).toEqual(full);
    }
  });

  it("stays under PostgreSQL's 2 kB TOAST threshold for a pair with every factor, where the full layout did not", () => {
    const summary = {
      countsByChannel: { email: 120, meeting: 14, call: 3, message: 40, linkedin: 1, other: 2 },
      massByChannel: { email: 80.5, meeting: 12.25, call: 3, message: 18.75, linkedin: 1, other: 1.5 },
      activeDays: 96.5,
      firstSeenAt: new Date("2021-03-04T09:10:11.123Z"),
      lastSeenAt: new Date("2026-10-30T17:45:00.000Z"),
      directions: { aToB: 41.5, bToA: 38.25, mutual: 12.5 },
      replies: 27.75,
      decayed: { mass: 14.123456, referenceDate: new Date("2026-01-01T00:00:00Z"), halfLifeDays: 90 },
      sources: ["calendar", "gmail", "linkedin", "phone", "slack"],
      mutualConnections: 37,
      sharedOrganization: true,
      override: "knows_well" as const,
    };
    const full = scoreEdge(summary, { asOf: RANDOM_SUMMARY_AS_OF });
    expect(JSON.stringify(full).length).toBeGreaterThan(2_000);
    expect(JSON.stringify(compactStrengthFactors(full)).length).toBeLessThan(1_700);
    expect(JSON.stringify(packStrengthFactors(compactStrengthFactors(full))).length).toBeLessThan(1_250);
  });

  it("reads the full and compact layouts too, and nothing malformed", () => {
    const full = scoreEdge(randomSummary(createRng(3)), { asOf: RANDOM_SUMMARY_AS_OF });
    expect(parseStrengthFactors(full)).toEqual(full);
    expect(parseStrengthFactors({ ...compactStrengthFactors(full), score: 2 })).toBeNull();
    expect(parseStrengthFactors({ ...compactStrengthFactors(full), factors: [] })).toBeNull();
    const packed = packStrengthFactors(compactStrengthFactors(full));
    expect(parseStrengthFactors({ ...packed, score: 2 })).toBeNull();
    expect(parseStrengthFactors({ ...packed, factors: [["recency", 1, 0.5, 1.4]] })).toBeNull();
    expect(parseStrengthFactors({ ...packed, encoding: "compact" })).toBeNull();
    expect(parseStrengthFactors({ version: "seed-v1" })).toBeNull();
    expect(parseStrengthFactors(null)).toBeNull();
    expect(parseStrengthFactors("text")).toBeNull();
  });
});
