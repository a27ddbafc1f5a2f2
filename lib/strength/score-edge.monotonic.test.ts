// Property tests over many random summaries (seeded, so a failure reproduces): raising any single input
// never lowers the score, and the score stays in [0, 1] whatever the input.
import { describe, expect, it } from "vitest";
import { createRng, type Rng } from "../seed/demo/prng";
import type { PairSummary } from "./pair-summary";
import { scoreEdge, strengthScore } from "./score-edge";
import { randomSummary } from "./testing/random-summary";
import { STRENGTH_CHANNELS } from "./weights";

const AS_OF = new Date("2026-11-01T00:00:00Z");
const DAY_MS = 86_400_000;

/** Every way to raise exactly one input of a summary. */
function raisedVariants(summary: PairSummary, rng: Rng): Array<[string, PairSummary]> {
  const bump = (): number => 0.01 + rng.pareto(1.5);
  const later = (date: Date | null, days: number): Date => new Date((date ?? new Date(AS_OF.getTime() - 500 * DAY_MS)).getTime() + days * DAY_MS);
  const variants: Array<[string, PairSummary]> = [];
  for (const channel of STRENGTH_CHANNELS) {
    variants.push([`mass.${channel}`, { ...summary, massByChannel: { ...summary.massByChannel, [channel]: (summary.massByChannel[channel] ?? 0) + bump() } }]);
    variants.push([`count.${channel}`, { ...summary, countsByChannel: { ...summary.countsByChannel, [channel]: (summary.countsByChannel[channel] ?? 0) + 1 } }]);
  }
  for (const direction of ["aToB", "bToA", "mutual"] as const) {
    variants.push([`directions.${direction}`, { ...summary, directions: { ...summary.directions, [direction]: summary.directions[direction] + bump() } }]);
  }
  variants.push(["activeDays", { ...summary, activeDays: summary.activeDays + bump() }]);
  variants.push(["replies", { ...summary, replies: summary.replies + bump() }]);
  variants.push(["firstSeenAt earlier", { ...summary, firstSeenAt: later(summary.firstSeenAt, -rng.int(1, 400)) }]);
  variants.push(["lastSeenAt later", { ...summary, lastSeenAt: later(summary.lastSeenAt, rng.int(1, 400)) }]);
  variants.push(["decayed.mass", { ...summary, decayed: { ...summary.decayed, mass: summary.decayed.mass + bump() } }]);
  variants.push(["decayed.referenceDate later", { ...summary, decayed: { ...summary.decayed, referenceDate: later(summary.decayed.referenceDate, rng.int(1, 300)) } }]);
  variants.push(["sources +1", { ...summary, sources: [...summary.sources, `source-${rng.int(0, 1e6)}`] }]);
  variants.push(["mutualConnections", { ...summary, mutualConnections: summary.mutualConnections + rng.int(1, 20) }]);
  variants.push(["sharedOrganization", { ...summary, sharedOrganization: true }]);
  // Overrides are ordered barely_knows < none < knows_well.
  if (summary.override === "barely_knows") variants.push(["override lifted", { ...summary, override: null }]);
  if (summary.override !== "knows_well") variants.push(["override knows_well", { ...summary, override: "knows_well" }]);
  return variants;
}

describe("strengthScore properties", () => {
  it("never decreases when any single input increases (2,000 random summaries)", () => {
    const rng = createRng(20_261_101);
    const failures: string[] = [];
    for (let round = 0; round < 2_000; round += 1) {
      const summary = randomSummary(rng);
      const base = strengthScore(summary, AS_OF);
      for (const [name, raised] of raisedVariants(summary, rng)) {
        const after = strengthScore(raised, AS_OF);
        if (after < base) failures.push(`round ${round}: raising ${name} lowered ${base} to ${after}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("gives the same score through strengthScore and the full, validated scoreEdge document", () => {
    const rng = createRng(99);
    for (let round = 0; round < 300; round += 1) {
      const summary = randomSummary(rng);
      expect(scoreEdge(summary, { asOf: AS_OF }).score).toBe(strengthScore(summary, AS_OF));
    }
  });

  it("stays within [0, 1] for random, huge, zero and malformed inputs", () => {
    const rng = createRng(7);
    const extremes: PairSummary[] = [];
    for (let round = 0; round < 500; round += 1) extremes.push(randomSummary(rng));
    const base = randomSummary(rng);
    extremes.push(
      { ...base, massByChannel: { meeting: 1e300 }, activeDays: 1e300, replies: Number.MAX_VALUE, mutualConnections: 1e12, override: "knows_well" },
      { ...base, massByChannel: { email: -5 }, activeDays: Number.NaN, replies: -1, directions: { aToB: Number.NaN, bToA: -3, mutual: -1 } },
      { ...base, decayed: { mass: 1e6, referenceDate: new Date(AS_OF.getTime() + 10_000 * DAY_MS), halfLifeDays: 30 } },
    );
    for (const summary of extremes) {
      const value = strengthScore(summary, AS_OF);
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(1);
    }
  });
});
