// The graph and person screens' reads against PostgreSQL: the ego network's hops, cap, filters and forced
// path people; one relationship's factor breakdown; identities per source; the monthly timeline; merges.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "../db";
import { connect, createInteraction, createPerson } from "../testing/factories";
import { resetDatabase } from "../testing/reset-database";
import { getEdgeDetails } from "./edge-details";
import { getEgoNetwork } from "./ego-network";
import { getIdentitiesBySource, getInteractionTimeline, getMergeHistory } from "./person-details";

beforeEach(async () => {
  await resetDatabase();
});

/** centre — a (0.9, email, gmail, recent), centre — b (0.3, meeting, calendar, old); a — c (0.8); c — d (0.7). */
async function world() {
  const [centre, a, b, c, d] = await Promise.all(["Centre", "A", "B", "C", "D"].map((name) => createPerson(prisma, { name })));
  if (!centre || !a || !b || !c || !d) throw new Error("people not created");
  await connect(prisma, centre, a, { strength: 0.9, channels: ["email"], sources: ["gmail"] });
  await connect(prisma, centre, b, { strength: 0.3, channels: ["meeting"], sources: ["calendar"] });
  await prisma.edge.updateMany({ where: { OR: [{ fromPersonId: b.id }, { toPersonId: b.id }] }, data: { lastSeenAt: new Date("2020-01-01T00:00:00Z") } });
  await connect(prisma, a, c, { strength: 0.8 });
  await connect(prisma, c, d, { strength: 0.7 });
  return { centre, a, b, c, d };
}

describe("getEgoNetwork", () => {
  it("draws direct ties at one hop and friends of friends at two, ranked by the two-hop product", async () => {
    const { centre, a, b, c } = await world();
    const one = await getEgoNetwork(centre.id, { hops: 1 });
    expect(one?.nodes.map((node) => node.id)).toEqual([centre.id, a.id, b.id]);
    const two = await getEgoNetwork(centre.id, { hops: 2 });
    expect(two?.nodes.map((node) => [node.id, node.hops])).toEqual([
      [centre.id, 0],
      [a.id, 1],
      [b.id, 1],
      [c.id, 2],
    ]);
    expect(two?.nodes.find((node) => node.id === c.id)?.strengthToCenter).toBeCloseTo(0.72);
    expect(two?.edges.map((edge) => edge.id).sort()).toHaveLength(3);
    expect(two?.sources).toEqual(["calendar", "gmail"]);
  });

  it("filters by minimum strength, source, channel and time window in SQL", async () => {
    const { centre, a, b } = await world();
    const ids = async (options: Parameters<typeof getEgoNetwork>[1]) => (await getEgoNetwork(centre.id, options))?.nodes.map((node) => node.id);
    expect(await ids({ minStrength: 0.5 })).toEqual([centre.id, a.id]);
    expect(await ids({ source: "calendar" })).toEqual([centre.id, b.id]);
    expect(await ids({ channel: "email" })).toEqual([centre.id, a.id]);
    expect(await ids({ window: "1y", now: new Date("2026-11-01T00:00:00Z") })).toEqual([centre.id, a.id]);
  });

  it("at two hops gives friends of friends up to half the cap, and says what the cap left out", async () => {
    const centre = await createPerson(prisma, { name: "Hub" });
    const direct = [];
    for (let index = 0; index < 6; index += 1) {
      const person = await createPerson(prisma, { name: `D${index}` });
      await connect(prisma, centre, person, { strength: 0.9 - index * 0.05 });
      direct.push(person);
    }
    for (let index = 0; index < 5; index += 1) await connect(prisma, direct[0]!, await createPerson(prisma, { name: `F${index}` }), { strength: 0.5 - index * 0.05 });

    const one = await getEgoNetwork(centre.id, { hops: 1, limit: 5 });
    expect(one).toMatchObject({ totalNeighbours: 6, shownNeighbours: 4, totalSecondDegree: 0, shownSecondDegree: 0, truncated: true });
    // 4 slots: 2 direct ties (the bridges) and 2 of the 5 friends of friends, closest first.
    const two = await getEgoNetwork(centre.id, { hops: 2, limit: 5 });
    expect(two).toMatchObject({ totalNeighbours: 6, shownNeighbours: 2, totalSecondDegree: 5, shownSecondDegree: 2, truncated: true });
    expect(two?.nodes.map((node) => [node.name, node.hops])).toEqual([["Hub", 0], ["D0", 1], ["D1", 1], ["F0", 2], ["F1", 2]]);
    // Slots the friends of friends leave go back to direct ties.
    const roomy = await getEgoNetwork(centre.id, { hops: 2, limit: 50 });
    expect(roomy).toMatchObject({ shownNeighbours: 6, shownSecondDegree: 5, truncated: false });
  });

  it("caps the view and keeps the people of a highlighted path whatever the cap", async () => {
    const { centre, a, c, d } = await world();
    const capped = await getEgoNetwork(centre.id, { limit: 2, path: [centre.id, a.id, c.id, d.id] });
    expect(capped?.truncated).toBe(true);
    expect(capped?.nodes.map((node) => node.id).sort()).toEqual([centre.id, a.id, c.id, d.id].sort());
    expect(capped?.edges.map((edge) => edge.id).sort()).toEqual(
      [
        [centre.id, a.id],
        [a.id, c.id],
        [c.id, d.id],
      ]
        .map(([x, y]) => ((x as string) < (y as string) ? `${x}:${y}` : `${y}:${x}`))
        .sort(),
    );
  });
});

describe("getEdgeDetails", () => {
  it("returns both directions with parsed factors, and nothing when a person is deleted", async () => {
    const { centre, a } = await world();
    const details = await getEdgeDetails(a.id, centre.id);
    expect(details?.directions.map((direction) => [direction.fromId, direction.toId])).toEqual([
      [a.id, centre.id],
      [centre.id, a.id],
    ]);
    // The factories store no breakdown: shown as "none", never as a crash.
    expect(details?.directions[0]?.factors).toBeNull();
    await prisma.person.update({ where: { id: a.id }, data: { deletedAt: new Date() } });
    expect(await getEdgeDetails(a.id, centre.id)).toBeNull();
  });
});

describe("person details", () => {
  it("groups identities by source, counts interactions per month and channel, and lists merges", async () => {
    const token = randomUUID().slice(0, 8);
    const email = `p.${token}@example.com`;
    const person = await createPerson(prisma, { names: ["P"], emails: [email], socialHandles: { linkedin: `p-${token}` } });
    await prisma.personIdentity.createMany({
      data: [
        { personId: person.id, sourceName: "linkedin", sourceId: `li-${token}` },
        { personId: person.id, sourceName: "gmail", sourceId: email },
        { personId: person.id, sourceName: "gmail", sourceId: `old-${token}` },
      ],
    });
    await createInteraction(prisma, { participants: [email, "x@example.com"], channel: "email", timestamp: new Date("2026-10-03T00:00:00Z") });
    // A LinkedIn connection whose export row had no address names the person by profile.
    await createInteraction(prisma, { participants: ["owner@example.com", `linkedin:p-${token}`], channel: "linkedin", direction: null, timestamp: new Date("2026-10-05T00:00:00Z") });
    await createInteraction(prisma, { participants: [email], channel: "email", timestamp: new Date("2026-10-20T00:00:00Z") });
    await createInteraction(prisma, { participants: [email], channel: "meeting", timestamp: new Date("2026-09-20T00:00:00Z") });
    await createInteraction(prisma, { participants: ["someone@example.com"], channel: "call", timestamp: new Date("2026-10-20T00:00:00Z") });
    await createInteraction(prisma, { participants: [email], channel: "call", timestamp: new Date("2023-01-01T00:00:00Z") });

    const groups = await getIdentitiesBySource(person.id);
    expect(groups.map((group) => [group.sourceName, group.identities.length])).toEqual([
      ["gmail", 2],
      ["linkedin", 1],
    ]);
    expect(await getInteractionTimeline(person.id, { now: new Date("2026-11-15T00:00:00Z"), months: 24 })).toEqual([
      { month: "2026-09", channel: "meeting", count: 1 },
      { month: "2026-10", channel: "email", count: 2 },
      { month: "2026-10", channel: "linkedin", count: 1 },
    ]);

    const merged = randomUUID();
    await prisma.merge.create({ data: { survivorId: person.id, mergedId: merged, method: "review", explanation: "same email", snapshot: {}, correlationId: "t" } });
    expect((await getMergeHistory(person.id)).map((merge) => merge.mergedId)).toEqual([merged]);
    // A merge's tombstone is part of its history; a record deleted after its merge was undone is not named.
    const tombstone = await createPerson(prisma, { name: "Tomb Stone" });
    await prisma.person.update({ where: { id: tombstone.id }, data: { deletedAt: new Date(), metadata: { mergedInto: person.id } } });
    const deletedLater = await createPerson(prisma, { name: "Del Eted", deleted: true });
    for (const [mergedId, day] of [[tombstone.id, 2], [deletedLater.id, 3]] as const) {
      await prisma.merge.create({
        data: { survivorId: person.id, mergedId, method: "manual", explanation: `same as ${mergedId}`, snapshot: {}, correlationId: "t", createdAt: new Date(Date.UTC(2030, 0, day)) },
      });
    }
    expect((await getMergeHistory(person.id)).map((merge) => [merge.mergedId, merge.explanation])).toEqual([
      [deletedLater.id, "Not shown: a person of this merge has since been deleted."],
      [tombstone.id, `same as ${tombstone.id}`],
      [merged, "same email"],
    ]);

    await prisma.person.update({ where: { id: person.id }, data: { deletedAt: new Date() } });
    expect(await getIdentitiesBySource(person.id)).toEqual([]);
    expect(await getInteractionTimeline(person.id)).toEqual([]);
  });
});
