// The explanation kept with every link and review candidate, shaped for a Splink-style waterfall chart:
// the prior as the first bar, then one bar per comparison (its level, m, u and log2(m/u)), ending in the
// match weight and probability. Built only for pairs that survive scoring, so it can afford strings.
import type { NormalizedRecord } from "../normalize/normalize-record";
import { COMPARISON_LABELS, COMPARISON_LEVELS, COMPARISON_NAMES, LEVEL_LABELS, type ComparisonName } from "./comparison-levels";
import type { ComparisonVector } from "./compare-records";
import { effectiveU, levelWeight, probabilityFromWeight, type CompiledModel } from "./match-weight";

export interface ComparisonContribution {
  comparison: ComparisonName;
  /** "Email", "Name", … */
  comparisonLabel: string;
  /** Level name ("exact", "jw88", …), or null when a side was missing. */
  level: string | null;
  /** Human wording of the level, e.g. "Same email address" or "Not compared: missing on one side". */
  description: string;
  m: number | null;
  /** The u used, after any term-frequency adjustment. */
  u: number | null;
  /** log2(m/u): positive is evidence for a match, negative against, 0 when not compared. */
  weight: number;
  /** The values compared, for display ("jane@acme.com", "jane doe ↔ jayne doe"). */
  detail: string | null;
}

export interface MatchExplanation {
  /** log2(λ/(1−λ)): where the waterfall starts. */
  priorWeight: number;
  contributions: ComparisonContribution[];
  /** Prior plus all contributions. */
  matchWeight: number;
  probability: number;
}

const join = (a: readonly string[], b: readonly string[]): string | null =>
  a.length === 0 && b.length === 0 ? null : `${a.join(", ") || "—"} ↔ ${b.join(", ") || "—"}`;

function detailFor(comparison: ComparisonName, level: string | null, a: NormalizedRecord, b: NormalizedRecord): string | null {
  switch (comparison) {
    case "email":
      return level === "exact" ? (a.emails.find((email) => b.emails.includes(email)) ?? null) : join(a.emails, b.emails);
    case "phone":
      return level === "exact" ? (a.phones.find((phone) => b.phones.includes(phone)) ?? null) : join(a.phones, b.phones);
    case "linkedin":
      return join(a.linkedin ? [a.linkedin] : [], b.linkedin ? [b.linkedin] : []);
    case "name": {
      // A nameless side is compared through its addresses: show those.
      const shown = (record: NormalizedRecord) => (record.names.length > 0 ? record.names.map((name) => name.key) : record.emails);
      return level === "handle" || level === "handleDiffers" ? join(shown(a), shown(b)) : join(a.names.map((name) => name.key), b.names.map((name) => name.key));
    }
    case "organization":
      return join(a.organizationLabels, b.organizationLabels);
    case "title":
      return join(a.title ? [a.title.join(" ")] : [], b.title ? [b.title.join(" ")] : []);
  }
}

export function explainMatch(a: NormalizedRecord, b: NormalizedRecord, vector: ComparisonVector, compiled: CompiledModel): MatchExplanation {
  const contributions = COMPARISON_NAMES.map((comparison, index): ComparisonContribution => {
    const levelIndex = vector.levels[index] ?? -1;
    const level = levelIndex >= 0 ? (COMPARISON_LEVELS[comparison][levelIndex] ?? null) : null;
    const adjusted = vector.adjustedU[index] ?? Number.NaN;
    const labels = LEVEL_LABELS[comparison] as Record<string, string>;
    return {
      comparison,
      comparisonLabel: COMPARISON_LABELS[comparison],
      level,
      description: level ? (labels[level] ?? level) : "Not compared: missing on one side",
      m: level ? (compiled.m[index]?.[levelIndex] ?? null) : null,
      u: level ? effectiveU(compiled, index, levelIndex, adjusted) : null,
      weight: levelWeight(compiled, index, levelIndex, adjusted),
      detail: detailFor(comparison, level, a, b),
    };
  });
  const matchWeight = contributions.reduce((sum, contribution) => sum + contribution.weight, compiled.priorWeight);
  return { priorWeight: compiled.priorWeight, contributions, matchWeight, probability: probabilityFromWeight(matchWeight) };
}
