import { describe, expect, it } from "vitest";
import { evaluateResolution } from "../generator/evaluate";
import { generatePopulation } from "../generator/generate-population";
import type { IdentityRecord } from "../normalize/normalize-record";
import { resolveIdentities, type ResolutionResult } from "./resolve-identities";

// Planted people with names outside the generator's pools, in a generated background population that
// gives the name and organization frequencies a realistic base.
const background = generatePopulation({ records: 500, seed: 5 }).records;
const planted: IdentityRecord[] = [
  { id: "p1", names: ["Zebulon Quark"], emails: ["zq@quark.io"] },
  { id: "p2", names: ["QUARK, ZEBULON"], emails: ["ZQ@quark.io"], phones: ["(415) 555-0142"] },
  { id: "p3", names: ["Zebulon Quark"], organizationName: "Quark Labs, Inc.", title: "CTO" },
  { id: "p4", names: ["Yara Vexley"], emails: ["yv@vex.io"], linkedin: "linkedin.com/in/yara-vexley" },
  { id: "p6", names: ["Yara Vexley"], emails: ["yv@vex.io"], phones: ["(212) 555-0177"] },
  { id: "p5", names: ["Yara Vexley"], phones: ["212.555.0177"], linkedin: "https://www.linkedin.com/in/yara-vexley-2" },
  { id: "p7", names: ["Ottoline Brisk"], emails: ["ottoline@brisk.dev"] },
  { id: "p8", names: ["O. Brisk"], phones: ["(303) 555-0123"] },
  { id: "p9", names: ["Quentin Vollmerath"], emails: ["quentin@vollmerath.example"] },
  { id: "p10", names: ["Quentin Vollmerath"], emails: ["qv.home@gmail.com"] },
];
const records = [...background, ...planted];

const clusterOf = (result: ResolutionResult, id: string) => result.clusters.find((cluster) => cluster.recordIds.includes(id))?.recordIds.slice().sort() ?? [id];
const candidateBetween = (result: ResolutionResult, x: string, y: string) =>
  result.reviewCandidates.find((candidate) => (candidate.recordsA.includes(x) && candidate.recordsB.includes(y)) || (candidate.recordsA.includes(y) && candidate.recordsB.includes(x)));

describe("resolveIdentities", () => {
  const result = resolveIdentities(records);

  it("auto-merges records that share a canonical address, with the reason and explanation", () => {
    expect(clusterOf(result, "p1")).toEqual(["p1", "p2"]);
    const cluster = result.clusters.find((candidate) => candidate.recordIds.includes("p1"));
    expect(cluster?.links).toHaveLength(1);
    expect(cluster?.links[0]).toMatchObject({ strongIdentifier: "email", decidedBy: "model" });
    expect(cluster?.links[0]?.probability).toBeGreaterThan(0.99);
  });

  it("sends a name-and-employer match without a shared identifier to review, compared as whole people", () => {
    const candidate = candidateBetween(result, "p3", "p1");
    expect(candidate).toMatchObject({ reason: "uncertain", strongIdentifier: null });
    expect([...(candidate?.recordsA ?? []), ...(candidate?.recordsB ?? [])].sort()).toEqual(["p1", "p2", "p3"]);
    const levels = Object.fromEntries(candidate?.explanation.contributions.map((c) => [c.comparison, c.level]) ?? []);
    expect(levels).toMatchObject({ name: "exact", organization: "same", phone: null });
    expect(clusterOf(result, "p3")).toEqual(["p3"]);
  });

  it("scores a review pair without a shared address as if the address were missing (left-apart-parameters.ts)", () => {
    const candidate = candidateBetween(result, "p9", "p10");
    const email = candidate?.explanation.contributions.find((contribution) => contribution.comparison === "email");
    expect(email).toMatchObject({ level: "different", weight: 0 });
    expect(email?.m).toBe(email?.u);
  });

  it("holds back a cluster that would join two LinkedIn profiles and queues its links as conflicts", () => {
    expect(clusterOf(result, "p4")).toEqual(["p4"]);
    expect(clusterOf(result, "p5")).toEqual(["p5"]);
    expect(result.stats.conflictedComponents).toBeGreaterThanOrEqual(1);
    expect(candidateBetween(result, "p4", "p6")?.reason).toBe("conflict");
    expect(candidateBetween(result, "p5", "p6")?.reason).toBe("conflict");
  });

  it("orders review candidates by uncertainty", () => {
    const distances = result.reviewCandidates.map((candidate) => Math.abs(candidate.probability - 0.5));
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
  });

  it("honours remembered decisions: 'different' is never suggested or merged, 'same' is always joined", () => {
    const decided = resolveIdentities(records, { decisions: { different: [["p3", "p2"], ["p1", "p2"]], same: [["p7", "p8"], ["unknown", "p7"]] } });
    expect(clusterOf(decided, "p1")).toEqual(["p1"]);
    expect(candidateBetween(decided, "p1", "p2")).toBeUndefined();
    expect(candidateBetween(decided, "p3", "p2")).toBeUndefined();
    expect(clusterOf(decided, "p7")).toEqual(["p7", "p8"]);
    const joined = decided.clusters.find((cluster) => cluster.recordIds.includes("p7"));
    expect(joined?.links).toEqual([expect.objectContaining({ a: "p7", b: "p8", decidedBy: "human" })]);
  });

  it("is deterministic and rejects duplicate ids", () => {
    expect(resolveIdentities(records)).toEqual(result);
    expect(() => resolveIdentities([{ id: "x" }, { id: "x" }])).toThrow(/unique/);
  });
});

describe("resolution quality on a generated population (2k records)", () => {
  it("auto-merges with precision ≥ 0.99 and reaches F1 ≥ 0.95 with review", () => {
    const population = generatePopulation({ records: 2_000, seed: 11 });
    const evaluation = evaluateResolution(population.records, resolveIdentities(population.records));
    expect(evaluation.auto.precision).toBeGreaterThanOrEqual(0.99);
    expect(evaluation.auto.recall).toBeGreaterThan(0.5);
    expect(evaluation.autoPlusReview.f1).toBeGreaterThanOrEqual(0.95);
  });
});
