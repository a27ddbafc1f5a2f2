// How Edge.strengthFactors is stored: the explanation scoreEdge builds (ZStrengthFactors), written compactly.
// Every factor keeps its raw value, normalized score, weight, contribution and evidence counts; what the full
// document repeats in every factor is stored once: the evidence dates and sources (each factor's share of
// them is fixed by its key, FACTOR_EVIDENCE below) and the labels (presentation, derived from the key). The
// full document is about 2.1 kB of JSON, over PostgreSQL's 2 kB TOAST threshold, so every write paid for a
// compression; the compact one is about 1.2 kB and is stored as it is. expand(compact(x)) returns x exactly
// (a unit test checks it over generated pairs), so readers see the same document either way.
//
// Readers call parseStrengthFactors, which also accepts the full layout (documents written before, and seeds
// or fixtures that store scoreEdge's output directly).
import { z } from "zod";
import { FACTOR_LABELS, OVERRIDE_LABELS } from "./factors";
import { ZFactorKey, ZStrengthFactors, ZStrengthOverride, type TFactorKey, type TStrengthFactors } from "./strength-factors.schema";
import { STRENGTH_VERSION } from "./weights";

/** Which of the document's evidence dates and sources each factor's evidence lists. */
const FACTOR_EVIDENCE: Record<TFactorKey, { dates: ReadonlyArray<"firstSeenAt" | "lastSeenAt">; sources: "all" | "none" | "manual" }> = {
  recency: { dates: ["lastSeenAt"], sources: "all" },
  frequency: { dates: ["firstSeenAt", "lastSeenAt"], sources: "all" },
  reciprocity: { dates: [], sources: "all" },
  duration: { dates: ["firstSeenAt", "lastSeenAt"], sources: "all" },
  channel_richness: { dates: [], sources: "all" },
  corroboration: { dates: [], sources: "all" },
  mutual_connections: { dates: [], sources: "none" },
  shared_organization: { dates: [], sources: "none" },
  override: { dates: [], sources: "manual" },
};

const finite = z.number();

export const ZStoredFactor = z.object({
  key: ZFactorKey,
  raw: z.union([finite, z.boolean(), z.string()]),
  normalized: z.number().min(0).max(1),
  weight: finite,
  contribution: finite,
  counts: z.record(z.string(), finite),
});

/** The stored layout ("encoding": "compact"). */
export const ZStoredStrengthFactors = z.object({
  version: z.literal(STRENGTH_VERSION),
  encoding: z.literal("compact"),
  score: z.number().min(0).max(1),
  computedAt: z.iso.datetime(),
  halfLifeDays: z.number().positive(),
  override: ZStrengthOverride.nullable(),
  /** The pair's first and last interaction (ISO 8601), when known. */
  firstSeenAt: z.iso.datetime().nullable(),
  lastSeenAt: z.iso.datetime().nullable(),
  /** Source names that contributed. */
  sources: z.array(z.string()),
  factors: z.array(ZStoredFactor).min(1),
});
export type TStoredStrengthFactors = z.infer<typeof ZStoredStrengthFactors>;

/** The full document → the stored one. Throws if the document lists evidence the layout cannot restore. */
export function compactStrengthFactors(full: TStrengthFactors): TStoredStrengthFactors {
  let sources: string[] = [];
  let firstSeenAt: string | null = null;
  let lastSeenAt: string | null = null;
  for (const factor of full.factors) {
    const rule = FACTOR_EVIDENCE[factor.key];
    if (rule.sources === "all" && factor.evidence.sources.length > sources.length) sources = factor.evidence.sources;
    firstSeenAt ??= factor.evidence.dates.firstSeenAt ?? null;
    lastSeenAt ??= factor.evidence.dates.lastSeenAt ?? null;
  }
  return {
    version: full.version,
    encoding: "compact",
    score: full.score,
    computedAt: full.computedAt,
    halfLifeDays: full.halfLifeDays,
    override: full.override,
    firstSeenAt,
    lastSeenAt,
    sources,
    factors: full.factors.map((factor) => ({
      key: factor.key,
      raw: factor.raw,
      normalized: factor.normalized,
      weight: factor.weight,
      contribution: factor.contribution,
      counts: factor.evidence.counts,
    })),
  };
}

/** The stored document → the full one readers and screens use. */
export function expandStrengthFactors(stored: TStoredStrengthFactors): TStrengthFactors {
  return {
    version: stored.version,
    score: stored.score,
    computedAt: stored.computedAt,
    halfLifeDays: stored.halfLifeDays,
    factors: stored.factors.map((factor) => {
      const rule = FACTOR_EVIDENCE[factor.key];
      const dates: Record<string, string> = {};
      for (const name of rule.dates) {
        const value = name === "firstSeenAt" ? stored.firstSeenAt : stored.lastSeenAt;
        if (value !== null) dates[name] = value;
      }
      const label = factor.key === "override" ? OVERRIDE_LABELS[stored.override ?? "knows_well"] : FACTOR_LABELS[factor.key];
      return {
        key: factor.key,
        label,
        raw: factor.raw,
        normalized: factor.normalized,
        weight: factor.weight,
        contribution: factor.contribution,
        evidence: { counts: factor.counts, dates, sources: rule.sources === "all" ? stored.sources : rule.sources === "manual" ? ["manual"] : [] },
      };
    }),
    override: stored.override,
  };
}

/** A stored Edge.strengthFactors value, in either layout, as the full document; null when it is neither. */
export function parseStrengthFactors(value: unknown): TStrengthFactors | null {
  if (value !== null && typeof value === "object" && (value as { encoding?: unknown }).encoding === "compact") {
    const stored = ZStoredStrengthFactors.safeParse(value);
    if (!stored.success) return null;
    const full = ZStrengthFactors.safeParse(expandStrengthFactors(stored.data));
    return full.success ? full.data : null;
  }
  const full = ZStrengthFactors.safeParse(value);
  return full.success ? full.data : null;
}
