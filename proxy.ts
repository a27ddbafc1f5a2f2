// Runs before every request (Next 16's proxy, formerly middleware):
//  1. Correlation id: a well-formed incoming x-correlation-id is kept, otherwise one is generated; it is
//     passed to the app as a request header and returned as a response header.
//  2. Origin check: a state-changing request (POST, PUT, PATCH, DELETE, including every server action)
//     must come from this app's own origin, else 403 in the shared error shape and nothing runs.
//  3. Pages: a visitor without a session cookie is sent to /signin and back. This is only the fast path;
//     every page and entry point checks the session itself (lib/auth/session.ts).
import { NextResponse, type NextRequest } from "next/server";
import { isValidCorrelationId, newCorrelationId } from "@/lib/audit/correlation-id";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const PUBLIC_PAGES = ["/signin"];
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

function errorJson(code: string, message: string, status: number, correlationId: string): NextResponse {
  return NextResponse.json(
    { error: { code, message, status } },
    { status, headers: { "Cache-Control": "no-store", "x-correlation-id": correlationId } },
  );
}

function requestOrigin(request: NextRequest): string {
  // Behind a reverse proxy the public host arrives in X-Forwarded-Host; Next's own origin check does the same.
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? request.nextUrl.host;
  const protocol = request.headers.get("x-forwarded-proto") ?? request.nextUrl.protocol.replace(":", "");
  return `${protocol}://${host}`;
}

export function proxy(request: NextRequest): NextResponse {
  const incoming = request.headers.get("x-correlation-id");
  const correlationId = isValidCorrelationId(incoming) ? incoming : newCorrelationId("req");
  const { pathname } = request.nextUrl;

  if (!SAFE_METHODS.has(request.method)) {
    const origin = request.headers.get("origin");
    if (!origin || origin !== requestOrigin(request)) {
      return errorJson("FORBIDDEN", "This request did not come from WIG itself (missing or foreign Origin header).", 403, correlationId);
    }
  }

  const isPage = !pathname.startsWith("/api/") && request.method === "GET";
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (isPage && !hasSession && !PUBLIC_PAGES.includes(pathname)) {
    const signIn = new URL("/signin", request.url);
    signIn.searchParams.set("callbackUrl", `${pathname}${request.nextUrl.search}`);
    const redirect = NextResponse.redirect(signIn);
    redirect.headers.set("x-correlation-id", correlationId);
    return redirect;
  }

  const headers = new Headers(request.headers);
  headers.set("x-correlation-id", correlationId);
  // Pages read this to send a visitor whose session expired back to exactly where they were.
  headers.set("x-wig-path", `${pathname}${request.nextUrl.search}`);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("x-correlation-id", correlationId);
  return response;
}

export const config = {
  // Everything but Next's static assets and the icon, and the sync dashboard's upload route: Next buffers
  // the body of every request the proxy sees in memory and cuts it at 10 MB, so a 500 MB export would be
  // truncated. That route is made with defineRoute({ rawBody: true }), which applies the origin check above
  // itself, and sets its own correlation id.
  matcher: ["/((?!_next/static|_next/image|icon.svg|favicon.ico|api/sync/uploads).*)"],
};
