// Fellegi–Sunter arithmetic. Each level contributes log2(m/u) bits; the prior contributes log2(λ/(1−λ));
// the match weight is their sum and the probability 1 / (1 + 2^−weight). Weights are compiled into flat
// arrays once per run because the scoring loop evaluates them for every candidate pair.
import { COMPARISON_LEVELS, COMPARISON_NAMES, type ComparisonName } from "./comparison-levels";
import type { ComparisonVector } from "./compare-records";
import type { LevelParameters, MatchParameters } from "./match-parameters";
import { TERM_FREQUENCY_FLOOR, TERM_FREQUENCY_MODE, TERM_FREQUENCY_RELATIVE_TO_EXACT } from "./match-parameters";

export interface MatchModel {
  parameters: MatchParameters;
  /** Prior probability that two random records are the same person. */
  lambda: number;
}

export interface CompiledModel {
  /** Per comparison: true when a term frequency may only raise u (TERM_FREQUENCY_MODE "atLeast"). */
  tfAtLeast: boolean[];
  /** m, u and log2(m/u) per comparison (in COMPARISON_NAMES order), per level. */
  m: Float64Array[];
  u: Float64Array[];
  weights: Float64Array[];
  /**
   * Per comparison, per level: the factor a term-frequency u is multiplied by, u_level / u_exact for the
   * levels of TERM_FREQUENCY_RELATIVE_TO_EXACT and 1 for the others (u = the frequency itself).
   */
  tfScale: Float64Array[];
  priorWeight: number;
}

export function log2Odds(probability: number): number {
  return Math.log2(probability / (1 - probability));
}

export function probabilityFromWeight(weight: number): number {
  return 1 / (1 + 2 ** -weight);
}

export function levelParameters(parameters: MatchParameters, comparison: (typeof COMPARISON_NAMES)[number]): LevelParameters[] {
  const levels = parameters[comparison] as Record<string, LevelParameters>;
  return COMPARISON_LEVELS[comparison].map((level) => {
    const found = levels[level];
    if (!found) throw new Error(`Missing m/u for ${comparison}.${level}`);
    return found;
  });
}

export function compileModel(model: MatchModel): CompiledModel {
  const perComparison = COMPARISON_NAMES.map((name) => levelParameters(model.parameters, name));
  const modes: Partial<Record<ComparisonName, string>> = TERM_FREQUENCY_MODE;
  return {
    tfAtLeast: COMPARISON_NAMES.map((name) => modes[name] === "atLeast"),
    m: perComparison.map((levels) => Float64Array.from(levels, (level) => level.m)),
    u: perComparison.map((levels) => Float64Array.from(levels, (level) => level.u)),
    weights: perComparison.map((levels) => Float64Array.from(levels, (level) => Math.log2(level.m / level.u))),
    tfScale: COMPARISON_NAMES.map((name, index) => {
      const levels = perComparison[index] ?? [];
      const relative: readonly string[] = (TERM_FREQUENCY_RELATIVE_TO_EXACT as Partial<Record<ComparisonName, readonly string[]>>)[name] ?? [];
      const exactU = levels[0]?.u ?? 1; // the first level of a comparison is its exact agreement
      return Float64Array.from(COMPARISON_LEVELS[name], (level, at) => (relative.includes(level) ? (levels[at]?.u ?? exactU) / exactU : 1));
    }),
    priorWeight: log2Odds(model.lambda),
  };
}

/** The u a level uses: its default, or the term-frequency-adjusted one (floored, or only raised). */
export function effectiveU(compiled: CompiledModel, comparison: number, level: number, adjustedU: number): number {
  const defaultU = compiled.u[comparison]?.[level] ?? 1;
  if (Number.isNaN(adjustedU)) return defaultU;
  if (compiled.tfAtLeast[comparison]) return Math.max(defaultU, adjustedU);
  return Math.max(TERM_FREQUENCY_FLOOR, adjustedU) * (compiled.tfScale[comparison]?.[level] ?? 1);
}

/** log2(m/u) of one comparison's level, using the term-frequency-adjusted u when there is one. */
export function levelWeight(compiled: CompiledModel, comparison: number, level: number, adjustedU: number): number {
  if (level < 0) return 0;
  if (Number.isNaN(adjustedU)) return compiled.weights[comparison]?.[level] ?? 0;
  return Math.log2((compiled.m[comparison]?.[level] ?? 0) / effectiveU(compiled, comparison, level, adjustedU));
}

/** Prior plus every comparison's contribution. */
export function matchWeight(vector: ComparisonVector, compiled: CompiledModel): number {
  let weight = compiled.priorWeight;
  for (let comparison = 0; comparison < vector.levels.length; comparison += 1) {
    weight += levelWeight(compiled, comparison, vector.levels[comparison] ?? -1, vector.adjustedU[comparison] ?? Number.NaN);
  }
  return weight;
}
