// GET a JSON endpoint from the browser; a non-2xx answer becomes an ApiError carrying the status and the
// server's message from the shared error shape ({ error: { code, message, status, fields? } }).
export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | null,
    readonly fields: Record<string, string[]> | null,
  ) {
    super(message);
  }
}

interface ErrorBody {
  error?: { message?: unknown; code?: unknown; fields?: unknown };
}

export async function fetchJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(url, { signal, headers: { Accept: "application/json" } });
  if (response.ok) return (await response.json()) as T;
  const body = (await response.json().catch(() => null)) as ErrorBody | null;
  const message = typeof body?.error?.message === "string" ? body.error.message : `The request failed (HTTP ${response.status}).`;
  const code = typeof body?.error?.code === "string" ? body.error.code : null;
  const fields = body?.error?.fields && typeof body.error.fields === "object" ? (body.error.fields as Record<string, string[]>) : null;
  throw new ApiError(message, response.status, code, fields);
}
