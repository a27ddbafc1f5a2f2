import { describe, expect, it } from "vitest";
import { normalizeRecords, type IdentityRecord } from "../normalize/normalize-record";
import { COMPARISON_INDEX, LEVEL_INDEX } from "./comparison-levels";
import { compareRecords, createComparisonVector } from "./compare-records";
import { estimateNamesakeEmployers, MIN_SHARED_EMPLOYERS } from "./namesake-employers";
import { buildTermFrequencies } from "./term-frequencies";

/** `count` pairs of different people (two profiles) with one name each; `together` of them at one employer. */
function namesakes(count: number, together: number): IdentityRecord[] {
  return Array.from({ length: count }, (_, index) => {
    const name = `Given${String.fromCharCode(97 + (index % 26))}${index} Family${index}`;
    return [
      { id: `a${index}`, names: [name], organizationName: `Firm${index}`, linkedin: `linkedin.com/in/a-${index}` },
      { id: `b${index}`, names: [name], organizationName: index < together ? `Firm${index}` : `Other${index}`, linkedin: `linkedin.com/in/b-${index}` },
    ];
  }).flat();
}

describe("estimateNamesakeEmployers", () => {
  it("measures the share of sure non-matches with one name at one employer beyond what the shares predict", () => {
    const records = normalizeRecords(namesakes(40, 12));
    const tf = buildTermFrequencies(records);
    const estimate = estimateNamesakeEmployers(records, tf.organization);
    expect(estimate.pairs).toBe(40);
    expect(estimate.shared).toBe(12);
    // Each of the 40 pairs: a's employer holds 1 or 2 of the 80 records.
    expect(estimate.expected).toBeCloseTo((12 * 2 + 28) / 80, 10);
    expect(estimate.related).toBeCloseTo((12 - estimate.expected) / (40 - estimate.expected), 10);
    expect(tf.namesakeEmployer).toBeCloseTo(estimate.related, 10);
  });

  it("stays at 0 with too few shared employers, and skips pairs with one profile (maybe one person)", () => {
    const few = normalizeRecords(namesakes(40, MIN_SHARED_EMPLOYERS - 1));
    expect(estimateNamesakeEmployers(few, buildTermFrequencies(few).organization).related).toBe(0);
    const sameProfile = normalizeRecords(namesakes(40, 12).map((record) => ({ ...record, linkedin: `linkedin.com/in/${record.id.slice(1)}` })));
    expect(estimateNamesakeEmployers(sameProfile, buildTermFrequencies(sameProfile).organization).pairs).toBe(0);
  });

  it("mixes the related share into the organization's u only when the names agree", () => {
    const records = normalizeRecords([
      ...namesakes(40, 12),
      { id: "x", names: ["Ann Lee"], organizationName: "Firm0" },
      { id: "y", names: ["Bob Ray"], organizationName: "Firm0" },
    ]);
    const tf = buildTermFrequencies(records);
    const byId = new Map(records.map((record) => [record.id, record]));
    const compare = (a: string, b: string) => {
      const left = byId.get(a);
      const right = byId.get(b);
      if (!left || !right) throw new Error("record");
      return compareRecords(left, right, tf, createComparisonVector());
    };
    const share = tf.organization.get("firm0") ?? 0;
    const namesakeColleagues = compare("a0", "b0");
    expect(namesakeColleagues.levels[COMPARISON_INDEX.name]).toBe(LEVEL_INDEX.name.exact);
    expect(namesakeColleagues.adjustedU[COMPARISON_INDEX.organization]).toBeCloseTo(tf.namesakeEmployer + (1 - tf.namesakeEmployer) * share, 10);
    expect(compare("x", "y").adjustedU[COMPARISON_INDEX.organization]).toBeCloseTo(share, 10);
  });
});
