// The snapshot store and the path queries against a real PostgreSQL: best paths to a person and to an
// organization, soft-deleted people never on a path, refresh after new edges, 404 / 409 / 400 mapping.
import { beforeEach, describe, expect, it } from "vitest";
import { errorResponse } from "../api/responses";
import { prisma } from "../db/client";
import { AppError } from "../errors/app-error";
import { connect, createOrganization, createPerson } from "../testing/factories";
import { resetDatabase } from "../testing/reset-database";
import { TARGET_NO_MATCH } from "./intro-path.types";
import { PathParamsError } from "./params";
import { resolveSource, resolveTarget, searchIntroPaths } from "./queries";
import { loadGraphSnapshot, SnapshotStore } from "./snapshot-store";

beforeEach(resetDatabase);

//   me ─0.9─ ann ─0.8─ dana(stripe)         ann ─0.99─ ghost(deleted) ─0.99─ dana
//   me ─0.6─ bob ─0.95─ dana   bob ─0.7─ fay(stripe)      zed(acme): no edges
async function seedGraph() {
  const stripe = await createOrganization(prisma, { name: "Stripe", domain: "stripe.example" });
  const acme = await createOrganization(prisma, { name: "Acme", domain: "acme.example" });
  const me = await createPerson(prisma, { name: "Me Member", emails: ["me@team.example"] });
  await prisma.user.create({ data: { email: "me@team.example", personId: me.id } });
  const ann = await createPerson(prisma, { name: "Ann" });
  const bob = await createPerson(prisma, { name: "Bob" });
  const dana = await createPerson(prisma, { name: "Dana", emails: ["dana@stripe.example"], organizationId: stripe.id, title: "CFO" });
  const fay = await createPerson(prisma, { name: "Fay", organizationId: stripe.id });
  const ghost = await createPerson(prisma, { name: "Ghost", deleted: true });
  const zed = await createPerson(prisma, { name: "Zed", emails: ["zed@acme.example"], organizationId: acme.id });
  await connect(prisma, me, ann, { strength: 0.9 });
  await connect(prisma, ann, dana, { strength: 0.8 });
  await connect(prisma, me, bob, { strength: 0.6 });
  await connect(prisma, bob, dana, { strength: 0.95 });
  await connect(prisma, bob, fay, { strength: 0.7 });
  await connect(prisma, ann, ghost, { strength: 0.99 });
  await connect(prisma, ghost, dana, { strength: 0.99 });
  return { stripe, acme, me, ann, bob, dana, fay, ghost, zed };
}

const names = (path: { people: Array<{ name: string }> }) => path.people.map((person) => person.name).join(" → ");

describe("intro paths from PostgreSQL", () => {
  it("finds the best paths to a person, by email, and never through a soft-deleted person", async () => {
    const g = await seedGraph();
    const store = new SnapshotStore({ db: prisma });
    const from = await resolveSource(prisma, { personId: g.me.id });
    const to = await resolveTarget(prisma, "Dana@Stripe.example");
    const result = await searchIntroPaths(prisma, store, { from, to, k: 5, maxHops: 3 });

    expect(result.paths.map(names)).toEqual(["Me Member → Ann → Dana", "Me Member → Bob → Dana"]);
    expect(result.paths.flatMap((path) => path.people.map((person) => person.id))).not.toContain(g.ghost.id);
    const [best] = result.paths;
    expect(best?.score).toBeCloseTo(0.72, 6);
    expect(best?.hops[1]?.to).toMatchObject({ id: g.dana.id, title: "CFO", organization: { name: "Stripe" } });
    expect(best?.weakestLink).toMatchObject({ index: 1, strength: 0.8 });
    expect(best?.weakestLink.sentence).toMatch(/^The weakest link is hop 2, Ann → Dana \(strength 80\/100\)/);
    expect(result.noPath).toBeNull();
  });

  it("finds paths to anyone at an organization by domain, and pages edges in batches", async () => {
    const g = await seedGraph();
    const store = new SnapshotStore({ db: prisma, load: (db) => loadGraphSnapshot(db, { chunks: 5 }) });
    const from = await resolveSource(prisma, { personId: null, fromEmail: "me@team.example" });
    const to = await resolveTarget(prisma, "stripe.example");
    expect(to).toMatchObject({ kind: "organization", organization: { id: g.stripe.id } });
    const result = await searchIntroPaths(prisma, store, { from, to });
    expect(result.paths.map(names)).toEqual(["Me Member → Ann → Dana", "Me Member → Bob → Dana", "Me Member → Bob → Fay"]);
    const snapshot = await store.get();
    // 7 pairs = 14 directed rows in up to 5 chunks; the deleted person's 4 rows are dropped.
    expect(snapshot.out.targets.length).toBe(10);
    expect(snapshot.droppedEdges).toBe(4);
  });

  it("answers 'no path' with the nearest people, and sees a new edge after the refresh interval", async () => {
    const g = await seedGraph();
    let clock = 1_000;
    const store = new SnapshotStore({ db: prisma, refreshIntervalMs: 2_000, now: () => clock });
    const from = await resolveSource(prisma, { personId: g.me.id });
    const to = await resolveTarget(prisma, "acme.example");
    const before = await searchIntroPaths(prisma, store, { from, to });
    expect(before.paths).toEqual([]);
    expect(before.noPath?.message).toContain("No path to anyone at Acme");

    await connect(prisma, g.fay, g.zed, { strength: 0.5 });
    clock += 500; // within the interval: the cached snapshot, no check
    expect((await searchIntroPaths(prisma, store, { from, to })).paths).toEqual([]);
    clock += 2_000;
    const after = await searchIntroPaths(prisma, store, { from, to });
    expect(after.paths.map(names)).toEqual(["Me Member → Bob → Fay → Zed"]);
    expect(store.info.builds).toBe(2);

    clock += 2_000; // nothing changed: checked, not rebuilt
    await store.get();
    expect(store.info.builds).toBe(2);
  });

  it("never shows a person deleted since the snapshot's last check, nor a deleted organization's name", async () => {
    const g = await seedGraph();
    const clock = 1_000;
    const store = new SnapshotStore({ db: prisma, refreshIntervalMs: 60_000, now: () => clock });
    const from = await resolveSource(prisma, { personId: g.me.id });
    const to = await resolveTarget(prisma, "Dana@Stripe.example");
    expect((await searchIntroPaths(prisma, store, { from, to })).paths.map(names)).toEqual(["Me Member → Ann → Dana", "Me Member → Bob → Dana"]);

    // Within the refresh interval the cached snapshot still has Ann; the search sees her gone and checks again.
    await prisma.person.update({ where: { id: g.ann.id }, data: { deletedAt: new Date() } });
    await prisma.organization.update({ where: { id: g.stripe.id }, data: { deletedAt: new Date() } });
    const result = await searchIntroPaths(prisma, store, { from, to });
    expect(result.paths.map(names)).toEqual(["Me Member → Bob → Dana"]);
    expect(result.paths[0]?.hops[1]?.to).toMatchObject({ id: g.dana.id, organization: null });
    expect(store.info.builds).toBe(2);
  });

  it("shares one in-flight build between concurrent callers", async () => {
    await seedGraph();
    let loads = 0;
    const store = new SnapshotStore({ db: prisma, load: (db) => ((loads += 1), loadGraphSnapshot(db)) });
    const [a, b, c] = await Promise.all([store.get(), store.get(), store.get()]);
    expect(loads).toBe(1);
    expect(a).toBe(b);
    expect(b).toBe(c);
  });

  it("answers 404 for unknown or deleted targets and 409 for a member without a person", async () => {
    const g = await seedGraph();
    const status = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => (error instanceof AppError ? error.status : error));
    expect(await status(resolveTarget(prisma, "nobody@nowhere.example"))).toBe(404);
    // A typed address or domain that nobody has is told apart from an id that is gone (the screen words each).
    const fieldsOf = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => (error instanceof AppError ? error.fields : null));
    expect(await fieldsOf(resolveTarget(prisma, "nowhere.example"))).toEqual({ to: [TARGET_NO_MATCH] });
    expect(await fieldsOf(resolveTarget(prisma, g.ghost.id))).toEqual({ to: ["not found"] });
    expect(await status(resolveTarget(prisma, "nowhere.example"))).toBe(404);
    expect(await status(resolveTarget(prisma, g.ghost.id))).toBe(404);
    expect(await status(resolveTarget(prisma, "00000000-0000-4000-8000-000000000000"))).toBe(404);
    expect(await status(resolveSource(prisma, { personId: null }))).toBe(409);
    expect(await status(resolveSource(prisma, { personId: null, fromEmail: "dana@stripe.example" }))).toBe(404); // not on the team
  });

  it("rejects absurd parameters with a 400 naming the allowed ranges", async () => {
    const g = await seedGraph();
    const store = new SnapshotStore({ db: prisma });
    const from = await resolveSource(prisma, { personId: g.me.id });
    const to = await resolveTarget(prisma, g.dana.id);
    const error = await searchIntroPaths(prisma, store, { from, to, k: 10_000, maxHops: 10 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PathParamsError);
    const response = errorResponse(error, "test");
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string; fields: Record<string, string[]> } };
    expect(body.error.code).toBe("BAD_REQUEST");
    expect(body.error.message).toContain("1..20");
    expect(body.error.fields.k).toEqual(["must be an integer from 1 to 20"]);
    expect(body.error.fields.maxHops).toEqual(["must be an integer from 1 to 4"]);
    expect(store.info.builds).toBe(0); // rejected before any work
  });
});
