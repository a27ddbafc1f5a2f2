// Tests read stored Edge.strengthFactors through the same parser as the app, and fail loudly on a bad one.
import { parseStrengthFactors } from "../stored-factors";
import type { TStrengthFactors } from "../strength-factors.schema";

export function strengthFactorsOf(value: unknown): TStrengthFactors {
  const parsed = parseStrengthFactors(value);
  if (parsed === null) throw new Error(`not a valid strengthFactors document: ${JSON.stringify(value)?.slice(0, 200)}`);
  return parsed;
}
