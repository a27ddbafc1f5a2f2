// Zod parsing for lib/privacy's entry functions: a failure is a BAD_REQUEST AppError with field errors,
// so screens, routes and the CLI all show the same message.
import { z } from "zod";
import { AppError } from "../errors/app-error";

export function parseInput<T extends z.ZodType>(schema: T, input: unknown, message: string): z.output<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AppError("BAD_REQUEST", message, { fields: z.flattenError(parsed.error).fieldErrors as Record<string, string[]> });
  return parsed.data;
}
