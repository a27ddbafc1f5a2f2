// The one way to write a route handler: `export const GET = defineRoute({ access, query, body }, handler)`.
// Order: size limit → authenticate (401) → authorize (403) → validate input (400) → handler → one JSON
// shape for errors. Input is validated after the access check on purpose: a caller without access learns
// nothing about what an endpoint accepts. Every call runs inside an operation whose correlation id comes
// from the request (proxy.ts sets or validates x-correlation-id) and is echoed in the response.
import "server-only";
import type { z } from "zod";
import { currentOperation, isValidCorrelationId, newCorrelationId, runInOperation, type OperationContext } from "../audit/correlation";
import { authorize, getSessionUser, type SessionUser } from "../auth/session";
import { AppError } from "../errors/app-error";
import { errorResponse, jsonError } from "./responses";
import { zodFieldErrors } from "./zod-fields";

export type RouteAccess = "public" | "member" | "admin";

export interface RouteOptions<TQuery extends z.ZodType | undefined, TBody extends z.ZodType | undefined> {
  access: RouteAccess;
  query?: TQuery;
  body?: TBody;
  /** Largest accepted request body; 1 MiB unless a route says otherwise. */
  maxBodyBytes?: number;
  /**
   * The handler streams `request.body` itself (file uploads): defineRoute reads nothing. Next buffers the
   * body of every request the proxy sees (and cuts it at 10 MB), so such a route is left out of proxy.ts's
   * matcher, and defineRoute applies the proxy's origin check to it instead, before anything else.
   * Do not combine with `body`.
   */
  rawBody?: boolean;
}

type Infer<T> = T extends z.ZodType ? z.output<T> : undefined;

export interface RouteContext<TQuery, TBody, TParams> {
  request: Request;
  params: TParams;
  query: TQuery;
  body: TBody;
  /** null only on public routes. */
  user: SessionUser | null;
  correlationId: string;
}

const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

export function correlationIdFrom(headers: Headers): string {
  const incoming = headers.get("x-correlation-id");
  return isValidCorrelationId(incoming) ? incoming : newCorrelationId("req");
}

async function readJsonBody(request: Request, limit: number): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) throw new AppError("PAYLOAD_TOO_LARGE", `The request body is larger than ${limit} bytes.`);
  const text = await request.text();
  if (Buffer.byteLength(text) > limit) throw new AppError("PAYLOAD_TOO_LARGE", `The request body is larger than ${limit} bytes.`);
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("BAD_REQUEST", "The request body is not valid JSON.");
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** proxy.ts's origin check, for routes the proxy does not see: the Origin header must be this app's origin. */
export function isSameOrigin(request: Request): boolean {
  if (SAFE_METHODS.has(request.method)) return true;
  const origin = request.headers.get("origin");
  const url = new URL(request.url);
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? url.host;
  const protocol = request.headers.get("x-forwarded-proto") ?? url.protocol.replace(":", "");
  return origin !== null && origin === `${protocol}://${host}`;
}

function parseWith<T extends z.ZodType>(schema: T, value: unknown, what: string): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw new AppError("BAD_REQUEST", `The ${what} is invalid.`, { fields: zodFieldErrors(result.error, what) });
  return result.data;
}

export function defineRoute<
  TQuery extends z.ZodType | undefined = undefined,
  TBody extends z.ZodType | undefined = undefined,
  TParams = Record<string, string>,
>(
  options: RouteOptions<TQuery, TBody>,
  handler: (context: RouteContext<Infer<TQuery>, Infer<TBody>, TParams>) => Promise<Response>,
): (request: Request, context?: { params?: Promise<TParams> }) => Promise<Response> {
  const guarded = async (request: Request, context?: { params?: Promise<TParams> }): Promise<Response> => {
    const operation: OperationContext = { correlationId: correlationIdFrom(request.headers), actorId: null };
    const response = await runInOperation(operation, async () => {
      try {
        if (options.rawBody && !isSameOrigin(request)) {
          throw new AppError("FORBIDDEN", "This request did not come from WIG itself (missing or foreign Origin header).");
        }
        const rawBody = options.body ? await readJsonBody(request, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES) : undefined;
        const user = options.access === "public" ? await getSessionUser().catch(() => null) : authorize(await getSessionUser(), options.access);
        operation.actorId = user?.id ?? null;
        const query = options.query
          ? parseWith(options.query, Object.fromEntries(new URL(request.url).searchParams), "query")
          : undefined;
        const body = options.body ? parseWith(options.body, rawBody, "body") : undefined;
        const params = (await context?.params) ?? ({} as TParams);
        return await handler({
          request,
          params,
          query: query as Infer<TQuery>,
          body: body as Infer<TBody>,
          user,
          correlationId: operation.correlationId,
        });
      } catch (error) {
        return errorResponse(error, `${request.method} ${new URL(request.url).pathname}`);
      }
    });
    response.headers.set("x-correlation-id", operation.correlationId);
    return response;
  };
  // Marks the handler as guarded for the discovery test (tests/guard) and for readers.
  return Object.assign(guarded, { access: options.access });
}

/** For code that runs outside defineRoute (jobs): the current correlation id, or a fresh one. */
export function currentCorrelationId(prefix = "op"): string {
  return currentOperation()?.correlationId ?? newCorrelationId(prefix);
}

export { jsonError };
