// The full recompute swaps in a rebuilt Edge table (edge-rebuild.ts). What must survive the swap: the table's
// catalog (columns, indexes, constraints, by name and definition), the ids, types and createdAt of
// recomputed rows, every row of a pair that was not recomputed, and, on failure, the old table untouched.
import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "../db";
import { resetDatabase } from "../testing/reset-database";
import { recomputeAllEdges } from "./recompute-all";

const AS_OF = new Date("2026-11-01T00:00:00Z");

beforeEach(resetDatabase);

/** Everything about "Edge" in the catalog that a migration or Prisma relies on, without OIDs. */
async function edgeCatalog(): Promise<unknown> {
  const [columns, indexes, constraints] = await Promise.all([
    prisma.$queryRawUnsafe(
      `SELECT column_name, data_type, udt_name, is_nullable, column_default FROM information_schema.columns
        WHERE table_name = 'Edge' AND table_schema = current_schema() ORDER BY ordinal_position`,
    ),
    prisma.$queryRawUnsafe(`SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'Edge' AND schemaname = current_schema() ORDER BY indexname`),
    prisma.$queryRawUnsafe(
      `SELECT conname, contype::text, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = '"Edge"'::regclass ORDER BY conname`,
    ),
  ]);
  return { columns, indexes, constraints };
}

async function seedPairs() {
  const people = await Promise.all(
    ["a", "b", "c", "d"].map((name) => prisma.person.create({ data: { names: [name.toUpperCase()], emails: [`${name}@x.example`] } })),
  );
  const [a, b, c, d] = people as [(typeof people)[0], (typeof people)[0], (typeof people)[0], (typeof people)[0]];
  await prisma.interaction.createMany({
    data: [
      { sourceName: "gmail", sourceId: "m1", timestamp: new Date("2026-10-20T00:00:00Z"), participants: ["a@x.example", "b@x.example"], channel: "email", direction: "two_way" },
      { sourceName: "calendar", sourceId: "e1", timestamp: new Date("2026-09-02T10:00:00Z"), participants: ["a@x.example", "c@x.example"], channel: "meeting" },
    ],
  });
  return { a, b, c, d };
}

describe("edge table rebuild", () => {
  it("keeps the catalog, the ids of recomputed rows, and the rows of pairs it did not recompute", async () => {
    const { a, b, c, d } = await seedPairs();
    const before = await edgeCatalog();
    const created = new Date("2025-01-01T00:00:00Z");
    const colleague = await prisma.edge.create({ data: { fromPersonId: a.id, toPersonId: b.id, relationshipType: "colleague", strength: 0.1, createdAt: created } });
    // No interactions between c and d: a seed edge that a full recompute must leave exactly as it is.
    const untouched = await prisma.edge.create({ data: { fromPersonId: c.id, toPersonId: d.id, strength: 0.42, sources: ["seed"], interactionCount: 3 } });

    const result = await recomputeAllEdges(prisma, { asOf: AS_OF });
    expect(result).toMatchObject({ pairs: 2, edges: 4 });
    expect(await edgeCatalog()).toEqual(before);

    const rows = await prisma.edge.findMany();
    expect(rows).toHaveLength(5);
    const kept = rows.find((row) => row.id === colleague.id);
    expect(kept).toMatchObject({ fromPersonId: a.id, toPersonId: b.id, relationshipType: "colleague", createdAt: created });
    expect(kept?.strength).toBeGreaterThan(0.1);
    expect(rows.find((row) => row.id === untouched.id)).toEqual(untouched);
    expect(rows.filter((row) => row.fromPersonId === b.id && row.toPersonId === a.id).map((row) => row.relationshipType)).toEqual(["knows"]);

    // A second pass at the same instant changes no value, so no updatedAt moves.
    const first = new Map(rows.map((row) => [row.id, row.updatedAt.getTime()]));
    await recomputeAllEdges(prisma, { asOf: AS_OF });
    const again = await prisma.edge.findMany();
    expect(new Map(again.map((row) => [row.id, row.updatedAt.getTime()]))).toEqual(first);
    expect(await edgeCatalog()).toEqual(before);

    // Foreign keys came back: an edge to nobody is refused, and deleting a person still cascades.
    await expect(prisma.edge.create({ data: { fromPersonId: a.id, toPersonId: "00000000-0000-4000-8000-000000000000" } })).rejects.toThrow();
    await prisma.person.delete({ where: { id: d.id } });
    expect(await prisma.edge.count({ where: { id: untouched.id } })).toBe(0);
  });

  it("keeps every id when each old row was recomputed (the copy of untouched rows is skipped)", async () => {
    const { a, b } = await seedPairs();
    await recomputeAllEdges(prisma, { asOf: AS_OF });
    const before = await prisma.edge.findMany({ orderBy: { id: "asc" } });
    expect(before).toHaveLength(4);
    await prisma.interaction.create({
      data: { sourceName: "gmail", sourceId: "m2", timestamp: new Date("2026-10-30T00:00:00Z"), participants: ["b@x.example", "a@x.example"], channel: "email" },
    });
    await recomputeAllEdges(prisma, { asOf: new Date("2026-11-02T00:00:00Z") });
    const after = await prisma.edge.findMany({ orderBy: { id: "asc" } });
    expect(after.map((row) => [row.id, row.fromPersonId, row.toPersonId, row.createdAt])).toEqual(before.map((row) => [row.id, row.fromPersonId, row.toPersonId, row.createdAt]));
    const ab = after.find((row) => row.fromPersonId === a.id && row.toPersonId === b.id);
    expect(ab?.interactionCount).toBe(2);
  });

  it("leaves the old table in place when the recompute is stopped", async () => {
    await seedPairs();
    await recomputeAllEdges(prisma, { asOf: AS_OF });
    const before = await prisma.edge.findMany({ orderBy: { id: "asc" } });
    const controller = new AbortController();
    controller.abort();
    await expect(recomputeAllEdges(prisma, { asOf: new Date("2026-11-20T00:00:00Z"), signal: controller.signal })).rejects.toThrow(/stopped/);
    expect(await prisma.edge.findMany({ orderBy: { id: "asc" } })).toEqual(before);
    const leftovers = await prisma.$queryRawUnsafe<unknown[]>(`SELECT 1 FROM pg_class WHERE relname = 'Edge_rebuild'`);
    expect(leftovers).toHaveLength(0);
  });
});
