// Mutual connections in the per-pair recompute (pair-neighbours.ts) on a real PostgreSQL: people are counted
// from the Edge index alone, so a deleted person, whose edges stay until the next full recompute, must be
// taken out in TypeScript; a hub (more than HUB_DEGREE edges) is counted by index probes instead of its list.
import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "../db";
import { sqlRunner } from "../db/sql-runner";
import { usePgClient } from "../testing/pg-client";
import { resetDatabase } from "../testing/reset-database";
import { pairKey } from "./pair-key";
import { HUB_DEGREE, mutualConnectionsOf, neighbourCache } from "./pair-neighbours";

const pgClient = usePgClient();
beforeEach(resetDatabase);

async function person(name: string): Promise<string> {
  return (await prisma.person.create({ data: { names: [name], emails: [`${name}@x.example`] } })).id;
}

async function link(pairs: Array<[string, string]>): Promise<void> {
  await prisma.edge.createMany({ data: pairs.flatMap(([x, y]) => [{ fromPersonId: x, toPersonId: y, strength: 0.5 }, { fromPersonId: y, toPersonId: x, strength: 0.5 }]) });
}

describe("mutualConnectionsOf", () => {
  it("counts live people both have an edge with, leaving deleted ones out, for ordinary people and hubs", async () => {
    const [a, b, c, d, hub] = [await person("a"), await person("b"), await person("c"), await person("d"), await person("hub")];
    await prisma.person.createMany({ data: Array.from({ length: HUB_DEGREE }, (_, index) => ({ names: [`f${index}`], emails: [`f${index}@x.example`] })) });
    const fillers = (await prisma.person.findMany({ where: { names: { hasSome: Array.from({ length: HUB_DEGREE }, (_, index) => `f${index}`) } }, select: { id: true } })).map((row) => row.id);
    await link([[a, c], [b, c], [a, d], [b, d], [hub, c], [hub, d], ...fillers.map((id): [string, string] => [hub, id])]);
    await prisma.person.update({ where: { id: d }, data: { deletedAt: new Date() } });

    const cache = neighbourCache();
    const counts = await mutualConnectionsOf(sqlRunner(pgClient()), [[a, b], [a, hub]], cache);
    expect(cache.hubs.get(hub)).toBe(true);
    expect(cache.hubs.get(a)).toBe(false);
    // c only: d is deleted. (a, b) are ordinary people, (a, hub) is counted by probes into the hub's edges.
    expect(counts.get(pairKey(a, b))).toBe(1);
    expect(counts.get(pairKey(a, hub))).toBe(1);

    await prisma.person.update({ where: { id: d }, data: { deletedAt: null } });
    const restored = await mutualConnectionsOf(sqlRunner(pgClient()), [[a, b], [a, hub]]);
    expect(restored.get(pairKey(a, b))).toBe(2);
    expect(restored.get(pairKey(a, hub))).toBe(2);
  });
});
