import { describe, expect, it } from "vitest";
import { deriveEdges, type EdgeInteraction, type EdgePerson } from "./derive-edges";

const people: EdgePerson[] = [
  { id: "a", emails: ["ann@acme.test", "ann@gmail.com"], organizationId: "acme" },
  { id: "b", emails: ["bob@acme.test"], organizationId: "acme" },
  { id: "c", emails: ["cy@other.test"], organizationId: "other" },
];
const reference = new Date("2026-11-01T00:00:00Z");
const at = (iso: string): Date => new Date(iso);

describe("deriveEdges", () => {
  const interactions: EdgeInteraction[] = [
    { timestamp: at("2026-01-10T10:00:00Z"), participants: ["ann@acme.test", "bob@acme.test"], channel: "email", direction: "two_way", sourceName: "gmail" },
    // The same person under a second address, plus someone unknown who is ignored.
    { timestamp: at("2026-10-01T10:00:00Z"), participants: ["bob@acme.test", "ann@gmail.com", "nobody@x.test"], channel: "message", direction: "one_way", sourceName: "slack" },
    { timestamp: at("2026-05-01T10:00:00Z"), participants: ["ann@acme.test", "bob@acme.test", "cy@other.test"], channel: "meeting", direction: "two_way", sourceName: "calendar" },
  ];
  const edges = deriveEdges(people, interactions, reference);
  const edge = (from: string, to: string) => edges.find((candidate) => candidate.fromPersonId === from && candidate.toPersonId === to);

  it("writes both directions for every co-occurring pair and nothing else", () => {
    expect(edges.map((candidate) => `${candidate.fromPersonId}>${candidate.toPersonId}`).sort()).toEqual(["a>b", "a>c", "b>a", "b>c", "c>a", "c>b"]);
  });

  it("summarizes the pair's interactions", () => {
    expect(edge("a", "b")).toMatchObject({
      relationshipType: "colleague",
      interactionCount: 3,
      sources: ["calendar", "gmail", "slack"],
      channels: ["email", "meeting", "message"],
      firstSeenAt: at("2026-01-10T10:00:00Z"),
      lastSeenAt: at("2026-10-01T10:00:00Z"),
    });
    expect(edge("a", "c")).toMatchObject({ relationshipType: "knows", interactionCount: 1, channels: ["meeting"] });
  });

  it("gives both directions the same strength, in [0, 1], stronger for the closer pair", () => {
    for (const candidate of edges) {
      expect(candidate.strength).toBeGreaterThanOrEqual(0);
      expect(candidate.strength).toBeLessThanOrEqual(1);
      expect(edge(candidate.toPersonId, candidate.fromPersonId)?.strength).toBe(candidate.strength);
    }
    expect(edge("a", "b")?.strength ?? 0).toBeGreaterThan(edge("a", "c")?.strength ?? 1);
    // The real model, explained: a shared organization, and c as a mutual connection of a and b.
    const factors = edge("a", "b")?.strengthFactors;
    expect(factors?.version).toBe("strength-v1");
    expect(factors?.factors.find((factor) => factor.key === "shared_organization")?.raw).toBe(true);
    expect(factors?.factors.find((factor) => factor.key === "mutual_connections")?.raw).toBe(1);
    expect(factors?.factors.find((factor) => factor.key === "frequency")?.evidence.counts.interactions).toBe(3);
  });

  it("is deterministic, ids included", () => {
    expect(JSON.stringify(deriveEdges(people, interactions, reference))).toBe(JSON.stringify(edges));
  });
});
