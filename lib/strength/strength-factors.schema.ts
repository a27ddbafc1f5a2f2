// The shape of Edge.strengthFactors (JSONB), versioned so a later model can be told apart from this one
// (and from the seed's placeholder "seed-v1"). scoreEdge validates every value it builds against this
// schema, and readers (explain-path, API responses) parse stored JSON with it instead of trusting it.
import { z } from "zod";
import { combineLatent } from "./combine";
import { STRENGTH_VERSION } from "./weights";

export const ZFactorKey = z.enum([
  "recency",
  "frequency",
  "reciprocity",
  "duration",
  "channel_richness",
  "corroboration",
  "mutual_connections",
  "shared_organization",
  "override",
]);
export type TFactorKey = z.infer<typeof ZFactorKey>;

export const ZStrengthOverride = z.enum(["knows_well", "barely_knows"]);

// zod 4 numbers reject NaN and ±Infinity by themselves.
const finite = z.number();

export const ZFactorEvidence = z.object({
  /** Named counts behind the factor: interactions per channel, active days, replies, ... */
  counts: z.record(z.string(), finite),
  /** Named instants (ISO 8601): first/last seen, the decay reference date, ... */
  dates: z.record(z.string(), z.iso.datetime()),
  /** Source names that contributed. */
  sources: z.array(z.string()),
});

export const ZStrengthFactor = z.object({
  key: ZFactorKey,
  label: z.string().min(1),
  /** The measured quantity before normalization (days, a count, a mass, true/false, the override value). */
  raw: z.union([finite, z.boolean(), z.string()]),
  normalized: z.number().min(0).max(1),
  /** Latent evidence at normalized = 1 (the override's is the shift it applied; negative when it lowers). */
  weight: finite,
  /** weight × normalized: this factor's share of the latent sum. */
  contribution: finite,
  evidence: ZFactorEvidence,
});

export const ZStrengthFactors = z
  .object({
    version: z.literal(STRENGTH_VERSION),
    /** 1 − exp(−Σ contribution), in [0, 1]. */
    score: z.number().min(0).max(1),
    computedAt: z.iso.datetime(),
    halfLifeDays: z.number().positive(),
    factors: z.array(ZStrengthFactor).min(1),
    override: ZStrengthOverride.nullable(),
  })
  .superRefine((value, context) => {
    const keys = value.factors.map((factor) => factor.key);
    if (new Set(keys).size !== keys.length) context.addIssue({ code: "custom", message: "factor keys must be unique", path: ["factors"] });
    const hasOverrideFactor = keys.includes("override");
    if (hasOverrideFactor !== (value.override !== null)) {
      context.addIssue({ code: "custom", message: "an override must appear as a factor, and only then", path: ["override"] });
    }
    // Contributions are stored rounded to 4 decimals, so the recombined score may drift by ~1e-4.
    const latent = value.factors.reduce((sum, factor) => sum + factor.contribution, 0);
    if (Math.abs(combineLatent(latent) - value.score) > 1e-3) {
      context.addIssue({ code: "custom", message: "score does not match 1 − exp(−Σ contribution)", path: ["score"] });
    }
  });

export type TStrengthFactor = z.infer<typeof ZStrengthFactor>;
export type TStrengthFactors = z.infer<typeof ZStrengthFactors>;
export type TFactorEvidence = z.infer<typeof ZFactorEvidence>;
