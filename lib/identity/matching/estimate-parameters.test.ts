import { describe, expect, it } from "vitest";
import { createRng } from "../../seed/demo/prng";
import { generatePopulation } from "../generator/generate-population";
import { normalizeRecords } from "../normalize/normalize-record";
import { candidateVectors } from "./candidate-vectors";
import { COMPARISON_INDEX as C, COMPARISON_NAMES, LEVEL_INDEX as L } from "./comparison-levels";
import { estimateParameters } from "./estimate-parameters";
import { defaultMatchParameters, type MatchParameters } from "./match-parameters";
import { levelParameters } from "./match-weight";

/** Planted parameters: each comparison's m and u as level distributions (COMPARISON_LEVELS order). */
const PLANTED_M: Record<string, number[]> = {
  email: [0.6, 0.05, 0.01, 0.04, 0.3], phone: [0.85, 0.15], linkedin: [0.97, 0.03],
  name: [0.6, 0.15, 0.08, 0.04, 0.05, 0.04, 0.02, 0.02], organization: [0.8, 0.2], title: [0.6, 0.2, 0.2],
};
const PLANTED_U: Record<string, number[]> = {
  email: [0.01, 0.01, 0.05, 0.13, 0.8], phone: [0.02, 0.98], linkedin: [0.01, 0.99],
  name: [0.05, 0.02, 0.03, 0.01, 0.04, 0.1, 0.15, 0.6], organization: [0.2, 0.8], title: [0.1, 0.1, 0.8],
};

function draw(next: () => number, distribution: readonly number[]): number {
  let target = next();
  for (let level = 0; level < distribution.length; level += 1) {
    target -= distribution[level] ?? 0;
    if (target < 0) return level;
  }
  return distribution.length - 1;
}

function plantedVectors(count: number, lambda: number, seed: number): Int8Array[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, () => {
    const match = rng.chance(lambda);
    return Int8Array.from(COMPARISON_NAMES, (name) =>
      rng.chance(0.2) ? -1 : draw(rng.next, (match ? PLANTED_M : PLANTED_U)[name] ?? []));
  });
}

function maxError(estimated: MatchParameters, planted: Record<string, number[]>, key: "m" | "u"): number {
  let worst = 0;
  for (const name of COMPARISON_NAMES) {
    levelParameters(estimated, name).forEach((level, index) => {
      worst = Math.max(worst, Math.abs(level[key] - (planted[name]?.[index] ?? 0)));
    });
  }
  return worst;
}

describe("estimateParameters (EM)", () => {
  it("recovers planted m, u and λ from unlabelled comparison vectors", () => {
    const vectors = plantedVectors(20_000, 0.3, 7);
    const result = estimateParameters(vectors, defaultMatchParameters(1_000), 0.1);
    expect(result.converged).toBe(true);
    expect(result.lambda).toBeCloseTo(0.3, 1);
    expect(maxError(result.parameters, PLANTED_M, "m")).toBeLessThan(0.03);
    expect(maxError(result.parameters, PLANTED_U, "u")).toBeLessThan(0.03);
  });

  it("keeps u fixed when asked", () => {
    const initial = defaultMatchParameters(1_000);
    const result = estimateParameters(plantedVectors(2_000, 0.3, 8), initial, 0.1, { fixU: true });
    expect(result.parameters.name.exact.u).toBe(initial.name.exact.u);
    expect(result.parameters.name.exact.m).not.toBe(initial.name.exact.m);
  });

  it("roughly recovers the labelled m of the generated population from its blocked pairs", () => {
    const population = generatePopulation({ records: 2_000, seed: 3 });
    const { pairs, levels } = candidateVectors(normalizeRecords(population.records));
    const result = estimateParameters(levels, defaultMatchParameters(2_000), 0.3);
    const labelledShare = (comparison: number, level: number) => {
      let inLevel = 0;
      let compared = 0;
      pairs.forEach(([a, b], index) => {
        const observed = levels[index]?.[comparison] ?? -1;
        if (population.records[a]?.entityId !== population.records[b]?.entityId || observed < 0) return;
        compared += 1;
        if (observed === level) inLevel += 1;
      });
      return inLevel / compared;
    };
    expect(result.parameters.name.exact.m).toBeCloseTo(labelledShare(C.name, L.name.exact), 1);
    expect(result.parameters.phone.exact.m).toBeCloseTo(labelledShare(C.phone, L.phone.exact), 1);
    expect(Math.abs(result.parameters.email.exact.m - labelledShare(C.email, L.email.exact))).toBeLessThan(0.15);
  });
});
