// Search parameters, validated at the boundary: absurd requests (k = 10,000, 10 hops) fail fast with the
// allowed ranges instead of running a search whose cost grows like degree^hops.
import { z } from "zod";
import { AppError } from "../errors/app-error";

export const PATH_LIMITS = {
  k: { min: 1, max: 20, default: 5 },
  maxHops: { min: 1, max: 4, default: 3 },
} as const;

export const ZIntroPathParams = z.object({
  k: z.number().int().min(PATH_LIMITS.k.min).max(PATH_LIMITS.k.max).default(PATH_LIMITS.k.default),
  maxHops: z.number().int().min(PATH_LIMITS.maxHops.min).max(PATH_LIMITS.maxHops.max).default(PATH_LIMITS.maxHops.default),
});
export type TIntroPathParams = z.infer<typeof ZIntroPathParams>;

/** A 400 that names the allowed ranges, for the API to pass on as is. */
export class PathParamsError extends AppError {
  override name = "PathParamsError";
  readonly allowed = { k: [PATH_LIMITS.k.min, PATH_LIMITS.k.max], maxHops: [PATH_LIMITS.maxHops.min, PATH_LIMITS.maxHops.max] } as const;

  constructor(fields: Record<string, string[]>) {
    super("BAD_REQUEST", `Invalid path search parameters: k must be an integer in ${PATH_LIMITS.k.min}..${PATH_LIMITS.k.max}, maxHops in ${PATH_LIMITS.maxHops.min}..${PATH_LIMITS.maxHops.max}`, { fields });
  }
}

export function parseIntroPathParams(input: { k?: number | undefined; maxHops?: number | undefined }): TIntroPathParams {
  const parsed = ZIntroPathParams.safeParse({ k: input.k, maxHops: input.maxHops });
  if (parsed.success) return parsed.data;
  const fields: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.join(".") || "input";
    const limits = key === "k" || key === "maxHops" ? PATH_LIMITS[key] : null;
    (fields[key] ??= []).push(limits ? `must be an integer from ${limits.min} to ${limits.max}` : issue.message);
  }
  throw new PathParamsError(fields);
}
