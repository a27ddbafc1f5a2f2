// Why a path is ranked where it is: each hop's strength with its strongest factors and evidence, and
// the weakest link with what it lacks most. Stored strengthFactors are parsed, not trusted: a hop whose
// JSON is missing or from another model version (the seed's "seed-v1") is shown without a breakdown.
import { parseStrengthFactors } from "../strength/stored-factors";
import type { TFactorEvidence, TFactorKey, TStrengthFactors } from "../strength/strength-factors.schema";
import type { IntroPath, PathHop } from "./intro-path.types";

export interface HopFactor {
  key: TFactorKey;
  label: string;
  normalized: number;
  contribution: number;
  evidence: TFactorEvidence;
}

export interface ExplainedHop extends PathHop {
  index: number;
  /** Largest contributions first (a member's override always listed); empty without a breakdown. */
  topFactors: HopFactor[];
  /** The whole validated document, for the expanded view; null when unavailable. */
  factors: TStrengthFactors | null;
  lastSeenAt: string | null;
  sources: string[];
  interactionCount: number | null;
}

export interface PathExplanation {
  score: number;
  hops: ExplainedHop[];
  weakestLink: ExplainedHop & {
    /** The factors whose absence costs this hop most (weight × (1 − normalized)), largest first. */
    lacking: Array<{ key: TFactorKey; label: string; normalized: number }>;
    sentence: string;
  };
}

export interface ExplainPathInput {
  path: IntroPath;
  /** The stored Edge.strengthFactors of the directed edge from → to (any JSON, or null). */
  factorsFor: (from: string, to: string) => unknown;
  /** How many factors to list per hop (default 3). */
  topFactors?: number;
}

function explainHop(hop: PathHop, index: number, stored: unknown, limit: number): ExplainedHop {
  const factors = parseStrengthFactors(stored);
  const list = factors?.factors ?? [];
  const ranked = list.filter((factor) => factor.contribution > 0 && factor.key !== "override").sort((a, b) => b.contribution - a.contribution);
  const top = ranked.slice(0, limit);
  const override = list.find((factor) => factor.key === "override");
  if (override) top.unshift(override);
  const byKey = (key: TFactorKey) => list.find((factor) => factor.key === key);
  return {
    ...hop,
    index,
    topFactors: top.map(({ key, label, normalized, contribution, evidence }) => ({ key, label, normalized, contribution, evidence })),
    factors,
    lastSeenAt: byKey("recency")?.evidence.dates.lastSeenAt ?? null,
    sources: byKey("corroboration")?.evidence.sources ?? [],
    interactionCount: byKey("frequency")?.evidence.counts.interactions ?? null,
  };
}

function lacking(hop: ExplainedHop): PathExplanation["weakestLink"]["lacking"] {
  return (hop.factors?.factors ?? [])
    .filter((factor) => factor.key !== "override" && factor.weight > 0 && factor.normalized < 1)
    .map((factor) => ({ key: factor.key, label: factor.label, normalized: factor.normalized, gap: factor.weight * (1 - factor.normalized) }))
    .sort((a, b) => b.gap - a.gap)
    .slice(0, 2)
    .map(({ key, label, normalized }) => ({ key, label, normalized }));
}

/** What a weak link lacks, in words that read after "the weakest link is …:" (labels name factors, not lacks). */
const LACKS: Record<Exclude<TFactorKey, "override">, string> = {
  recency: "little recent contact",
  frequency: "few days in contact",
  reciprocity: "little two-way contact",
  duration: "a short history",
  channel_richness: "few meetings or calls",
  corroboration: "few sources",
  mutual_connections: "few mutual connections",
  shared_organization: "no shared organization",
};

export function explainPath(input: ExplainPathInput): PathExplanation {
  const limit = input.topFactors ?? 3;
  const hops = input.path.hops.map((hop, index) => explainHop(hop, index, input.factorsFor(hop.from, hop.to), limit));
  const weakest = hops[input.path.weakestLink.index] as ExplainedHop;
  const missing = lacking(weakest);
  // Names belong to the caller (the snapshot holds ids only), so the sentence refers to the hop number.
  // Strength on the 0–100 scale every screen shows.
  const lead = `The weakest link is hop ${weakest.index + 1} (strength ${Math.round(weakest.strength * 100)}/100)`;
  const sentence =
    weakest.factors === null
      ? `${lead}; no factor breakdown is stored for it.`
      : missing.length > 0
        ? `${lead}: ${missing.map((factor) => (factor.key === "override" ? factor.label.toLowerCase() : LACKS[factor.key])).join(" and ")}.`
        : `${lead}.`;
  return { score: input.path.score, hops, weakestLink: { ...weakest, lacking: missing, sentence } };
}
