// The discovery behind the guard spec, on fixture trees: it must find a new unguarded endpoint of each
// kind (route handler, page, server action), and it must find none in the real app.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { discoverRouteHandlers } from "./discover-entry-points";
import { findUnguardedEntryPoints } from "./find-unguarded";

const roots: string[] = [];

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "wig-guards-"));
  roots.push(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

const GUARDED_APP = {
  "app/api/health/route.ts": `export const GET = defineRoute({ access: "public" }, async () => jsonOk({}));`,
  "app/api/people/[id]/route.ts": `export const GET = defineRoute({ access: "member" }, async () => jsonOk({}));\nexport const DELETE = defineRoute({ access: "admin" }, async () => jsonOk({}));`,
  "app/page.tsx": `export default async function Page() { await requirePageUser("member"); return null; }`,
  "app/admin/sync/page.tsx": `export default async function Page() { await requirePageUser("admin"); return null; }`,
  "app/signin/page.tsx": `export default function SignIn() { return null; }`,
  "app/merges/actions.ts": `"use server";\nexport const approveMerge = defineAction({ access: "admin", input: ZInput }, async () => null);`,
};

describe("findUnguardedEntryPoints", () => {
  it("accepts a tree where every entry point declares its access", () => {
    expect(findUnguardedEntryPoints(tree(GUARDED_APP), { includeBuild: false })).toEqual([]);
  });

  it("flags a route handler added without defineRoute", () => {
    const root = tree({ ...GUARDED_APP, "app/api/secret/route.ts": `export async function GET() { return Response.json({ all: "the data" }); }` });
    expect(findUnguardedEntryPoints(root, { includeBuild: false })).toEqual([
      expect.objectContaining({ kind: "route", file: "app/api/secret/route.ts", name: "GET /api/secret" }),
    ]);
  });

  it("flags one unguarded method next to a guarded one", () => {
    const root = tree({
      ...GUARDED_APP,
      "app/api/people/[id]/route.ts": `export const GET = defineRoute({ access: "member" }, async () => jsonOk({}));\nexport async function POST() { return new Response(); }`,
    });
    expect(findUnguardedEntryPoints(root, { includeBuild: false }).map((entry) => entry.name)).toEqual(["POST /api/people/[id]"]);
  });

  it("flags a page that never checks the session, and a server action without defineAction", () => {
    const root = tree({
      ...GUARDED_APP,
      "app/reports/page.tsx": `export default async function Reports() { return <Table rows={await load()} />; }`,
      "app/merges/actions.ts": `"use server";\nexport async function approveMerge(id: string) { await merge(id); }`,
    });
    expect(findUnguardedEntryPoints(root, { includeBuild: false }).map((entry) => `${entry.kind} ${entry.name}`).sort()).toEqual([
      "action app/merges/actions.ts#approveMerge",
      "page /reports",
    ]);
  });

  it("flags an inline \"use server\" function", () => {
    const root = tree({
      ...GUARDED_APP,
      "components/delete-button.tsx": `export function DeleteButton() { async function remove() { "use server"; await erase(); } return <form action={remove} />; }`,
    });
    expect(findUnguardedEntryPoints(root, { includeBuild: false })).toEqual([expect.objectContaining({ kind: "action", file: "components/delete-button.tsx" })]);
  });

  it("finds every route handler and its methods, with dynamic segments filled", () => {
    const routes = discoverRouteHandlers(tree(GUARDED_APP), { paramValue: () => "00000000-0000-4000-8000-000000000000" });
    expect(routes.map((route) => [route.url, route.methods])).toEqual([
      ["/api/health", [{ method: "GET", access: "public" }]],
      ["/api/people/00000000-0000-4000-8000-000000000000", [{ method: "GET", access: "member" }, { method: "DELETE", access: "admin" }]],
    ]);
  });

  it("finds nothing unguarded in the real app", () => {
    expect(findUnguardedEntryPoints(process.cwd(), { includeBuild: false })).toEqual([]);
  });
});
