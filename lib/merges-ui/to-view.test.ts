import { describe, expect, it } from "vitest";
import type { CandidatePerson, CandidateView, MergeHistoryItem } from "@/lib/identity/review";
import { toCandidateView, toExplanationView, toHistoryView } from "./to-view";

const person = (id: string, name: string): CandidatePerson => ({
  id,
  displayName: name,
  names: [name],
  emails: [`${name.toLowerCase().replace(/\s+/g, ".")}@example.com`],
  phones: [],
  socialHandles: {},
  title: "VP Sales",
  organization: { id: "org", name: "Northwind", domain: "northwind.example" },
  identities: [{ sourceName: "linkedin", sourceId: "rjansen", observedAt: null }],
  sources: ["linkedin"],
  recentInteractions: [{ timestamp: new Date("2026-10-02T09:30:00Z"), channel: "email", sourceName: "gmail" }],
  createdAt: new Date("2026-01-01T00:00:00Z"),
  deleted: false,
});

const explanation = {
  priorWeight: -13.2,
  contributions: [
    { comparison: "email" as const, comparisonLabel: "Email", level: "exact", description: "Same email address", m: 0.9, u: 0.0001, weight: 13.1, detail: "a@b.c" },
    { comparison: "phone" as const, comparisonLabel: "Phone", level: null, description: "Not compared: missing on one side", m: null, u: null, weight: 0, detail: null },
  ],
  matchWeight: -0.1,
  probability: 0.4827,
};

describe("toCandidateView", () => {
  it("keeps both sides, turns dates into ISO strings and names the proposer", () => {
    const candidate: CandidateView = {
      id: "c1",
      status: "pending",
      probability: 0.4827,
      matchWeight: -0.1,
      uncertainty: 0.0173,
      explanation,
      personA: person("a", "Robert Jansen"),
      personB: person("b", "Bob Jansen"),
      proposedBy: { id: "u1", name: null, email: "member@example.com" },
      proposalNote: "Same guy",
      decidedBy: null,
      decidedAt: null,
      skippedAt: null,
      createdAt: new Date("2026-11-01T00:00:00Z"),
      updatedAt: new Date("2026-11-01T00:00:00Z"),
    };
    const view = toCandidateView(candidate);
    expect(view.a.name).toBe("Robert Jansen");
    expect(view.b.organization).toBe("Northwind");
    expect(view.a.recentInteractions).toEqual(["2026-10-02T09:30:00.000Z"]);
    expect(view.a.identities).toEqual([{ sourceName: "linkedin", sourceId: "rjansen" }]);
    expect(view.proposedBy).toBe("member@example.com");
    expect(view.explanation?.steps.map((step) => [step.label, step.weight])).toEqual([
      ["Email", 13.1],
      ["Phone", 0],
    ]);
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
  });
});

describe("toExplanationView", () => {
  it("is null for a missing or malformed explanation", () => {
    expect(toExplanationView(null)).toBeNull();
    expect(toExplanationView({} as never)).toBeNull();
  });
});

describe("toHistoryView", () => {
  it("labels users by name, else email, and keeps why an undo is blocked", () => {
    const item: MergeHistoryItem = {
      id: "m1",
      method: "review",
      probability: 0.9,
      explanation: "Approved in review",
      survivor: { id: "a", displayName: "Robert Jansen" },
      merged: { id: "b", displayName: "Bob Jansen" },
      candidateId: "c1",
      mergedBy: { id: "u", name: "  Ada Admin ", email: "ada@example.com" },
      createdAt: new Date("2026-11-02T00:00:00Z"),
      undoneAt: null,
      undoneBy: null,
      canUndo: false,
      undoBlockedReason: "A later merge into the same person still stands; undo it first.",
    };
    const view = toHistoryView(item);
    expect(view.mergedBy).toBe("Ada Admin");
    expect(view.undoneAt).toBeNull();
    expect(view.canUndo).toBe(false);
    expect(view.undoBlockedReason).toContain("undo it first");
  });
});
