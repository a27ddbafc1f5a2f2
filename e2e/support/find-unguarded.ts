// What lacks a guard: entry points found by discover-entry-points.ts that declare no access at all.
// Used by e2e/guards.spec.ts on the real app and unit-tested on fixture trees.
import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import {
  ACTION_SOURCE_DIRECTORIES,
  discoverPages,
  discoverRouteHandlers,
  discoverServerActionSources,
  readServerActions,
  SERVER_REFERENCE_MANIFEST,
  stripComments,
  toPosix,
  walk,
} from "./discover-entry-points";

export interface UnguardedEntryPoint {
  kind: "route" | "page" | "action";
  file: string;
  /** "GET /api/x", "/merges" or "app/x/actions.ts#doThing". */
  name: string;
  reason: string;
}

export interface UnguardedOptions {
  /** Route files whose handlers authenticate on their own (Auth.js's catch-all). */
  exemptRouteFiles?: string[];
  /** Pages meant for signed-out visitors. */
  publicPages?: string[];
  /** Also check the build's server actions (.next/server/server-reference-manifest.json); default: when it exists. */
  includeBuild?: boolean;
}

export const DEFAULT_EXEMPT_ROUTE_FILES = ["app/api/auth/[...nextauth]/route.ts"];
export const DEFAULT_PUBLIC_PAGES = ["/signin"];

/**
 * Entry points that declare no access at all: route handler methods not made with defineRoute({ access }),
 * pages that never call requirePageUser (other than the public ones), server actions not made with
 * defineAction({ access }). A declared "public" counts as a guard here: the guard spec lists those.
 */
export function findUnguardedEntryPoints(root: string, options: UnguardedOptions = {}): UnguardedEntryPoint[] {
  const exempt = new Set(options.exemptRouteFiles ?? DEFAULT_EXEMPT_ROUTE_FILES);
  const publicPages = new Set(options.publicPages ?? DEFAULT_PUBLIC_PAGES);
  const unguarded: UnguardedEntryPoint[] = [];
  const fixed = { paramValue: () => "[param]", catchAllValue: () => "[...param]" };
  for (const route of discoverRouteHandlers(root, fixed)) {
    if (exempt.has(route.file)) continue;
    if (route.methods.length === 0) {
      unguarded.push({ kind: "route", file: route.file, name: route.pattern, reason: "exports no HTTP method the discovery recognizes" });
    }
    for (const { method, access } of route.methods) {
      if (!access) unguarded.push({ kind: "route", file: route.file, name: `${method} ${route.pattern}`, reason: "not defined with defineRoute({ access })" });
    }
  }
  for (const page of discoverPages(root, fixed)) {
    if (!page.access && !publicPages.has(page.pattern)) {
      unguarded.push({ kind: "page", file: page.file, name: page.pattern, reason: "never calls requirePageUser()" });
    }
  }
  const actionSources = discoverServerActionSources(root);
  for (const action of actionSources) {
    if (!action.access) {
      unguarded.push({ kind: "action", file: action.file, name: `${action.file}#${action.exportedName}`, reason: "not defined with defineAction({ access })" });
    }
  }
  for (const file of inlineServerActionFiles(root)) {
    unguarded.push({ kind: "action", file, name: `${file} (inline "use server")`, reason: 'an inline "use server" function cannot declare access: move it to a "use server" module and use defineAction' });
  }
  // The build knows actions the source scan may not (generated names, a module the scan missed).
  if (options.includeBuild ?? existsSync(join(root, SERVER_REFERENCE_MANIFEST))) {
    const known = new Set(actionSources.map((action) => `${action.file}#${action.exportedName}`));
    for (const action of readServerActions(root)) {
      const name = `${action.file}#${action.exportedName}`;
      if (!action.access && !known.has(name)) {
        unguarded.push({ kind: "action", file: action.file, name: `${name} (id ${action.id})`, reason: "a server action in the build with no defineAction({ access }) in its source" });
      }
    }
  }
  return unguarded;
}

/** Files with a "use server" directive anywhere but at the top of the module: inline server actions. */
export function inlineServerActionFiles(root: string): string[] {
  const files: string[] = [];
  for (const directory of ACTION_SOURCE_DIRECTORIES) {
    for (const path of walk(join(root, directory))) {
      if (!/\.(?:tsx?|jsx?|mjs)$/.test(path) || /\.(?:test|spec)\.[jt]sx?$/.test(path)) continue;
      const code = stripComments(readFileSync(path, "utf8"));
      // A directive starts a statement (file start, after "{" or ";", or on its own line), unlike the
      // same words inside a call or an expression.
      const directives = [...code.matchAll(/(?:^|[{;\n])\s*["']use server["']/g)].length;
      const topLevel = /^\s*["']use server["']/.test(code) ? 1 : 0;
      if (directives > topLevel) files.push(toPosix(relative(root, path)));
    }
  }
  return files.sort();
}
