import { describe, expect, it } from "vitest";
import { scoreEdge } from "../strength/score-edge";
import { summarizePair, type PairInteraction } from "../strength/summarize-pair";
import { explainPath } from "./explain-path";
import { findIntroPaths } from "./find-intro-paths";
import { buildGraphSnapshot } from "./graph-snapshot";

const AS_OF = new Date("2026-11-01T00:00:00Z");
const daysAgo = (days: number): Date => new Date(AS_OF.getTime() - days * 86_400_000);
const meeting = (days: number): PairInteraction => ({ timestamp: daysAgo(days), channel: "meeting", groupSize: 2, sourceName: "calendar", direction: "mutual" });
const mail = (days: number): PairInteraction => ({ timestamp: daysAgo(days), channel: "email", groupSize: 2, sourceName: "gmail", direction: "a_to_b" });

const factors = {
  "me>ann": scoreEdge(summarizePair({ interactions: [mail(3), ...Array.from({ length: 10 }, (_, m) => meeting(5 + 30 * m))], decayReferenceDate: AS_OF, override: "knows_well" }), { asOf: AS_OF }),
  "ann>dana": scoreEdge(summarizePair({ interactions: [mail(200), mail(230)], decayReferenceDate: AS_OF }), { asOf: AS_OF }),
};

describe("explainPath", () => {
  const snapshot = buildGraphSnapshot(
    ["me", "ann", "dana"].map((id) => ({ id, organizationId: null })),
    [{ from: "me", to: "ann", strength: factors["me>ann"].score }, { from: "ann", to: "dana", strength: factors["ann>dana"].score }],
  );
  const [path] = findIntroPaths(snapshot, { from: "me", to: { kind: "person", personId: "dana" } }).paths;
  if (!path) throw new Error("expected a path");
  const lookup = (from: string, to: string): unknown => (factors as Record<string, unknown>)[`${from}>${to}`] ?? null;

  it("lists each hop's strongest factors, the member's override first, and the evidence", () => {
    const explanation = explainPath({ path, factorsFor: lookup });
    const [first, second] = explanation.hops;
    expect(first?.topFactors.map((factor) => factor.key)).toEqual(["override", "recency", "reciprocity", "channel_richness"]);
    expect(first?.sources).toEqual(["calendar", "gmail"]);
    expect(first?.lastSeenAt).toBe(daysAgo(3).toISOString());
    expect(first?.interactionCount).toBe(11);
    expect(second?.topFactors.length).toBe(3);
    expect(second?.topFactors.every((factor, i, all) => i === 0 || factor.contribution <= (all[i - 1]?.contribution ?? Infinity))).toBe(true);
  });

  it("names the weakest link and what it lacks most", () => {
    const { weakestLink } = explainPath({ path, factorsFor: lookup });
    expect(weakestLink).toMatchObject({ from: "ann", to: "dana", index: 1 });
    expect(weakestLink.lacking.map((factor) => factor.key)).toEqual(["recency", "reciprocity"]);
    expect(weakestLink.sentence).toBe(`The weakest link is hop 2 (strength ${Math.round(factors["ann>dana"].score * 100)}/100): little recent contact and little two-way contact.`);
  });

  it("shows hops without a valid breakdown (missing, or the seed's placeholder) without failing", () => {
    const explanation = explainPath({ path, factorsFor: (from) => (from === "me" ? { version: "seed-v1", frequency: 0.5 } : null) });
    expect(explanation.hops.map((hop) => hop.factors)).toEqual([null, null]);
    expect(explanation.hops[0]?.topFactors).toEqual([]);
    expect(explanation.weakestLink.sentence).toMatch(/no factor breakdown is stored/);
  });
});
