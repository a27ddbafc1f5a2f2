// A member's blocklist applied to path search and the ego network (issue 7, item 5): blocking a person or a
// domain hides the edges between the member's own node and them, for every searcher, picked up by the
// snapshot store's staleness check; removing the entry brings them back. Entries are the member's own.
import { beforeEach, describe, expect, it } from "vitest";
import { runInOperation } from "../audit/correlation";
import { prisma } from "../db";
import { resolveSource, resolveTarget, searchIntroPaths } from "../paths/queries";
import { SnapshotStore } from "../paths/snapshot-store";
import { findSecondDegreeConnections } from "../graph/second-degree";
import { getEgoNetwork } from "../people/ego-network";
import { getStrongestRelationships } from "../people/queries";
import { connect, createOrganization, createPerson } from "../testing/factories";
import { resetDatabase } from "../testing/reset-database";
import { addBlocklistEntry, listBlocklist, removeBlocklistEntry } from "./blocklist";
import { loadHiddenEdgePairs } from "./hidden-edges";

beforeEach(resetDatabase);

//   me ─0.9─ ann ─0.8─ dana(stripe)     me ─0.6─ bob ─0.95─ dana     me ─0.5─ fay(stripe, direct)
async function seedGraph() {
  const stripe = await createOrganization(prisma, { name: "Stripe", domain: "stripe.example" });
  const me = await createPerson(prisma, { name: "Me Member", emails: ["me@team.example"] });
  const user = await prisma.user.create({ data: { email: "me@team.example", personId: me.id } });
  const other = await prisma.user.create({ data: { email: "other@team.example" } });
  const ann = await createPerson(prisma, { name: "Ann", emails: ["ann@ann.example"] });
  const bob = await createPerson(prisma, { name: "Bob", emails: ["bob@bob.example"] });
  const dana = await createPerson(prisma, { name: "Dana", emails: ["dana@stripe.example"], organizationId: stripe.id });
  const fay = await createPerson(prisma, { name: "Fay", emails: ["fay@stripe.example"], organizationId: stripe.id });
  await connect(prisma, me, ann, { strength: 0.9 });
  await connect(prisma, ann, dana, { strength: 0.8 });
  await connect(prisma, me, bob, { strength: 0.6 });
  await connect(prisma, bob, dana, { strength: 0.95 });
  await connect(prisma, me, fay, { strength: 0.5 });
  return { me, user, other, ann, bob, dana, fay };
}

const names = (path: { people: Array<{ name: string }> }) => path.people.map((person) => person.name).join(" → ");
const asUser = <T>(userId: string, fn: () => Promise<T>) => runInOperation({ correlationId: "test-op-block0001", actorId: userId }, fn);

describe("member blocklist", () => {
  it("hides the member's edges to a blocked person from path search for everyone, until removed", async () => {
    const g = await seedGraph();
    const store = new SnapshotStore({ db: prisma, refreshIntervalMs: 0 });
    const search = async (fromId: string, to: string) =>
      (await searchIntroPaths(prisma, store, { from: await resolveSource(prisma, { personId: fromId }), to: await resolveTarget(prisma, to), k: 5, maxHops: 3 })).paths.map(names);

    expect(await search(g.me.id, "dana@stripe.example")).toEqual(["Me Member → Ann → Dana", "Me Member → Bob → Dana"]);
    const entry = await asUser(g.user.id, () => addBlocklistEntry(prisma, g.user.id, { personId: g.ann.id }));

    expect(await search(g.me.id, "dana@stripe.example")).toEqual(["Me Member → Bob → Dana"]);
    // For everyone: Bob's path to Ann through the member is gone too; Ann's own other edges stay.
    expect(await search(g.bob.id, "ann@ann.example")).toEqual(["Bob → Dana → Ann"]);
    const ego = await getEgoNetwork(g.me.id, 50);
    expect(ego?.nodes.map((node) => node.name)).not.toContain("Ann");
    expect((await getEgoNetwork(g.ann.id, 50))?.edges.some((edge) => [edge.source, edge.target].includes(g.me.id))).toBe(false);

    await asUser(g.user.id, () => removeBlocklistEntry(prisma, g.user.id, { entryId: entry.id }));
    expect(await search(g.me.id, "dana@stripe.example")).toEqual(["Me Member → Ann → Dana", "Me Member → Bob → Dana"]);
    const audit = await prisma.auditLog.findMany({ where: { entityId: entry.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((row) => [row.action, row.actorId])).toEqual([
      ["blocklist.added", g.user.id],
      ["blocklist.removed", g.user.id],
    ]);
  });

  it("leaves hidden pairs out of a profile's strongest relationships and of second-degree connections", async () => {
    const g = await seedGraph();
    const strongest = async (personId: string) => (await getStrongestRelationships(personId)).rows.map((row) => row.person.names[0]);
    const secondDegree = async (personId: string) =>
      Object.fromEntries((await findSecondDegreeConnections(prisma, personId)).map((hit) => [hit.name, hit.mutualCount]));
    expect(await strongest(g.me.id)).toEqual(["Ann", "Bob", "Fay"]);
    expect((await secondDegree(g.bob.id)).Ann).toBe(2);

    await asUser(g.user.id, () => addBlocklistEntry(prisma, g.user.id, { personId: g.ann.id }));
    expect(await strongest(g.me.id)).toEqual(["Bob", "Fay"]);
    expect((await getStrongestRelationships(g.me.id)).total).toBe(2);
    expect(await strongest(g.ann.id)).toEqual(["Dana"]);
    // Bob still reaches Ann, through Dana only: the member's hidden edge no longer counts as a mutual connection.
    expect((await secondDegree(g.bob.id)).Ann).toBe(1);
    expect(await secondDegree(g.ann.id)).not.toHaveProperty("Me Member");
  });

  it("hides the member's edges to everyone at a blocked email domain", async () => {
    const g = await seedGraph();
    const store = new SnapshotStore({ db: prisma, refreshIntervalMs: 0 });
    const from = await resolveSource(prisma, { personId: g.me.id });
    const to = await resolveTarget(prisma, "stripe.example");
    expect((await searchIntroPaths(prisma, store, { from, to })).paths.map(names)).toContain("Me Member → Fay");

    await addBlocklistEntry(prisma, g.user.id, { domain: "@Stripe.Example" });
    const hidden = await loadHiddenEdgePairs(prisma);
    expect(hidden.has(g.me.id, g.fay.id)).toBe(true);
    expect(hidden.has(g.ann.id, g.dana.id)).toBe(false);
    const paths = (await searchIntroPaths(prisma, store, { from, to })).paths.map(names);
    expect(paths).not.toContain("Me Member → Fay");
    expect(paths).toContain("Me Member → Ann → Dana");
  });

  it("keeps entries per member: duplicates refused, other members' entries invisible and not removable", async () => {
    const g = await seedGraph();
    const entry = await addBlocklistEntry(prisma, g.user.id, { domain: "stripe.example" });
    await expect(addBlocklistEntry(prisma, g.user.id, { domain: "STRIPE.example" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(addBlocklistEntry(prisma, g.user.id, { personId: g.me.id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(addBlocklistEntry(prisma, g.user.id, { domain: "not a domain" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await listBlocklist(prisma, g.other.id)).toEqual([]);
    await expect(removeBlocklistEntry(prisma, g.other.id, { entryId: entry.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await listBlocklist(prisma, g.user.id)).map((row) => row.domain)).toEqual(["stripe.example"]);
  });
});
