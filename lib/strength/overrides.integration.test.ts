// Overrides: only about the member's own relationships, audited in the operation's correlation id, and the
// pair's edges recomputed in the same transaction (an override alone makes an edge; clearing removes it).
import { beforeEach, describe, expect, it } from "vitest";
import { runInOperation } from "../audit/correlation";
import { prisma } from "../db";
import { createPerson } from "../testing/factories";
import { resetDatabase } from "../testing/reset-database";
import { clearStrengthOverride, getStrengthOverride, setStrengthOverride, StrengthOverrideError } from "./overrides";
import { strengthFactorsOf } from "./testing/strength-factors-of";

const NOW = new Date("2026-11-01T00:00:00Z");
const OPERATION = { correlationId: "test-override-1234", actorId: null };

beforeEach(resetDatabase);

async function member(personId: string | null) {
  return prisma.user.create({ data: { email: `m-${Math.random().toString(36).slice(2)}@team.example`, role: "member", personId } });
}

async function edgesBetween(a: string, b: string) {
  return prisma.edge.findMany({ where: { OR: [{ fromPersonId: a, toPersonId: b }, { fromPersonId: b, toPersonId: a }] } });
}

describe("strength overrides", () => {
  it("moves the member's own relationship, explains it, audits it, and clears it", async () => {
    const me = await createPerson(prisma, { emails: ["me@team.example"] });
    const them = await createPerson(prisma, { emails: ["them@corp.example"] });
    const user = await member(me.id);
    await prisma.interaction.create({
      data: { sourceName: "linkedin", sourceId: "c1", timestamp: new Date("2026-10-20T00:00:00Z"), participants: ["me@team.example", "them@corp.example"], channel: "linkedin" },
    });
    const before = (await getStrengthOverride(prisma, { userId: user.id, personId: them.id }));
    expect(before).toMatchObject({ level: null, canOverride: true, strength: null });

    const set = await runInOperation(OPERATION, () => setStrengthOverride(prisma, { userId: user.id, personId: them.id, level: "knows_well", note: "college roommate" }, { now: NOW }));
    expect(set.view).toMatchObject({ level: "knows_well", note: "college roommate", canOverride: true });
    const edges = await edgesBetween(me.id, them.id);
    expect(edges).toHaveLength(2);
    for (const edge of edges) {
      const factors = strengthFactorsOf(edge.strengthFactors);
      expect(factors.override).toBe("knows_well");
      expect(factors.factors.at(-1)).toMatchObject({ key: "override", raw: "knows_well" });
      expect(edge.strength).toBeGreaterThan(0.75);
    }
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "strength.override_set" } });
    expect(audit).toMatchObject({ correlationId: OPERATION.correlationId, actorId: user.id, entityType: "StrengthOverride" });
    expect(JSON.stringify(audit.metadata)).not.toContain("roommate");

    const cleared = await runInOperation(OPERATION, () => clearStrengthOverride(prisma, { userId: user.id, personId: them.id }, { now: NOW }));
    expect(cleared.view.level).toBeNull();
    const after = await edgesBetween(me.id, them.id);
    expect(after).toHaveLength(2);
    expect(after[0]?.strength).toBeLessThan(0.2);
    expect(strengthFactorsOf(after[0]?.strengthFactors).override).toBeNull();
    expect(await prisma.auditLog.count({ where: { action: "strength.override_cleared", correlationId: OPERATION.correlationId } })).toBe(1);
    expect(await prisma.strengthOverride.count()).toBe(0);
  });

  it("lowers a strong tie with 'barely knows', and makes (then removes) an edge where there was none", async () => {
    const me = await createPerson(prisma, { emails: ["me@team.example"] });
    const stranger = await createPerson(prisma, { emails: ["new@corp.example"] });
    const user = await member(me.id);
    await setStrengthOverride(prisma, { userId: user.id, personId: stranger.id, level: "knows_well" }, { now: NOW });
    const edges = await edgesBetween(me.id, stranger.id);
    expect(edges.map((edge) => edge.interactionCount)).toEqual([0, 0]);
    expect(edges[0]?.strength).toBeGreaterThan(0.75);
    await setStrengthOverride(prisma, { userId: user.id, personId: stranger.id, level: "barely_knows" }, { now: NOW });
    expect((await edgesBetween(me.id, stranger.id))[0]?.strength).toBe(0);
    await clearStrengthOverride(prisma, { userId: user.id, personId: stranger.id }, { now: NOW });
    expect(await edgesBetween(me.id, stranger.id)).toHaveLength(0);
  });

  it("refuses relationships that are not the member's own, and writes nothing then", async () => {
    const me = await createPerson(prisma);
    const them = await createPerson(prisma);
    const gone = await createPerson(prisma, { deleted: true });
    const unlinked = await member(null);
    const linked = await member(me.id);
    const reason = async (run: () => Promise<unknown>) => {
      const error = await run().then(() => null, (caught: unknown) => caught);
      expect(error).toBeInstanceOf(StrengthOverrideError);
      return (error as StrengthOverrideError).reason;
    };
    expect(await reason(() => setStrengthOverride(prisma, { userId: unlinked.id, personId: them.id, level: "knows_well" }))).toBe("no_own_person");
    expect(await reason(() => setStrengthOverride(prisma, { userId: linked.id, personId: me.id, level: "knows_well" }))).toBe("self");
    expect(await reason(() => setStrengthOverride(prisma, { userId: linked.id, personId: gone.id, level: "knows_well" }))).toBe("person_not_found");
    expect(await reason(() => setStrengthOverride(prisma, { userId: linked.id, personId: "not-a-uuid", level: "knows_well" }))).toBe("invalid_input");
    expect(await reason(() => clearStrengthOverride(prisma, { userId: linked.id, personId: them.id }))).toBe("person_not_found");
    expect(await getStrengthOverride(prisma, { userId: unlinked.id, personId: them.id })).toMatchObject({ canOverride: false });
    expect(await reason(() => getStrengthOverride(prisma, { userId: linked.id, personId: gone.id }))).toBe("person_not_found");
    expect(await prisma.strengthOverride.count()).toBe(0);
    expect(await prisma.auditLog.count()).toBe(0);
    expect(await prisma.edge.count()).toBe(0);
  });
});
