import { describe, expect, it } from "vitest";
import { COMPARISON_INDEX, COMPARISON_NAMES, LEVEL_INDEX } from "./comparison-levels";
import { leftApartParameters } from "./left-apart-parameters";
import { defaultMatchParameters } from "./match-parameters";
import { compileModel, levelParameters, levelWeight } from "./match-weight";

describe("leftApartParameters", () => {
  const parameters = defaultMatchParameters(100_000);
  const leftApart = leftApartParameters(parameters);
  const weight = (compiled: ReturnType<typeof compileModel>, level: number) => levelWeight(compiled, COMPARISON_INDEX.email, level, Number.NaN);

  it("makes 'no address in common' no evidence between clusters auto-merge left apart", () => {
    const record = compileModel({ parameters, lambda: 0.001 });
    const cluster = compileModel({ parameters: leftApart, lambda: 0.001 });
    expect(weight(record, LEVEL_INDEX.email.different)).toBeLessThan(-1.5);
    expect(weight(cluster, LEVEL_INDEX.email.different)).toBe(0);
    expect(leftApart.email.different.u).toBe(parameters.email.different.u);
  });

  it("keeps every other level, LinkedIn's 'different profiles' and two personal addresses included", () => {
    for (const comparison of COMPARISON_NAMES) {
      const before = levelParameters(parameters, comparison);
      const after = levelParameters(leftApart, comparison);
      before.forEach((level, at) => {
        if (comparison === "email" && at === LEVEL_INDEX.email.different) return;
        expect(after[at]).toEqual(level);
      });
    }
    expect(parameters.email.different.m).toBeCloseTo(0.2497, 6); // the input is not modified
  });
});
