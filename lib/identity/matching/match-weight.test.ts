import { describe, expect, it } from "vitest";
import { normalizeRecord } from "../normalize/normalize-record";
import { COMPARISON_INDEX, COMPARISON_LEVELS, COMPARISON_NAMES, LEVEL_INDEX } from "./comparison-levels";
import { compareRecords, createComparisonVector } from "./compare-records";
import { explainMatch } from "./explain-match";
import { defaultMatchParameters, defaultPrior, TERM_FREQUENCY_FLOOR } from "./match-parameters";
import { compileModel, levelParameters, levelWeight, log2Odds, matchWeight, probabilityFromWeight } from "./match-weight";

describe("default parameters", () => {
  const parameters = defaultMatchParameters(10_000);

  it("has m and u in (0, 1] for every level, and m summing to 1 per comparison except the conditional levels", () => {
    for (const comparison of COMPARISON_NAMES) {
      const levels = levelParameters(parameters, comparison);
      expect(levels).toHaveLength(COMPARISON_LEVELS[comparison].length);
      for (const { m, u } of levels) {
        expect(m).toBeGreaterThan(0);
        expect(u).toBeGreaterThan(0);
        expect(u).toBeLessThanOrEqual(1);
      }
      const conditional = comparison === "email" ? parameters.email.sameDomainOnly.m + parameters.email.otherEmployers.m
        : comparison === "name" ? parameters.name.handle.m + parameters.name.handleDiffers.m : 0;
      expect(levels.reduce((sum, level) => sum + level.m, 0) - conditional).toBeCloseTo(1, 3);
    }
    // The name levels of a nameless side are a comparison of their own.
    expect(parameters.name.handle.m + parameters.name.handleDiffers.m).toBeCloseTo(1, 3);
  });

  it("sums u to 1 per comparison, except the conditional levels", () => {
    for (const comparison of COMPARISON_NAMES) {
      const total = levelParameters(parameters, comparison).reduce((sum, level) => sum + level.u, 0);
      const conditional = comparison === "email" ? parameters.email.sameDomainOnly.u + parameters.email.otherEmployers.u
        : comparison === "name" ? parameters.name.handle.u + parameters.name.handleDiffers.u : 0;
      expect(total - conditional).toBeCloseTo(1, 2);
    }
    expect(parameters.name.handle.u + parameters.name.handleDiffers.u).toBeCloseTo(1, 3);
  });

  it("scales identifier u and the prior with the population", () => {
    expect(defaultMatchParameters(100_001).email.exact.u).toBeCloseTo(defaultMatchParameters(10_001).email.exact.u / 10, 12);
    expect(defaultPrior(1_001, 2)).toBeCloseTo(0.002, 12);
  });

  it("makes agreement evidence for and disagreement evidence against", () => {
    const compiled = compileModel({ parameters, lambda: 0.001 });
    const weight = (comparison: keyof typeof COMPARISON_INDEX, level: number) => levelWeight(compiled, COMPARISON_INDEX[comparison], level, Number.NaN);
    expect(weight("email", LEVEL_INDEX.email.exact)).toBeGreaterThan(15);
    expect(weight("linkedin", LEVEL_INDEX.linkedin.different)).toBeLessThan(-8);
    expect(weight("email", LEVEL_INDEX.email.sameDomainOnly)).toBeLessThan(-8);
    // No shared address at two employers: already counted by "different organizations".
    expect(Math.abs(weight("email", LEVEL_INDEX.email.otherEmployers))).toBeLessThan(0.1);
    expect(weight("name", LEVEL_INDEX.name.different)).toBeLessThan(-5);
    expect(weight("name", -1)).toBe(0);
  });
});

describe("Fellegi–Sunter arithmetic", () => {
  it("turns a weight into 1 / (1 + 2^-w) and back", () => {
    expect(probabilityFromWeight(0)).toBe(0.5);
    expect(probabilityFromWeight(10)).toBeCloseTo(1024 / 1025, 12);
    expect(log2Odds(probabilityFromWeight(3.7))).toBeCloseTo(3.7, 10);
  });

  it("adds the prior log2(λ/(1−λ)) and Σ log2(m/u)", () => {
    const parameters = defaultMatchParameters(1_000);
    const compiled = compileModel({ parameters, lambda: 0.01 });
    const vector = createComparisonVector();
    vector.levels.fill(-1);
    vector.adjustedU.fill(Number.NaN);
    vector.levels[COMPARISON_INDEX.phone] = LEVEL_INDEX.phone.exact;
    vector.levels[COMPARISON_INDEX.title] = LEVEL_INDEX.title.different;
    const expected = Math.log2(0.01 / 0.99)
      + Math.log2(parameters.phone.exact.m / parameters.phone.exact.u)
      + Math.log2(parameters.title.different.m / parameters.title.different.u);
    expect(matchWeight(vector, compiled)).toBeCloseTo(expected, 10);
  });

  it("floors a term-frequency u and only ever raises the email local-part u", () => {
    const compiled = compileModel({ parameters: defaultMatchParameters(1_000), lambda: 0.01 });
    const name = COMPARISON_INDEX.name;
    expect(levelWeight(compiled, name, LEVEL_INDEX.name.exact, 1e-15)).toBeCloseTo(Math.log2(0.72 / TERM_FREQUENCY_FLOOR), 6);
    const email = COMPARISON_INDEX.email;
    const local = LEVEL_INDEX.email.localPart;
    expect(levelWeight(compiled, email, local, 1e-12)).toBeCloseTo(levelWeight(compiled, email, local, Number.NaN), 10);
    expect(levelWeight(compiled, email, local, 0.01)).toBeLessThan(levelWeight(compiled, email, local, Number.NaN));
  });
});

describe("term frequencies of presentation variants", () => {
  it("weighs a swap or an initial relative to an exact name: log2(m/u_level) + log2(u_exact/f)", () => {
    const parameters = defaultMatchParameters(10_000);
    const compiled = compileModel({ parameters, lambda: 0.001 });
    const name = COMPARISON_INDEX.name;
    const share = 0.00001;
    expect(levelWeight(compiled, name, LEVEL_INDEX.name.exact, share)).toBeCloseTo(Math.log2(parameters.name.exact.m / share), 10);
    for (const level of ["swapped", "initials"] as const) {
      const expected = Math.log2(parameters.name[level].m / parameters.name[level].u) + Math.log2(parameters.name.exact.u / share);
      expect(levelWeight(compiled, name, LEVEL_INDEX.name[level], share)).toBeCloseTo(expected, 10);
    }
    // A swap of a name is nearly as telling as the name itself: two different people need the same name
    // *and* one of them written the other way round.
    expect(levelWeight(compiled, name, LEVEL_INDEX.name.swapped, share)).toBeGreaterThan(levelWeight(compiled, name, LEVEL_INDEX.name.exact, share) - 1);
    // Typos and nicknames keep u = the frequency of what was seen.
    expect(levelWeight(compiled, name, LEVEL_INDEX.name.jw95, share)).toBeCloseTo(Math.log2(parameters.name.jw95.m / share), 10);
    expect(levelWeight(compiled, name, LEVEL_INDEX.name.nickname, share)).toBeCloseTo(Math.log2(parameters.name.nickname.m / share), 10);
  });
});

describe("explainMatch", () => {
  it("is a waterfall: prior plus the contributions gives the match weight and probability", () => {
    const compiled = compileModel({ parameters: defaultMatchParameters(10_000), lambda: 0.0002 });
    const a = normalizeRecord({ id: "a", names: ["Jane Doe"], emails: ["jane@acme.com"], organizationName: "Acme" });
    const b = normalizeRecord({ id: "b", names: ["Doe, Jane"], emails: ["Jane@Acme.com"], phones: ["(415) 555-0123"] });
    const vector = compareRecords(a, b, null, createComparisonVector());
    const explanation = explainMatch(a, b, vector, compiled);
    expect(explanation.contributions.map((contribution) => contribution.comparison)).toEqual([...COMPARISON_NAMES]);
    const sum = explanation.contributions.reduce((total, contribution) => total + contribution.weight, explanation.priorWeight);
    expect(explanation.matchWeight).toBeCloseTo(sum, 10);
    expect(explanation.matchWeight).toBeCloseTo(matchWeight(vector, compiled), 10);
    expect(explanation.probability).toBeCloseTo(probabilityFromWeight(sum), 12);
    expect(explanation.contributions.find((contribution) => contribution.comparison === "email")).toMatchObject({
      level: "exact", description: "Same email address", detail: "jane@acme.com",
    });
    expect(explanation.contributions.find((contribution) => contribution.comparison === "phone")).toMatchObject({ level: null, weight: 0, m: null, u: null });
  });
});
