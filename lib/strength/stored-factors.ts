// How Edge.strengthFactors is stored: the explanation scoreEdge builds (ZStrengthFactors), written compactly.
// Every factor keeps its raw value, normalized score, weight, contribution and evidence counts; what the full
// document repeats in every factor is stored once: the evidence dates and sources (each factor's share of
// them is fixed by its key, FACTOR_EVIDENCE below) and the labels (presentation, derived from the key).
// Two stored layouts, both read by parseStrengthFactors:
// - "compact": factors as objects ({ key, raw, normalized, weight, contribution, counts }); what
//   scoreStoredFactors builds in memory, and what edges written before the packed layout hold;
// - "packed" (written now): the same document with each factor as a tuple
//   [key, raw, normalized, weight, contribution, counts]. Its field names were a third of the JSON, and
//   every byte is parsed by PostgreSQL on the way in and written twice (once per direction).
// The full document is about 2.1 kB of JSON, over PostgreSQL's 2 kB TOAST threshold; the compact one about
// 1.2 kB, the packed one about 0.8 kB. expand(unpack(pack(compact(x)))) returns x exactly (a unit test
// checks it over generated pairs), so readers see the same document whichever layout a row holds.
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

export type TStoredFactor = z.infer<typeof ZStoredFactor>;

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

/** A factor in the packed layout: [key, raw, normalized, weight, contribution, counts]. */
export const ZPackedFactor = z.tuple([ZStoredFactor.shape.key, ZStoredFactor.shape.raw, ZStoredFactor.shape.normalized, finite, finite, ZStoredFactor.shape.counts]);

/** The written layout ("encoding": "packed"): the compact document with tuples for factors. */
export const ZPackedStrengthFactors = ZStoredStrengthFactors.extend({
  encoding: z.literal("packed"),
  factors: z.array(ZPackedFactor).min(1),
});
export type TPackedStrengthFactors = z.infer<typeof ZPackedStrengthFactors>;

/** compact → packed (what the edge writers store). */
export function packStrengthFactors(stored: TStoredStrengthFactors): TPackedStrengthFactors {
  return {
    ...stored,
    encoding: "packed",
    factors: stored.factors.map((factor) => [factor.key, factor.raw, factor.normalized, factor.weight, factor.contribution, factor.counts]),
  };
}

/** packed → compact. */
export function unpackStrengthFactors(packed: TPackedStrengthFactors): TStoredStrengthFactors {
  return {
    ...packed,
    encoding: "compact",
    factors: packed.factors.map(([key, raw, normalized, weight, contribution, counts]) => ({ key, raw, normalized, weight, contribution, counts })),
  };
}

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

/** A stored Edge.strengthFactors value, in any layout, as the full document; null when it is none of them. */
export function parseStrengthFactors(value: unknown): TStrengthFactors | null {
  const encoding = value !== null && typeof value === "object" ? (value as { encoding?: unknown }).encoding : undefined;
  let stored: TStoredStrengthFactors | null = null;
  if (encoding === "packed") {
    const packed = ZPackedStrengthFactors.safeParse(value);
    if (!packed.success) return null;
    stored = unpackStrengthFactors(packed.data);
  } else if (encoding === "compact") {
    const compact = ZStoredStrengthFactors.safeParse(value);
    if (!compact.success) return null;
    stored = compact.data;
  }
  const full = ZStrengthFactors.safeParse(stored ? expandStrengthFactors(stored) : value);
  return full.success ? full.data : null;
}
