// The query patterns the @wig/db contract documents, on a real PostgreSQL.
import { beforeEach, describe, expect, it } from "vitest";
import { auditTrailForCorrelation } from "../audit/queries";
import { runInOperation } from "../audit/correlation";
import { writeAudit } from "../audit/write-audit";
import { findSecondDegreeConnections } from "../graph/second-degree";
import { mergePeople } from "../identity/merge-people";
import { findPeopleByEmails } from "../people/find-by-emails";
import { connect, createOrganization, createPerson } from "../testing/factories";
import { resetDatabase } from "../testing/reset-database";
import { createPrismaClient, prisma } from "./index";

beforeEach(resetDatabase);

describe("finding a person by any of several emails", () => {
  it("matches on any address, case-insensitively, and skips soft-deleted people", async () => {
    const dana = await createPerson(prisma, { name: "Dana Reyes", emails: ["dana@stripe.example", "dana.reyes@gmail.com"] });
    await createPerson(prisma, { name: "Gone Person", emails: ["gone@stripe.example"], deleted: true });
    const found = await findPeopleByEmails(prisma, ["DANA.REYES@gmail.com", "nobody@example.com", "gone@stripe.example"]);
    expect(found.map((person) => person.id)).toEqual([dana.id]);
  });
});

describe("merging with history", () => {
  it("unions identifiers, records previousIds and the explanation, re-keys edges and audits it", async () => {
    const org = await createOrganization(prisma, { name: "Stripe" });
    const survivor = await createPerson(prisma, { name: "Dana Reyes", emails: ["dana@stripe.example"], organizationId: org.id });
    const duplicate = await createPerson(prisma, { names: ["D. Reyes"], emails: ["dana.reyes@gmail.com"], phones: ["+14155550100"] });
    const friend = await createPerson(prisma, { name: "Sam Okafor" });
    const other = await createPerson(prisma, { name: "Lee Park" });
    await connect(prisma, survivor, friend, { strength: 0.4, interactionCount: 2, sources: ["gmail"] });
    await connect(prisma, duplicate, friend, { strength: 0.7, interactionCount: 3, sources: ["slack"] });
    await connect(prisma, duplicate, other, { strength: 0.3 });
    await connect(prisma, duplicate, survivor, { strength: 0.9 });

    const result = await mergePeople(prisma, { survivorId: survivor.id, mergedId: duplicate.id, explanation: "Same phone and name" });

    const merged = await prisma.person.findUniqueOrThrow({ where: { id: survivor.id } });
    expect(merged.names).toEqual(["Dana Reyes", "D. Reyes"]);
    expect(merged.emails).toEqual(["dana@stripe.example", "dana.reyes@gmail.com"]);
    expect(merged.phones).toEqual(["+14155550100"]);
    expect(merged.previousIds).toEqual([duplicate.id]);
    expect(merged.mergeExplanation).toBe("Same phone and name");
    const loser = await prisma.person.findUniqueOrThrow({ where: { id: duplicate.id } });
    expect(loser.deletedAt).not.toBeNull();

    const toFriend = await prisma.edge.findFirstOrThrow({ where: { fromPersonId: survivor.id, toPersonId: friend.id } });
    expect(toFriend.interactionCount).toBe(5);
    expect(toFriend.strength).toBeCloseTo(0.7);
    expect(toFriend.sources.sort()).toEqual(["gmail", "slack"]);
    expect(await prisma.edge.count({ where: { OR: [{ fromPersonId: duplicate.id }, { toPersonId: duplicate.id }] } })).toBe(0);
    expect(await prisma.edge.count({ where: { fromPersonId: survivor.id, toPersonId: survivor.id } })).toBe(0);
    expect(await prisma.edge.count({ where: { fromPersonId: survivor.id } })).toBe(2);

    const audit = await auditTrailForCorrelation(prisma, result.correlationId);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "person.merged", entityType: "Person", entityId: survivor.id });
  });

  it("refuses to merge a person with itself or with a deleted person, changing nothing", async () => {
    const a = await createPerson(prisma);
    const gone = await createPerson(prisma, { deleted: true });
    await expect(mergePeople(prisma, { survivorId: a.id, mergedId: a.id, explanation: "x" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(mergePeople(prisma, { survivorId: a.id, mergedId: gone.id, explanation: "x" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await prisma.person.findUniqueOrThrow({ where: { id: a.id } })).previousIds).toEqual([]);
    expect(await prisma.auditLog.count()).toBe(0);
  });
});

describe("second-degree connections", () => {
  it("finds friends of friends ranked by the best path, excluding direct ties and deleted people", async () => {
    const [me, alice, bob, carol, dave, ghost] = await Promise.all(
      ["Me", "Alice", "Bob", "Carol", "Dave", "Ghost"].map((name) => createPerson(prisma, { name, deleted: name === "Ghost" })),
    );
    if (!me || !alice || !bob || !carol || !dave || !ghost) throw new Error("setup");
    await connect(prisma, me, alice, { strength: 0.9 });
    await connect(prisma, me, bob, { strength: 0.5 });
    await connect(prisma, alice, carol, { strength: 0.5 });
    await connect(prisma, bob, carol, { strength: 0.8 });
    await connect(prisma, bob, dave, { strength: 0.6 });
    await connect(prisma, alice, bob, { strength: 0.3 });
    await connect(prisma, alice, ghost, { strength: 1 });

    const result = await findSecondDegreeConnections(prisma, me.id);
    expect(result.map((row) => row.name)).toEqual(["Carol", "Dave"]);
    expect(result[0]).toMatchObject({ viaName: "Alice", mutualCount: 2 });
    expect(result[0]?.pathStrength).toBeCloseTo(0.45);
    expect(result[1]).toMatchObject({ viaName: "Bob", mutualCount: 1 });
  });
});

describe("audit rows grouped by correlation id", () => {
  it("shares one id across the rows of one operation", async () => {
    const person = await createPerson(prisma);
    await runInOperation({ correlationId: "merge-1764126000000-abcdef12", actorId: null }, async () => {
      await prisma.$transaction(async (tx) => {
        await writeAudit(tx, { action: "merge.started", entityType: "Person", entityId: person.id });
        await writeAudit(tx, { action: "person.merged", entityType: "Person", entityId: person.id });
      });
    });
    await writeAudit(prisma, { action: "sync.started", entityType: "SyncState" });
    const rows = await auditTrailForCorrelation(prisma, "merge-1764126000000-abcdef12");
    expect(rows.map((row) => row.action)).toEqual(["merge.started", "person.merged"]);
    expect(await prisma.auditLog.count()).toBe(3);
  });
});

describe("soft delete", () => {
  it("keeps the row but filters it from every people query that passes deletedAt: null", async () => {
    const kept = await createPerson(prisma, { name: "Kept" });
    const removed = await createPerson(prisma, { name: "Removed" });
    await prisma.person.update({ where: { id: removed.id }, data: { deletedAt: new Date() } });
    const visible = await prisma.person.findMany({ where: { deletedAt: null } });
    expect(visible.map((person) => person.id)).toEqual([kept.id]);
    expect(await prisma.person.count()).toBe(2);
  });
});

describe("loading people with their edges", () => {
  it("uses a constant number of queries however many people there are (no N+1)", async () => {
    const people: Array<{ id: string }> = [];
    for (let index = 0; index < 12; index++) people.push(await createPerson(prisma, { name: `P${index}` }));
    for (let index = 1; index < people.length; index++) await connect(prisma, people[0]!, people[index]!);

    // Count statements at the driver level, where an N+1 would show. A fresh client so the count
    // starts from a clean pool.
    const client = createPrismaClient(process.env.DATABASE_URL ?? "");
    const included = { count: 0 };
    const loaded = await countStatements(included, () =>
      client.person.findMany({
        where: { deletedAt: null },
        include: { outgoingEdges: { include: { toPerson: { select: { id: true, names: true } } } }, organization: true },
      }),
    );
    // The control: the naive per-person loop the pattern avoids really does issue one query per person.
    const naive = { count: 0 };
    await countStatements(naive, async () => {
      const list = await client.person.findMany({ where: { deletedAt: null } });
      for (const person of list) await client.edge.findMany({ where: { fromPersonId: person.id } });
    });
    await client.$disconnect();
    expect(loaded).toHaveLength(12);
    expect(loaded.find((person) => person.id === people[0]!.id)?.outgoingEdges).toHaveLength(11);
    expect(included.count).toBeGreaterThanOrEqual(1);
    expect(included.count).toBeLessThanOrEqual(4);
    expect(naive.count).toBeGreaterThanOrEqual(13);
  });
});

async function countStatements<T>(counter: { count: number }, run: () => Promise<T>): Promise<T> {
  const pg = await import("pg");
  const original = pg.default.Client.prototype.query;
  pg.default.Client.prototype.query = function patched(this: unknown, ...args: unknown[]) {
    counter.count++;
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    return await run();
  } finally {
    pg.default.Client.prototype.query = original;
  }
}
