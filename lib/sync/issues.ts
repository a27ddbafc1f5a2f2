// SyncRun.issues is JSON written by the import pipeline: [{ severity, code, reason, position }]. The
// dashboard reads it defensively: an entry it cannot understand is shown as "unreadable" instead of
// breaking the page.
import { z } from "zod";

const ZRunIssue = z.object({
  severity: z.enum(["skip", "warn", "fatal"]).catch("warn"),
  code: z.string().catch("unknown"),
  reason: z.string().catch("No reason was recorded."),
  position: z
    .object({
      row: z.number().optional(),
      line: z.number().optional(),
      byteOffset: z.number().optional(),
      entry: z.string().optional(),
    })
    .partial()
    .catch({}),
});
export type RunIssue = z.infer<typeof ZRunIssue>;

export function parseRunIssues(value: unknown): RunIssue[] {
  if (!Array.isArray(value)) return [];
  return value.map((entry) => {
    const parsed = ZRunIssue.safeParse(entry);
    return parsed.success ? parsed.data : { severity: "warn" as const, code: "unreadable", reason: "This issue could not be read.", position: {} };
  });
}

/** "row 12 · line 14" — whichever coordinates the format has; "" when none. */
export function describePosition(position: RunIssue["position"]): string {
  const parts: string[] = [];
  if (position.entry) parts.push(position.entry);
  if (position.row !== undefined) parts.push(`row ${position.row}`);
  if (position.line !== undefined) parts.push(`line ${position.line}`);
  if (position.byteOffset !== undefined && position.row === undefined && position.line === undefined) parts.push(`byte ${position.byteOffset}`);
  return parts.join(" · ");
}
