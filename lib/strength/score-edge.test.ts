import { describe, expect, it } from "vitest";
import { scoreEdge, strengthScore } from "./score-edge";
import { ZStrengthFactors } from "./strength-factors.schema";
import { summarizePair, type PairInteraction } from "./summarize-pair";
import type { StrengthOverride } from "./pair-summary";

const AS_OF = new Date("2026-11-01T00:00:00Z");
const DECAY_REFERENCE = new Date("2025-01-01T00:00:00Z");
const daysAgo = (days: number): Date => new Date(AS_OF.getTime() - days * 86_400_000);

function at(days: number, channel: PairInteraction["channel"], direction: PairInteraction["direction"], sourceName: string, groupSize = 2): PairInteraction {
  return { timestamp: daysAgo(days), channel, direction, sourceName, groupSize };
}

function score(interactions: PairInteraction[], extra: { override?: StrengthOverride; mutualConnections?: number; sharedOrganization?: boolean } = {}): number {
  return strengthScore(summarizePair({ interactions, decayReferenceDate: DECAY_REFERENCE, ...extra }), AS_OF);
}

// A LinkedIn connection: one linkedin-channel record with no known inviter.
const linkedInOnly = [at(7, "linkedin", null, "linkedin")];
// A two-way thread last week plus a 1:1 meeting every month for a year.
const threadAndMonthlyMeetings = [
  at(8, "email", "a_to_b", "gmail"),
  at(7, "email", "b_to_a", "gmail"),
  at(6, "email", "mutual", "gmail"),
  ...Array.from({ length: 12 }, (_, month) => at(10 + 30 * month, "meeting", "mutual", "calendar")),
];

describe("scoreEdge: the orderings the product promises", () => {
  it("scores a LinkedIn connection alone as weak, recent or old", () => {
    expect(score(linkedInOnly)).toBeLessThan(0.2);
    expect(score([at(700, "linkedin", null, "linkedin")])).toBeLessThan(0.2);
  });

  it("scores a two-way thread last week plus monthly meetings over a year as strong", () => {
    expect(score(threadAndMonthlyMeetings)).toBeGreaterThan(0.7);
  });

  it("scores one-way contact below the same volume of two-way contact", () => {
    const oneWay = Array.from({ length: 10 }, (_, index) => at(20 + index * 9, "email", "a_to_b", "gmail"));
    const alternating = oneWay.map((interaction, index) => ({ ...interaction, direction: index % 2 === 0 ? ("a_to_b" as const) : ("b_to_a" as const) }));
    const threads = oneWay.map((interaction) => ({ ...interaction, direction: "mutual" as const }));
    expect(score(oneWay)).toBeLessThan(score(alternating));
    expect(score(oneWay)).toBeLessThan(score(threads));
  });

  it("counts a big group message less than a 1:1 message, and a 1:1 meeting more than a call, email or chat", () => {
    expect(score([at(3, "message", "mutual", "slack", 30)])).toBeLessThan(score([at(3, "message", "mutual", "slack", 2)]));
    const one = (channel: PairInteraction["channel"]): number => score([at(3, channel, "mutual", "src")]);
    expect(one("meeting")).toBeGreaterThan(one("call"));
    expect(one("call")).toBeGreaterThan(one("email"));
    expect(one("email")).toBeGreaterThan(one("message"));
    expect(one("message")).toBeGreaterThan(score([at(3, "message", "mutual", "src", 12)]));
  });

  it("scores more recent contact higher, everything else equal", () => {
    const older = threadAndMonthlyMeetings.map((interaction) => ({ ...interaction, timestamp: new Date(interaction.timestamp.getTime() - 200 * 86_400_000) }));
    expect(score(threadAndMonthlyMeetings)).toBeGreaterThan(score(older));
  });

  it("scores a long dormant relationship below the same relationship kept current, but above a stranger", () => {
    const dormant = threadAndMonthlyMeetings.map((interaction) => ({ ...interaction, timestamp: new Date(interaction.timestamp.getTime() - 3 * 365 * 86_400_000) }));
    expect(score(dormant)).toBeLessThan(score(threadAndMonthlyMeetings));
    expect(score(dormant)).toBeGreaterThan(0.5);
  });

  it("adds corroboration, mutual connections and a shared organization", () => {
    const base = [at(30, "email", "mutual", "gmail")];
    expect(score([...base, at(30, "email", "mutual", "outlook")])).toBeGreaterThan(score([...base, at(30, "email", "mutual", "gmail")]));
    expect(score(base, { mutualConnections: 12 })).toBeGreaterThan(score(base));
    expect(score(base, { sharedOrganization: true })).toBeGreaterThan(score(base));
  });

  it("scores no evidence at all as exactly 0", () => {
    expect(score([])).toBe(0);
  });
});

describe("scoreEdge: manual overrides", () => {
  it("moves the score in the stated direction and appears as an explained factor", () => {
    for (const interactions of [[], linkedInOnly, threadAndMonthlyMeetings]) {
      const plain = score(interactions);
      if (interactions.length > 0) expect(score(interactions, { override: "barely_knows" })).toBeLessThan(plain);
      expect(score(interactions, { override: "knows_well" })).toBeGreaterThan(plain);
    }
    const result = scoreEdge(summarizePair({ interactions: linkedInOnly, decayReferenceDate: DECAY_REFERENCE, override: "knows_well" }), { asOf: AS_OF });
    expect(result.override).toBe("knows_well");
    expect(result.factors.find((factor) => factor.key === "override")).toMatchObject({ raw: "knows_well", normalized: 1, contribution: 1.5 });
    expect(result.score).toBeGreaterThan(0.75);
  });

  it("keeps a 'barely knows' tie ordered by its evidence and below what it would be", () => {
    const weakened = (interactions: PairInteraction[]): number => score(interactions, { override: "barely_knows" });
    expect(weakened(threadAndMonthlyMeetings)).toBeGreaterThan(weakened(linkedInOnly));
    const factor = scoreEdge(summarizePair({ interactions: threadAndMonthlyMeetings, decayReferenceDate: DECAY_REFERENCE, override: "barely_knows" }), { asOf: AS_OF })
      .factors.find((entry) => entry.key === "override");
    expect(factor?.contribution).toBeLessThan(0);
  });
});

describe("scoreEdge: the strengthFactors document", () => {
  const result = scoreEdge(summarizePair({ interactions: threadAndMonthlyMeetings, decayReferenceDate: DECAY_REFERENCE, mutualConnections: 4 }), { asOf: AS_OF });

  it("lists every factor with raw, normalized, weight, contribution and evidence, and validates", () => {
    expect(result.version).toBe("strength-v1");
    expect(result.computedAt).toBe(AS_OF.toISOString());
    expect(result.factors.map((factor) => factor.key)).toEqual([
      "recency", "frequency", "reciprocity", "duration", "channel_richness", "corroboration", "mutual_connections", "shared_organization",
    ]);
    for (const factor of result.factors) {
      expect(factor.contribution).toBeCloseTo(factor.weight * factor.normalized, 3);
    }
    expect(ZStrengthFactors.safeParse(result).success).toBe(true);
    const latent = result.factors.reduce((sum, factor) => sum + factor.contribution, 0);
    expect(result.score).toBeCloseTo(1 - Math.exp(-latent), 3);
  });

  it("carries the evidence: counts per channel, dates and sources", () => {
    const channel = result.factors.find((factor) => factor.key === "channel_richness");
    expect(channel?.evidence.counts).toMatchObject({ meeting: 12, email: 3 });
    expect(channel?.evidence.sources).toEqual(["calendar", "gmail"]);
    const duration = result.factors.find((factor) => factor.key === "duration");
    expect(duration?.evidence.dates).toEqual({ firstSeenAt: daysAgo(340).toISOString(), lastSeenAt: daysAgo(6).toISOString() });
    expect(result.factors.find((factor) => factor.key === "reciprocity")?.evidence.counts).toEqual({ aToB: 1, bToA: 1, mutual: 12, replies: 1 });
  });

  it("rejects malformed documents: unknown version, out-of-range values, inconsistent score, override without its factor", () => {
    expect(ZStrengthFactors.safeParse({ ...result, version: "seed-v1" }).success).toBe(false);
    expect(ZStrengthFactors.safeParse({ ...result, score: 1.2 }).success).toBe(false);
    expect(ZStrengthFactors.safeParse({ ...result, score: 0.1 }).success).toBe(false);
    expect(ZStrengthFactors.safeParse({ ...result, override: "knows_well" }).success).toBe(false);
    const [first, ...rest] = result.factors;
    expect(ZStrengthFactors.safeParse({ ...result, factors: [{ ...first, normalized: -0.1 }, ...rest] }).success).toBe(false);
    expect(ZStrengthFactors.safeParse({ ...result, factors: [...result.factors, first] }).success).toBe(false);
  });
});
