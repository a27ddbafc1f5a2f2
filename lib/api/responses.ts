// One JSON error shape for every route handler: { error: { code, message, status, fields? } }, with codes and
// statuses from the app's one error type (lib/errors/app-error.ts). Expected failures say what went wrong;
// anything unexpected is logged on the server and the client sees a generic 500, so internals never leak.
import "server-only";
import { NextResponse } from "next/server";
import { APP_ERROR_STATUS, isAppError, type AppErrorCode } from "@/lib/errors/app-error";

export interface ApiErrorBody {
  error: { code: AppErrorCode; message: string; status: number; fields?: Record<string, string[]> };
}

/** Responses computed per request must never be cached by browsers or proxies. */
const NO_STORE = { "Cache-Control": "no-store" } as const;

export function jsonOk<T>(data: T, init: { status?: number; headers?: Record<string, string> } = {}): NextResponse<T> {
  return NextResponse.json(data, { status: init.status ?? 200, headers: { ...NO_STORE, ...init.headers } });
}

export function jsonError(code: AppErrorCode, message: string, fields?: Record<string, string[]>): NextResponse<ApiErrorBody> {
  const status = APP_ERROR_STATUS[code];
  const error: ApiErrorBody["error"] = { code, message, status };
  if (fields && Object.keys(fields).length > 0) error.fields = fields;
  return NextResponse.json({ error }, { status, headers: NO_STORE });
}

export const badRequest = (message: string, fields?: Record<string, string[]>) => jsonError("BAD_REQUEST", message, fields);
export const notFound = (message = "Not found.") => jsonError("NOT_FOUND", message);
export const conflict = (message: string) => jsonError("CONFLICT", message);
export const serverError = () => jsonError("INTERNAL", "Something went wrong. Try again later.");

/** Prisma's known request errors carry a code; P2002 is a unique violation, P2025 a missing record. */
function prismaErrorCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null || !("code" in error)) return undefined;
  const code = (error as { code: unknown }).code;
  return typeof code === "string" && /^P\d{4}$/.test(code) ? code : undefined;
}

/** Maps a thrown error to a response: expected errors keep their code, known database errors get theirs, the rest a logged 500. */
export function errorResponse(error: unknown, context: string): NextResponse<ApiErrorBody> {
  if (isAppError(error) && error.status < 500) return jsonError(error.code, error.message, error.fields);
  const code = prismaErrorCode(error);
  if (code === "P2002") return conflict("A record with the same unique value already exists.");
  if (code === "P2025") return notFound();
  console.error(`[api] ${context} failed:`, error);
  return serverError();
}
