// Finds every way into the app from the source tree and the production build, so the guard specs
// (e2e/guards.spec.ts) cover a new route, page or server action without anyone adding it to a list:
//   - route handlers   app/**/route.ts: URL, exported HTTP methods, and each method's declared access
//                      (`defineRoute({ access: "public" | "member" | "admin" … })`);
//   - pages            app/**/page.tsx: URL and the access passed to requirePageUser();
//   - server actions   the exports of "use server" modules and the access each declares with
//                      defineAction({ access }), joined to the action ids of the build's
//                      .next/server/server-reference-manifest.json.
// Pure: every function takes the project root (or file text) and returns plain data; nothing here
// talks to a server or a database. Unit-tested with fixture folders.
import { randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";

export type Access = "public" | "member" | "admin";

export const HTTP_METHODS = ["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export interface RouteHandlerEntry {
  kind: "route";
  /** Relative to the root, with forward slashes: "app/api/graph/ego/route.ts". */
  file: string;
  /** The folder route as written: "/api/people/[id]". */
  pattern: string;
  /** A concrete URL to request: dynamic segments filled in. */
  url: string;
  methods: Array<{ method: HttpMethod; access: Access | null }>;
}

export interface PageEntry {
  kind: "page";
  file: string;
  pattern: string;
  url: string;
  /** From requirePageUser("admin" | "member" …); requirePageUser() alone means "member"; null when it is not called. */
  access: Exclude<Access, "public"> | null;
}

export interface ServerActionSource {
  kind: "action";
  file: string;
  exportedName: string;
  access: Access | null;
}

export interface ServerActionEntry extends ServerActionSource {
  id: string;
  /** The app paths whose bundles include the action, e.g. "app/signin/page". */
  workers: string[];
}

export interface DiscoverOptions {
  /** Fills `[param]` segments; a random UUID by default (ids in WIG are UUIDs). */
  paramValue?: (name: string) => string;
  /** Fills `[...param]` and `[[...param]]` segments; "x" by default. */
  catchAllValue?: (name: string) => string;
}

// ---- files ----

const SKIPPED_DIRECTORIES = new Set(["node_modules", ".next", ".git", ".data"]);

/** Every file under `dir` (absolute paths), skipping build output, dependencies and dot-folders. */
export function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const files: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (SKIPPED_DIRECTORIES.has(name) || name.startsWith(".")) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files.push(...walk(path));
    else files.push(path);
  }
  return files;
}

export function toPosix(path: string): string {
  return path.split(sep).join("/");
}

/**
 * The app directory's routable files named `basename`.(ts|tsx|js|jsx|mjs), relative to the root.
 * Folders starting with "_" are private (not routable) and skipped with everything under them.
 */
function appFiles(root: string, basename: string): string[] {
  const pattern = new RegExp(`^${basename}\\.(?:tsx?|jsx?|mjs)$`);
  return walk(join(root, "app"))
    .map((path) => toPosix(relative(root, path)))
    .filter((path) => {
      const parts = path.split("/");
      const name = parts[parts.length - 1] ?? "";
      return pattern.test(name) && !parts.slice(1, -1).some((part) => part.startsWith("_"));
    })
    .sort();
}

// ---- URLs ----

/** "app/(shell)/people/[id]/page.tsx" -> "/people/[id]": route groups, parallel-route slots and the file dropped. */
export function routePattern(file: string): string {
  const segments = toPosix(file)
    .split("/")
    .slice(1, -1) // "app" and the file name
    .filter((segment) => !(segment.startsWith("(") && segment.endsWith(")")) && !segment.startsWith("@"));
  return `/${segments.join("/")}`;
}

/** "/people/[id]" -> "/people/6f1c…", "/docs/[...slug]" -> "/docs/x", "/shop/[[...slug]]" -> "/shop/x". */
export function patternToUrl(pattern: string, options: DiscoverOptions = {}): string {
  const paramValue = options.paramValue ?? (() => randomUUID());
  const catchAllValue = options.catchAllValue ?? (() => "x");
  const segments = pattern
    .split("/")
    .filter(Boolean)
    .map((segment) => {
      const catchAll = /^\[\[?\.\.\.([^\]]+)\]\]?$/.exec(segment);
      if (catchAll) return encodeURIComponent(catchAllValue(catchAll[1] ?? ""));
      const param = /^\[([^\]]+)\]$/.exec(segment);
      if (param) return encodeURIComponent(paramValue(param[1] ?? ""));
      return segment;
    });
  return `/${segments.join("/")}`;
}

// ---- source analysis (regular expressions over the text; good enough for the one way WIG writes these) ----

/** Source without comments, so a commented-out export or an example in a comment does not count. */
export function stripComments(source: string): string {
  // Strings are kept (a "//" inside a string literal must survive); only comments outside strings go.
  return source.replace(/("(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'|`(?:\\.|[^`\\])*`)|\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, (match, literal: string | undefined) =>
    literal ?? (match.startsWith("/*") ? match.replace(/[^\n]/g, " ") : ""),
  );
}

const METHOD_ALTERNATION = HTTP_METHODS.join("|");

/** The HTTP methods a route module exports, in HTTP_METHODS order. */
export function exportedMethods(source: string): HttpMethod[] {
  const code = stripComments(source);
  const found = new Set<string>();
  // export const GET = …   export async function POST(…)   export function PUT(…)   export let/var …
  for (const match of code.matchAll(new RegExp(`export\\s+(?:const|let|var|(?:async\\s+)?function\\*?)\\s+(${METHOD_ALTERNATION})\\b`, "g"))) {
    found.add(match[1] ?? "");
  }
  // export const { GET, POST } = handlers   (also nested: export const { handlers: { GET, POST } } = NextAuth(…))
  for (const match of code.matchAll(/export\s+(?:const|let|var)\s*\{([\s\S]*?)\}\s*=/g)) {
    for (const name of (match[1] ?? "").matchAll(new RegExp(`(?:^|[\\s,{:])(${METHOD_ALTERNATION})\\b(?!\\s*:)`, "g"))) found.add(name[1] ?? "");
  }
  // export { GET, handler as POST } (from "…")
  for (const match of code.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of (match[1] ?? "").split(",")) {
      const exported = part.trim().split(/\s+as\s+/).pop()?.trim();
      if (exported && (HTTP_METHODS as readonly string[]).includes(exported)) found.add(exported);
    }
  }
  return HTTP_METHODS.filter((method) => found.has(method));
}

const ACCESS_VALUE = /\baccess\s*:\s*["'`](public|member|admin)["'`]/;

/**
 * The access declared for one export: the text from `export const <name> = defineX(` up to the next
 * top-level export must contain `access: "…"` inside the definer's options. null when the export is not
 * made with `definer` or declares no access.
 */
export function declaredAccess(source: string, exportName: string, definer: string): Access | null {
  const code = stripComments(source);
  const start = new RegExp(`export\\s+const\\s+${exportName}\\s*(?::[^=]+)?=\\s*(?:await\\s+)?${definer}\\s*(?:<[^(]*>)?\\s*\\(`).exec(code);
  if (!start) return null;
  const rest = code.slice(start.index + start[0].length);
  const next = /\n\s*export\s/.exec(rest);
  const body = next ? rest.slice(0, next.index) : rest;
  // The options object is the definer's first argument: only look before the handler starts.
  const handlerStart = body.search(/\}\s*,\s*(?:async\s*)?(?:\(|function|[A-Za-z_$][\w$]*\s*=>)/);
  const options = handlerStart >= 0 ? body.slice(0, handlerStart + 1) : body;
  const match = ACCESS_VALUE.exec(options);
  return (match?.[1] as Access | undefined) ?? null;
}

/** requirePageUser("admin", …) -> "admin"; requirePageUser() / requirePageUser("member", …) -> "member"; not called -> null. */
export function pageAccess(source: string): Exclude<Access, "public"> | null {
  const code = stripComments(source);
  const call = /\brequirePageUser\s*\(\s*(?:["'`](admin|member)["'`])?/.exec(code);
  if (!call) return null;
  return call[1] === "admin" ? "admin" : "member";
}

/** True when the module's first statement is the "use server" directive (comments may precede it). */
export function isUseServerModule(source: string): boolean {
  return /^\s*["']use server["'];?/.test(stripComments(source));
}

/** The names a "use server" module exports (each one is a server action). */
export function exportedNames(source: string): string[] {
  const code = stripComments(source);
  const names = new Set<string>();
  for (const match of code.matchAll(/export\s+(?:const|let|var|(?:async\s+)?function\*?)\s+([A-Za-z_$][\w$]*)/g)) names.add(match[1] ?? "");
  for (const match of code.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of (match[1] ?? "").split(",")) {
      const exported = part.trim().split(/\s+as\s+/).pop()?.trim();
      if (exported && exported !== "type" && !exported.startsWith("type ")) names.add(exported);
    }
  }
  if (/export\s+default\b/.test(code)) names.add("default");
  names.delete("");
  return [...names].sort();
}

// ---- discovery ----

export function discoverRouteHandlers(root: string, options: DiscoverOptions = {}): RouteHandlerEntry[] {
  return appFiles(root, "route").map((file) => {
    const source = readFileSync(join(root, file), "utf8");
    const pattern = routePattern(file);
    return {
      kind: "route" as const,
      file,
      pattern,
      url: patternToUrl(pattern, options),
      methods: exportedMethods(source).map((method) => ({ method, access: declaredAccess(source, method, "defineRoute") })),
    };
  });
}

export function discoverPages(root: string, options: DiscoverOptions = {}): PageEntry[] {
  return appFiles(root, "page").map((file) => {
    const pattern = routePattern(file);
    return { kind: "page" as const, file, pattern, url: patternToUrl(pattern, options), access: pageAccess(readFileSync(join(root, file), "utf8")) };
  });
}

/** Where "use server" modules may live. */
export const ACTION_SOURCE_DIRECTORIES = ["app", "lib", "components", "src"];

/** Every export of every "use server" module under app/, lib/, components/ (and src/), with its declared access. */
export function discoverServerActionSources(root: string): ServerActionSource[] {
  const actions: ServerActionSource[] = [];
  for (const directory of ACTION_SOURCE_DIRECTORIES) {
    for (const path of walk(join(root, directory))) {
      if (!/\.(?:tsx?|jsx?|mjs)$/.test(path) || /\.(?:test|spec)\.[jt]sx?$/.test(path)) continue;
      const source = readFileSync(path, "utf8");
      if (!isUseServerModule(source)) continue;
      const file = toPosix(relative(root, path));
      for (const exportedName of exportedNames(source)) {
        actions.push({ kind: "action", file, exportedName, access: declaredAccess(source, exportedName, "defineAction") });
      }
    }
  }
  return actions.sort((a, b) => a.file.localeCompare(b.file) || a.exportedName.localeCompare(b.exportedName));
}

interface ManifestAction {
  workers?: Record<string, unknown>;
  filename?: string;
  exportedName?: string;
}

export const SERVER_REFERENCE_MANIFEST = ".next/server/server-reference-manifest.json";

/**
 * The build's server actions: .next/server/server-reference-manifest.json maps each action id to the
 * app paths ("workers") that bundle it and, in Next 15+, to its `filename` and `exportedName`. When a
 * build leaves those out, the id is looked up in the client chunks instead: each client reference is
 * `createServerReference("<id>", …, "<exportedName>")`, and the name is matched to the source exports.
 */
export function readServerActions(root: string): ServerActionEntry[] {
  const manifestPath = join(root, SERVER_REFERENCE_MANIFEST);
  if (!existsSync(manifestPath)) throw new Error(`${SERVER_REFERENCE_MANIFEST} not found under ${root}: build the app first (next build).`);
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { node?: Record<string, ManifestAction>; edge?: Record<string, ManifestAction> };
  const sources = discoverServerActionSources(root);
  const entries = { ...(manifest.node ?? {}), ...(manifest.edge ?? {}) };
  let chunkText: string | undefined;
  return Object.entries(entries)
    .map(([id, entry]) => {
      let filename = entry.filename;
      let exportedName = entry.exportedName;
      if (!exportedName) {
        chunkText ??= clientChunkText(root);
        exportedName = exportedNameFromChunks(chunkText, id);
      }
      if (!filename && exportedName) {
        const candidates = sources.filter((source) => source.exportedName === exportedName);
        if (candidates.length === 1) filename = candidates[0]?.file;
      }
      const source = sources.find((candidate) => candidate.file === filename && candidate.exportedName === exportedName);
      return {
        kind: "action" as const,
        id,
        file: filename ?? "(unknown file)",
        exportedName: exportedName ?? "(unknown export)",
        access: source?.access ?? null,
        workers: Object.keys(entry.workers ?? {}).sort(),
      };
    })
    .sort((a, b) => a.file.localeCompare(b.file) || a.exportedName.localeCompare(b.exportedName));
}

function clientChunkText(root: string): string {
  return walk(join(root, ".next", "static"))
    .filter((path) => path.endsWith(".js"))
    .map((path) => readFileSync(path, "utf8"))
    .join("\n");
}

/** `createServerReference)("<id>", callServer, void 0, findSourceMapURL, "<name>")`, minified any which way. */
export function exportedNameFromChunks(chunkText: string, id: string): string | undefined {
  const at = chunkText.indexOf(`"${id}"`);
  if (at < 0) return undefined;
  const after = chunkText.slice(at + id.length + 2, at + id.length + 2 + 300);
  const call = /^[^)]*?,\s*"([A-Za-z_$][\w$]*)"\s*\)/.exec(after);
  return call?.[1];
}

/** A URL that serves a worker's action: "app/signin/page" -> "/signin", "app/page" -> "/". */
export function workerUrl(worker: string, options: DiscoverOptions = {}): string | null {
  if (!worker.endsWith("/page")) return null;
  return patternToUrl(routePattern(`${worker}.tsx`), options);
}
