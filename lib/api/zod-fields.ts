// zod issues → { field: [messages] }, the `fields` of the shared error shape.
import type { z } from "zod";

export function zodFieldErrors(error: z.ZodError, fallbackKey = "input"): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.join(".") : fallbackKey;
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}
