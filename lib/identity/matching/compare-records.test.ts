import { describe, expect, it } from "vitest";
import { normalizeRecord, normalizeRecords, type IdentityRecord } from "../normalize/normalize-record";
import { COMPARISON_INDEX, COMPARISON_LEVELS, COMPARISON_NAMES, LEVEL_INDEX } from "./comparison-levels";
import { compareRecords, createComparisonVector } from "./compare-records";
import { distinctOrganizations } from "./organizations";
import { mergeNormalizedRecords } from "./merge-normalized-records";
import { buildTermFrequencies, type TermFrequencies } from "./term-frequencies";

let next = 0;
const record = (fields: Omit<IdentityRecord, "id">): IdentityRecord => ({ id: `r${(next += 1)}`, ...fields });

function levelsOf(a: Omit<IdentityRecord, "id">, b: Omit<IdentityRecord, "id">, tf: TermFrequencies | null = null) {
  const vector = compareRecords(normalizeRecord(record(a)), normalizeRecord(record(b)), tf, createComparisonVector());
  return Object.fromEntries(COMPARISON_NAMES.map((name, index) => {
    const level = vector.levels[index] ?? -1;
    return [name, level >= 0 ? COMPARISON_LEVELS[name][level] : null];
  }));
}

describe("compareRecords: identifiers", () => {
  it("matches canonical emails, phones and LinkedIn slugs across spellings", () => {
    expect(levelsOf(
      { emails: ["J.Doe+x@googlemail.com"], phones: ["(415) 555-0123"], linkedin: "https://uk.linkedin.com/in/Jane-Doe/" },
      { emails: ["jdoe@gmail.com"], phones: ["+1 415 555 0123"], linkedin: "linkedin.com/in/jane-doe" },
    )).toMatchObject({ email: "exact", phone: "exact", linkedin: "exact" });
  });

  it("treats a missing side as not compared and different values as different", () => {
    expect(levelsOf({ emails: ["a@x.com"] }, { phones: ["(415) 555-0123"] })).toMatchObject({ email: null, phone: null, linkedin: null });
    expect(levelsOf({ linkedin: "jane-doe", phones: ["(415) 555-0123"] }, { linkedin: "jane-doe-2", phones: ["(415) 555-0199"] }))
      .toMatchObject({ linkedin: "different", phone: "different" });
  });

  it("uses a shared handle on another domain, but not one that is just the name", () => {
    expect(levelsOf({ emails: ["skyrunner82@gmail.com"] }, { emails: ["skyrunner82@acme.com"] })).toMatchObject({ email: "localPart" });
    expect(levelsOf({ names: ["John Smith"], emails: ["john.smith@gmail.com"] }, { names: ["John Smith"], emails: ["johnsmith@acme.com"] }))
      .toMatchObject({ email: "different" });
  });

  it("separates colleagues (two addresses at one company) and two personal mailboxes from other differences", () => {
    expect(levelsOf({ emails: ["john.smith@acme.com"] }, { emails: ["john.smith2@acme.com"] })).toMatchObject({ email: "sameDomainOnly" });
    expect(levelsOf({ emails: ["jane1@gmail.com"] }, { emails: ["jane.d@yahoo.com"] })).toMatchObject({ email: "differentPersonal" });
    expect(levelsOf({ emails: ["jane@acme.com"] }, { emails: ["jane.d@yahoo.com"] })).toMatchObject({ email: "different" });
  });

  it("does not count a job change twice: no shared address at two employers is its own, near-neutral level", () => {
    expect(levelsOf({ emails: ["jane@acme.com"] }, { emails: ["jdoe@globex.io"] })).toMatchObject({ email: "otherEmployers", organization: "different" });
    expect(levelsOf({ emails: ["jane.d@yahoo.com"], organizationName: "Acme" }, { emails: ["jdoe@globex.io"] })).toMatchObject({ email: "otherEmployers" });
    // Two personal mailboxes stay "differentPersonal" whatever the employers.
    expect(levelsOf({ emails: ["jane1@gmail.com"], organizationName: "Acme" }, { emails: ["jane.d@yahoo.com"], organizationName: "Globex" }))
      .toMatchObject({ email: "differentPersonal" });
  });

  it("gives two mailboxes at one employer the default organization weight, not the small employer's frequency bonus", () => {
    const records = normalizeRecords([
      { id: "a", names: ["John Smith"], emails: ["john.smith@tinyco.com"] },
      { id: "b", names: ["John Smith"], emails: ["john.smith2@tinyco.com"] },
      { id: "c", names: ["Ann Lee"], emails: ["ann.lee@tinyco.com"] },
      ...Array.from({ length: 50 }, (_, index) => ({ id: `x${index}`, names: [`Person${index} Other`], emails: [`p${index}@big.com`] })),
    ]);
    const tf = buildTermFrequencies(records);
    const [a, b] = records;
    if (!a || !b) throw new Error("records");
    const colleagues = compareRecords(a, b, tf, createComparisonVector());
    expect(colleagues.levels[COMPARISON_INDEX.email]).toBe(LEVEL_INDEX.email.sameDomainOnly);
    expect(colleagues.levels[COMPARISON_INDEX.organization]).toBe(LEVEL_INDEX.organization.same);
    expect(colleagues.adjustedU[COMPARISON_INDEX.organization]).toBeNaN();
    // The same employer agreeing without two mailboxes keeps its frequency.
    const sameCompany = compareRecords(a, normalizeRecord({ id: "d", organizationName: "TinyCo" }), tf, createComparisonVector());
    expect(sameCompany.adjustedU[COMPARISON_INDEX.organization]).toBeCloseTo(3 / 53, 10);
  });
});

describe("compareRecords: names", () => {
  it("counts a shared name among other people's records, not the compared sides' own", () => {
    const records = normalizeRecords([
      { id: "a", names: ["Zora Quillfeather"] },
      { id: "b", names: ["Zora Quillfeather"] },
      { id: "c", names: ["Zora Quillfeather"] },
      { id: "d", names: ["Zora Smith"] },
      ...Array.from({ length: 16 }, (_, index) => ({ id: `x${index}`, names: [`Person${index} Other`] })),
    ]);
    const tf = buildTermFrequencies(records);
    const [a, b, c] = records;
    if (!a || !b || !c) throw new Error("records");
    // Two single records: "zora" on 4 of 20 records, 3 outside either; "quillfeather" on 3, 2 outside.
    expect(compareRecords(a, b, tf, createComparisonVector()).adjustedU[COMPARISON_INDEX.name]).toBeCloseTo((3 / 20) * (2 / 20), 12);
    // A cluster of a and b against c: without the cluster's two records 2 and 1 remain, without c's 3 and 2.
    const cluster = mergeNormalizedRecords("ab", [a, b]);
    expect(compareRecords(cluster, c, tf, createComparisonVector()).adjustedU[COMPARISON_INDEX.name])
      .toBeCloseTo((Math.sqrt(2 * 3) / 20) * (Math.sqrt(1 * 2) / 20), 12);
  });

  it.each([
    ["Jane Doe", "DOE, Jane", "exact"],
    ["Robert Smith", "Bob Smith", "nickname"],
    ["Katherine Jones", "Kate Jones", "nickname"],
    ["Jonathan Smith", "Jonathon Smith", "jw95"],
    ["John Smith", "Smith John", "swapped"],
    ["J. Smith", "John Smith", "initials"],
    ["Susan Nair", "Susan Osthart", "different"],
    ["Alice Walker", "Bob Jones", "different"],
  ])("%s vs %s → %s", (a, b, level) => {
    expect(levelsOf({ names: [a] }, { names: [b] }).name).toBe(level);
  });

  it.each([
    ["Belski Susie", "Susan Belski", "nickname"],
    ["Rivera Petra", "Petra Rievra", "jw95"],
    ["Lopez C.", "Christopher Lopez", "initials"],
    ["Smith John", "John Smith", "swapped"],
  ])("surname first: %s vs %s → %s", (a, b, level) => {
    expect(levelsOf({ names: [a] }, { names: [b] }).name).toBe(level);
  });

  it("takes the best-agreeing pair when a record has several names", () => {
    expect(levelsOf({ names: ["J. Doe", "Jane Doe"] }, { names: ["Jane Doe"] }).name).toBe("exact");
  });

  it("lets a lone given name neither confirm nor rule out a full name it agrees with", () => {
    expect(levelsOf({ names: ["Bob"] }, { names: ["Robert Smith"] }).name).toBeNull();
    expect(levelsOf({ names: ["Alice"] }, { names: ["Robert Smith"] }).name).toBe("different");
  });

  it("adjusts u by name frequency: a common name agreeing is weaker evidence than a rare one", () => {
    const population = normalizeRecords([
      ...Array.from({ length: 30 }, (_, index) => record({ names: [index % 2 ? "John Smith" : "John Brown"] })),
      record({ names: ["Xiaoling Okonkwo"] }),
    ]);
    const tf = buildTermFrequencies(population);
    const uOf = (name: string) => {
      const vector = compareRecords(normalizeRecord(record({ names: [name] })), normalizeRecord(record({ names: [name] })), tf, createComparisonVector());
      return vector.adjustedU[COMPARISON_INDEX.name] ?? Number.NaN;
    };
    expect(uOf("John Smith")).toBeGreaterThan(uOf("Xiaoling Okonkwo") * 10);
  });
});

describe("compareRecords: organization and title", () => {
  it("recognizes one company across legal forms, name and domain", () => {
    expect(levelsOf({ organizationName: "Acme, Inc." }, { organizationName: "ACME LLC" }).organization).toBe("same");
    expect(levelsOf({ organizationName: "Brightlane Payments" }, { emails: ["jane@brightlane.com"] }).organization).toBe("same");
    expect(levelsOf({ organizationName: "Acme" }, { emails: ["jane@gmail.com"] }).organization).toBeNull();
    expect(levelsOf({ organizationName: "Acme" }, { organizationName: "Globex" }).organization).toBe("different");
  });

  it("scales the agreed organization's u by the number of employers each side shows (a union has more chances)", () => {
    const records = normalizeRecords([
      { id: "a", organizationName: "TinyCo" },
      { id: "b", organizationName: "TinyCo", emails: ["b@tinyco.com"] },
      { id: "c", organizationName: "Globex" },
      ...Array.from({ length: 17 }, (_, index) => ({ id: `x${index}`, organizationName: `Other${index}` })),
    ]);
    const tf = buildTermFrequencies(records);
    const [a, b, c] = records;
    if (!a || !b || !c) throw new Error("records");
    // "TinyCo" and its domain label "tinyco" are one employer: the share alone.
    expect(compareRecords(a, b, tf, createComparisonVector()).adjustedU[COMPARISON_INDEX.organization]).toBeCloseTo(2 / 20, 10);
    // A cluster that worked at TinyCo and Globex (a job change) against one at TinyCo: two chances.
    const history = mergeNormalizedRecords("ac", [a, c]);
    expect(compareRecords(history, b, tf, createComparisonVector()).adjustedU[COMPARISON_INDEX.organization]).toBeCloseTo(2 * (2 / 20), 10);
    expect(distinctOrganizations(["brightlanepayments", "brightlane", "globex"])).toEqual(["brightlanepayments", "globex"]);
  });

  it("compares titles only when the organizations do not differ", () => {
    expect(levelsOf({ organizationName: "Acme", title: "Sr. Eng. Mgr" }, { organizationName: "Acme", title: "Senior Engineering Manager" }).title).toBe("exact");
    expect(levelsOf({ title: "Senior Software Engineer" }, { title: "Software Engineer" }).title).toBe("similar");
    expect(levelsOf({ organizationName: "Acme", title: "CEO" }, { organizationName: "Globex", title: "CFO" }).title).toBeNull();
  });
});

describe("compareRecords: a nameless record's address against a name", () => {
  const population = normalizeRecords([
    { id: "p1", names: ["Jennifer Ramirez"] }, { id: "p2", names: ["John Smith"] }, { id: "p3", names: ["John Smith"] },
    { id: "p4", names: ["Mary Okafor"] },
  ]);
  const tf = buildTermFrequencies(population);

  it("is 'handle' when an address spells the name, with u from the name as spelled", () => {
    const named = normalizeRecord(record({ names: ["Jennifer Ramírez"] }));
    const vector = compareRecords(normalizeRecord(record({ emails: ["jramirez@falconfield.com"] })), named, tf, createComparisonVector());
    expect(vector.levels[COMPARISON_INDEX.name]).toBe(LEVEL_INDEX.name.handle);
    // initial j (2 of 4 records: Jennifer, John ×2 → 3/4) × last "ramirez" (1/4)
    expect(vector.adjustedU[COMPARISON_INDEX.name]).toBeCloseTo((3 / 4) * (1 / 4), 6);
    expect(levelsOf({ names: ["Jennifer Ramirez"] }, { emails: ["jennifer.ramirez90@outlook.com"] })).toMatchObject({ name: "handle" });
  });

  it("is 'handleDiffers' when no address spells it, and not compared without an address", () => {
    expect(levelsOf({ names: ["Jennifer Ramirez"] }, { emails: ["skyrunner82@gmail.com"] })).toMatchObject({ name: "handleDiffers" });
    expect(levelsOf({ names: ["Jennifer Ramirez"] }, { phones: ["(415) 555-0123"] })).toMatchObject({ name: null });
  });

  it("puts an initial's frequency on a full name's scale", () => {
    const vector = compareRecords(normalizeRecord(record({ names: ["J. Smith"] })), normalizeRecord(record({ names: ["John Smith"] })), tf, createComparisonVector());
    expect(vector.levels[COMPARISON_INDEX.name]).toBe(LEVEL_INDEX.name.initials);
    // initial j: 3 of 4 records, smith: 2 of 4, 1 outside each side's own record (the share among other
    // people's records); given names share² = (1+4+1)/16, initials (9+1)/16.
    expect(tf.initialToGivenName).toBeCloseTo(6 / 10, 10);
    expect(vector.adjustedU[COMPARISON_INDEX.name]).toBeCloseTo((3 / 4) * (6 / 10) * (1 / 4), 10);
  });

  it("weighs an exact swap by the name's frequency, like an exact name", () => {
    const common = compareRecords(normalizeRecord(record({ names: ["Smith John"] })), normalizeRecord(record({ names: ["John Smith"] })), tf, createComparisonVector());
    const rare = compareRecords(normalizeRecord(record({ names: ["Okafor Mary"] })), normalizeRecord(record({ names: ["Mary Okafor"] })), tf, createComparisonVector());
    expect(common.levels[COMPARISON_INDEX.name]).toBe(LEVEL_INDEX.name.swapped);
    expect(common.adjustedU[COMPARISON_INDEX.name]).toBeGreaterThan(rare.adjustedU[COMPARISON_INDEX.name] ?? 1);
  });
});
