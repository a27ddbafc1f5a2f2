// Validates a request's query string with a zod schema. On failure it returns a ready 400 response with
// per-field messages, so a handler reads: `const query = parseQuery(request, ZSchema); if (!query.ok) return query.response;`
import "server-only";
import type { NextResponse } from "next/server";
import type { z } from "zod";
import { badRequest, type ApiErrorBody } from "./responses";

export type ParsedQuery<T> = { ok: true; data: T } | { ok: false; response: NextResponse<ApiErrorBody> };

export function parseQuery<TSchema extends z.ZodType>(
  request: Request,
  schema: TSchema,
): ParsedQuery<z.output<TSchema>> {
  const params = new URL(request.url).searchParams;
  // Repeated keys keep their last value: these endpoints take scalar parameters only.
  const raw: Record<string, string> = {};
  for (const [key, value] of params) raw[key] = value;

  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, data: result.data };

  const fields: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.length > 0 ? issue.path.join(".") : "query";
    (fields[key] ??= []).push(issue.message);
  }
  return { ok: false, response: badRequest("The query parameters are invalid.", fields) };
}
