// Merges and their exact undo on a real PostgreSQL: the property that random merge sequences undone in
// reverse order restore every row, later unrelated changes surviving an undo, and the refusals.
import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "../../db/client";
import { createPerson, connect } from "../../testing/factories";
import { resetDatabase } from "../../testing/reset-database";
import { mergePeople } from "./merge-people";
import { dumpWorld, seedWorld } from "../testing/world";
import { undoMerge } from "./undo-merge";

beforeEach(resetDatabase);

describe("merge then undo", () => {
  it("random merge sequences undone in reverse order leave every row exactly as it was", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.boolean()), { minLength: 1, maxLength: 6 }),
        async (seed, steps) => {
          await resetDatabase();
          const world = await seedWorld(prisma, seed);
          const start = await dumpWorld(prisma);
          const mergeIds: string[] = [];
          for (const [x, y, withCandidate] of steps) {
            const live = await prisma.person.findMany({ where: { deletedAt: null }, select: { id: true }, orderBy: { id: "asc" } });
            if (live.length < 2) break;
            const survivor = live[x % live.length]?.id as string;
            const others = live.filter((person) => person.id !== survivor);
            const merged = others[y % others.length]?.id as string;
            const [a, b] = [survivor, merged].sort() as [string, string];
            const candidate = withCandidate ? await prisma.mergeCandidate.findFirst({ where: { personAId: a, personBId: b, status: "pending" } }) : null;
            const result = await mergePeople(prisma, {
              survivorId: survivor,
              mergedId: merged,
              explanation: "property test",
              method: candidate ? "review" : "manual",
              candidateId: candidate?.id ?? null,
              actorId: world.userIds[0] ?? null,
              recordDecision: withCandidate,
            });
            mergeIds.push(result.mergeId);
          }
          // The merges did change the world (so the comparison below is not vacuous).
          if (mergeIds.length > 0) expect(await dumpWorld(prisma)).not.toEqual(start);
          for (const mergeId of mergeIds.reverse()) await undoMerge(prisma, { mergeId, actorId: world.userIds[1] ?? null });
          expect(await dumpWorld(prisma)).toEqual(start);
        },
      ),
      { numRuns: 12, seed: 20261126 },
    );
  }, 240_000);

  it("keeps later unrelated changes when undoing, and re-points what the merge moved", async () => {
    const world = await seedWorld(prisma, 7, 6);
    const [a, b, c, d] = world.people.map((person) => person.id) as [string, string, string, string];
    const before = await dumpWorld(prisma);
    const { mergeId } = await mergePeople(prisma, { survivorId: a, mergedId: b, explanation: "same" });
    // Unrelated later changes: a new person with an edge to d, and d renamed.
    const newcomer = await createPerson(prisma, { name: "New Comer" });
    await connect(prisma, newcomer, { id: d });
    await prisma.person.update({ where: { id: d }, data: { title: "Later title" } });
    await undoMerge(prisma, { mergeId });
    const after = await dumpWorld(prisma);
    const person = (dump: Record<string, unknown[]>, id: string) => dump.Person?.find((row) => (row as { id: string }).id === id);
    expect(person(after, a)).toEqual(person(before, a));
    expect(person(after, b)).toEqual(person(before, b));
    expect(person(after, c)).toEqual(person(before, c));
    expect((person(after, d) as { title: string }).title).toBe("Later title");
    expect(await prisma.edge.count({ where: { fromPersonId: newcomer.id } })).toBe(1);
    const edgesOf = (dump: Record<string, unknown[]>) =>
      dump.Edge?.filter((edge) => [a, b].includes((edge as { fromPersonId: string }).fromPersonId) || [a, b].includes((edge as { toPersonId: string }).toPersonId));
    expect(edgesOf(after)).toEqual(edgesOf(before));
    expect(after.PersonIdentity).toEqual(before.PersonIdentity);
    expect(after.User).toEqual(before.User);
  });

  it("keeps values added to the survivor after the merge and removes the ones the merge brought", async () => {
    const a = await createPerson(prisma, { name: "Dana Reyes", emails: ["dana@acme.example"] });
    const b = await createPerson(prisma, { name: "D. Reyes", emails: ["dana@gmail.com"] });
    const { mergeId } = await mergePeople(prisma, { survivorId: a.id, mergedId: b.id, explanation: "same" });
    const merged = await prisma.person.findUniqueOrThrow({ where: { id: a.id } });
    await prisma.person.update({ where: { id: a.id }, data: { emails: [...merged.emails, "dana@new.example"] } });
    await undoMerge(prisma, { mergeId });
    const restored = await prisma.person.findUniqueOrThrow({ where: { id: a.id } });
    expect(restored.emails).toEqual(["dana@acme.example", "dana@new.example"]);
    expect(restored.previousIds).toEqual([]);
    expect(restored.names).toEqual(["Dana Reyes"]);
    const back = await prisma.person.findUniqueOrThrow({ where: { id: b.id } });
    expect(back.deletedAt).toBeNull();
  });

  it("refuses to undo twice, and out of order", async () => {
    const [a, b, c] = [await createPerson(prisma), await createPerson(prisma), await createPerson(prisma)];
    const first = await mergePeople(prisma, { survivorId: a.id, mergedId: b.id, explanation: "x" });
    const second = await mergePeople(prisma, { survivorId: a.id, mergedId: c.id, explanation: "y" });
    await expect(undoMerge(prisma, { mergeId: first.mergeId })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/later merge/) });
    await undoMerge(prisma, { mergeId: second.mergeId });
    await expect(undoMerge(prisma, { mergeId: second.mergeId })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/already undone/) });
    await undoMerge(prisma, { mergeId: first.mergeId });
    expect(await prisma.auditLog.count({ where: { action: "person.merge_undone" } })).toBe(2);
  });

  it("refuses to undo a merge whose survivor was merged into someone else until that one is undone", async () => {
    const [a, b, c] = [await createPerson(prisma), await createPerson(prisma), await createPerson(prisma)];
    const first = await mergePeople(prisma, { survivorId: a.id, mergedId: b.id, explanation: "x" });
    const second = await mergePeople(prisma, { survivorId: c.id, mergedId: a.id, explanation: "y" });
    await expect(undoMerge(prisma, { mergeId: first.mergeId })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/undo that merge first/) });
    await undoMerge(prisma, { mergeId: second.mergeId });
    await undoMerge(prisma, { mergeId: first.mergeId });
  });

  it("refuses merging with itself, a deleted, an erased or an already merged person, changing nothing", async () => {
    const a = await createPerson(prisma);
    const b = await createPerson(prisma);
    const gone = await createPerson(prisma, { deleted: true });
    const erased = await prisma.person.create({ data: { names: [], emails: [], phones: [], erasedAt: new Date() } });
    await mergePeople(prisma, { survivorId: a.id, mergedId: b.id, explanation: "x" });
    const before = await dumpWorld(prisma);
    await expect(mergePeople(prisma, { survivorId: a.id, mergedId: a.id, explanation: "x" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(mergePeople(prisma, { survivorId: a.id, mergedId: gone.id, explanation: "x" })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/deleted/) });
    await expect(mergePeople(prisma, { survivorId: a.id, mergedId: erased.id, explanation: "x" })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/erased/) });
    await expect(mergePeople(prisma, { survivorId: a.id, mergedId: b.id, explanation: "x" })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/already merged into/) });
    expect(await dumpWorld(prisma)).toEqual(before);
    await expect(undoMerge(prisma, { mergeId: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
