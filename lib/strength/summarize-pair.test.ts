import { describe, expect, it } from "vitest";
import { groupShare, interactionMass, summarizePair, toPairInteraction, type PairInteraction } from "./summarize-pair";

const t = (iso: string): Date => new Date(iso);
const reference = t("2026-01-01T00:00:00Z");

describe("toPairInteraction", () => {
  const mail = { timestamp: t("2026-03-02T10:00:00Z"), channel: "email" as const, sourceName: "gmail", participants: ["ann", "bob", "cy"] };

  it("reads one-way contact as started by participants[0]", () => {
    expect(toPairInteraction({ ...mail, direction: "one_way" }, "ann", "bob")?.direction).toBe("a_to_b");
    expect(toPairInteraction({ ...mail, direction: "one_way" }, "bob", "ann")?.direction).toBe("b_to_a");
    expect(toPairInteraction({ ...mail, direction: null }, "bob", "cy")?.direction).toBeNull();
  });

  it("reads two-way interactions as mutual, counts the group, and skips pairs not in it", () => {
    expect(toPairInteraction({ ...mail, direction: "two_way" }, "cy", "bob")).toMatchObject({ direction: "mutual", groupSize: 3 });
    expect(toPairInteraction({ ...mail, direction: "two_way" }, "ann", "dee")).toBeNull();
    expect(toPairInteraction({ ...mail, direction: "two_way" }, "ann", "ann")).toBeNull();
  });
});

describe("summarizePair", () => {
  const interactions: PairInteraction[] = [
    { timestamp: t("2025-06-01T09:00:00Z"), channel: "email", groupSize: 2, sourceName: "gmail", direction: "a_to_b" },
    { timestamp: t("2025-06-01T15:00:00Z"), channel: "email", groupSize: 2, sourceName: "gmail", direction: "b_to_a", replies: 1 },
    { timestamp: t("2025-07-10T15:00:00Z"), channel: "meeting", groupSize: 5, sourceName: "calendar", direction: "mutual" },
    { timestamp: t("2025-12-24T15:00:00Z"), channel: "message", groupSize: 11, sourceName: "slack", direction: null },
  ];
  const summary = summarizePair({ interactions, decayReferenceDate: reference, mutualConnections: 3, sharedOrganization: true, extraSources: ["linkedin"] });

  it("counts channels, group-discounted masses and directions", () => {
    expect(summary.countsByChannel).toEqual({ email: 2, meeting: 1, message: 1 });
    // One-way mail counts half; the 5-person meeting a quarter; the 11-person one-way chat a twentieth.
    expect(summary.massByChannel).toEqual({ email: 1, meeting: 0.25, message: 0.05 });
    expect(summary.directions).toEqual({ aToB: 1, bToA: 1, mutual: 0.25 });
    expect(summary.replies).toBe(1);
  });

  it("weights active days by the day's most personal contact and spans first to last", () => {
    expect(summary.activeDays).toBeCloseTo(1 + 0.25 + 0.1, 12);
    expect(summary.firstSeenAt).toEqual(t("2025-06-01T09:00:00Z"));
    expect(summary.lastSeenAt).toEqual(t("2025-12-24T15:00:00Z"));
  });

  it("keeps the decayed mass at the given reference date, and merges sources", () => {
    const expected = interactions.reduce((sum, interaction) => sum + interactionMass(interaction) * 2 ** (-(reference.getTime() - interaction.timestamp.getTime()) / 86_400_000 / 90), 0);
    expect(summary.decayed.mass).toBeCloseTo(expected, 12);
    expect(summary.decayed).toMatchObject({ referenceDate: reference, halfLifeDays: 90 });
    expect(summary.sources).toEqual(["calendar", "gmail", "linkedin", "slack"]);
    expect(summary).toMatchObject({ mutualConnections: 3, sharedOrganization: true, override: null });
  });

  it("summarizes no interactions as no evidence", () => {
    const empty = summarizePair({ interactions: [], decayReferenceDate: reference });
    expect(empty).toMatchObject({ activeDays: 0, firstSeenAt: null, lastSeenAt: null, sources: [], decayed: { mass: 0 } });
    expect(groupShare(2)).toBe(1);
    expect(groupShare(1)).toBe(1);
  });
});
