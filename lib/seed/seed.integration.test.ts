// The seeds on a real PostgreSQL: exact contract counts, re-runs that neither duplicate nor drift, and a
// demo network that loads (twice) into the schema the migrations build.
import { beforeEach, describe, expect, inject, it } from "vitest";
import { prisma } from "../db/client";
import { resetDatabase } from "../testing/reset-database";
import { CONTRACT_PEOPLE } from "./contract-seed-data";
import { generateDemoNetwork } from "./demo/generate-demo-network";
import { DEMO_TEAM_EMAILS } from "./demo/team";
import { isDatabaseEmpty, seedDatabase } from "./index";
import { DEMO_USERS } from "./demo-users";

const databaseUrl = inject("databaseUrl");

async function counts() {
  const [organizations, people, edges, interactions, syncStates, auditLogs] = await Promise.all([
    prisma.organization.count(),
    prisma.person.count(),
    prisma.edge.count(),
    prisma.interaction.count(),
    prisma.syncState.count(),
    prisma.auditLog.count(),
  ]);
  return { organizations, people, edges, interactions, syncStates, auditLogs };
}

/** Every seeded row, minus the bookkeeping timestamps an upsert legitimately touches. */
async function contents() {
  const omit = { updatedAt: true } as const;
  return {
    organizations: await prisma.organization.findMany({ orderBy: { id: "asc" }, omit }),
    people: await prisma.person.findMany({ orderBy: { id: "asc" }, omit }),
    edges: await prisma.edge.findMany({ orderBy: { id: "asc" }, omit }),
    interactions: await prisma.interaction.findMany({ orderBy: { id: "asc" } }),
    syncStates: await prisma.syncState.findMany({ orderBy: { id: "asc" }, omit }),
    auditLogs: await prisma.auditLog.findMany({ orderBy: { id: "asc" } }),
  };
}

const CONTRACT_COUNTS = { organizations: 3, people: 8, edges: 8, interactions: 5, syncStates: 4, auditLogs: 3 };

describe("contract seed", () => {
  beforeEach(async () => {
    await resetDatabase();
  });

  it("writes exactly 3 organizations, 8 people, 8 edges, 5 interactions, 4 sync states and 3 audit logs", async () => {
    expect(await isDatabaseEmpty(databaseUrl)).toBe(true);
    const summary = await seedDatabase(databaseUrl);
    expect(summary).toContain("3 organizations, 8 people, 8 edges, 5 interactions, 4 sync states, 3 audit logs");
    expect(await counts()).toEqual(CONTRACT_COUNTS);
    expect(await isDatabaseEmpty(databaseUrl)).toBe(false);
  });

  it("keeps the same counts and the same rows when run twice", async () => {
    await seedDatabase(databaseUrl);
    const first = await contents();
    await seedDatabase(databaseUrl);
    expect(await counts()).toEqual(CONTRACT_COUNTS);
    expect(await contents()).toEqual(first);
  });

  it("restores seed rows that were edited or soft-deleted since", async () => {
    await seedDatabase(databaseUrl);
    const first = await contents();
    const elena = CONTRACT_PEOPLE[0];
    if (!elena) throw new Error("contract seed has no people");
    await prisma.person.update({ where: { id: elena.id }, data: { title: "Changed", deletedAt: new Date(), emails: { push: "x@y.test" } } });
    await prisma.edge.updateMany({ data: { strength: 0 } });
    await prisma.syncState.updateMany({ data: { status: "running", cursor: null } });
    await seedDatabase(databaseUrl);
    expect(await contents()).toEqual(first);
  });

  it("keeps the documented patterns working: lookup by any email, the merge history, the audit group", async () => {
    await seedDatabase(databaseUrl);
    const found = await prisma.person.findFirst({ where: { emails: { hasSome: ["aisha.bello@outlook.com"] }, deletedAt: null } });
    expect(found?.names).toEqual(["Aisha Bello"]);
    const merged = await prisma.person.findFirst({ where: { previousIds: { isEmpty: false } } });
    expect(merged?.mergeExplanation).toBeTruthy();
    const mergeAudit = await prisma.auditLog.findMany({ where: { entityId: merged?.id } });
    expect(mergeAudit).toHaveLength(1);
    const group = await prisma.auditLog.findMany({ where: { correlationId: mergeAudit[0]?.correlationId } });
    expect(group.length).toBe(2);
    const strengths = (await prisma.edge.findMany({ select: { strength: true } })).map((edge) => edge.strength);
    // Scored by the real model: the weakest (a LinkedIn connection and one unanswered mail, both over a
    // year old, seen by two sources) stays weak; the daily colleagues are strong.
    expect(Math.min(...strengths)).toBeLessThan(0.35);
    expect(Math.max(...strengths)).toBeGreaterThan(0.8);
  });
});

describe("demo seed", () => {
  beforeEach(async () => {
    await resetDatabase();
  });

  // Three generations and two bulk loads: a few seconds on an idle machine, more on a busy two-core one.
  it("loads the contract seed plus the demo network, and a second run adds nothing", { timeout: 120_000 }, async () => {
    const network = generateDemoNetwork();
    const autoMerges = network.duplicates.filter((duplicate) => duplicate.kind === "gmailVariant");
    const queued = network.duplicates.filter((duplicate) => duplicate.kind !== "gmailVariant");
    const first = await seedDatabase(databaseUrl, { demo: true });
    expect(first).toContain(`identity resolution: ${autoMerges.length} merged automatically, ${queued.length} queued for review`);
    const seeded = await counts();
    expect(seeded).toMatchObject({
      organizations: 3 + network.organizations.length,
      // Merged-away people stay as soft-deleted rows (their merge can be undone).
      people: 8 + network.people.length,
      interactions: 5 + network.interactions.length,
      syncStates: 4,
      // The contract's 3 rows, one user.created row per demo account, identity.resolved, one person.merged per merge.
      auditLogs: 3 + DEMO_USERS.length + 1 + autoMerges.length,
    });
    expect(await prisma.user.count()).toBe(DEMO_USERS.length);
    // The source records behind each person; merges re-point them, never drop them.
    expect(await prisma.personIdentity.count()).toBe(network.identities.length);
    // Each synced source has its past run, started by the demo admin; Slack's last one failed as its state says.
    const runs = await prisma.syncRun.findMany({ orderBy: [{ sourceName: "asc" }, { startedAt: "asc" }] });
    const adminId = (await prisma.user.findUniqueOrThrow({ where: { email: DEMO_TEAM_EMAILS[0] } })).id;
    expect(runs.map((run) => [run.sourceName, run.status, run.filePath, run.startedById])).toEqual([
      ["calendar", "success", null, adminId],
      ["gmail", "success", null, adminId],
      ["linkedin", "success", null, adminId],
      ["slack", "success", null, adminId],
      ["slack", "failed", null, adminId],
    ]);
    const states = await prisma.syncState.findMany();
    for (const run of runs) {
      const state = states.find((row) => row.sourceName === run.sourceName);
      expect(run.finishedAt).toEqual(run.status === "success" ? state?.lastSuccessAt : state?.lastSyncAt);
      if (run.status === "success") expect(run.rowsRead).toBe(network.interactions.filter((interaction) => interaction.sourceName === run.sourceName).length);
    }
    expect(runs.at(-1)?.error).toBe(states.find((row) => row.sourceName === "slack")?.lastError);

    // Resolution ran over the demo's duplicate records: Gmail variants merged into the person they
    // duplicate (who survives), every other duplicate waits in the review queue next to its original.
    const merges = await prisma.merge.findMany({ select: { survivorId: true, mergedId: true, method: true } });
    expect(merges.sort((x, y) => x.mergedId.localeCompare(y.mergedId))).toEqual(
      autoMerges.map((duplicate) => ({ survivorId: duplicate.originalId, mergedId: duplicate.personId, method: "auto" })).sort((x, y) => x.mergedId.localeCompare(y.mergedId)),
    );
    const pending = await prisma.mergeCandidate.findMany({ where: { status: "pending" }, select: { personAId: true, personBId: true } });
    const pairKey = (a: string, b: string) => [a, b].sort().join("|");
    expect(pending.map((candidate) => pairKey(candidate.personAId, candidate.personBId)).sort()).toEqual(queued.map((duplicate) => pairKey(duplicate.personId, duplicate.originalId)).sort());

    const again = await seedDatabase(databaseUrl, { demo: true });
    expect(again).toContain(`${network.people.length.toLocaleString("en-US")} people (0 new)`);
    expect(again).not.toContain("identity resolution");
    // Nothing comes back on a re-run, not even the merged-away people's edges.
    expect(await counts()).toEqual(seeded);
    expect(await prisma.personIdentity.count()).toBe(network.identities.length);
    expect(await prisma.syncRun.count()).toBe(runs.length);
    expect(await prisma.edge.count({ where: { OR: [{ fromPerson: { deletedAt: { not: null } } }, { toPerson: { deletedAt: { not: null } } }] } })).toBe(0);

    // Rows read back through Prisma equal the generated ones (dates, enums, arrays and JSON survive the bulk path).
    const sample = network.interactions[1_234];
    expect(await prisma.interaction.findUnique({ where: { id: sample?.id ?? "" }, omit: { createdAt: true } })).toEqual(sample);
    const edge = network.edges[4_321];
    expect(await prisma.edge.findUnique({ where: { id: edge?.id ?? "" }, omit: { createdAt: true, updatedAt: true } })).toEqual(edge);
    const person = network.people[100];
    const stored = await prisma.person.findUnique({ where: { id: person?.id ?? "" } });
    expect(stored).toMatchObject({ ...person, previousIds: [], deletedAt: null });

    // The team people the sign-in setup links users to exist, in the team organization, with many edges.
    for (const email of DEMO_TEAM_EMAILS.slice(0, 2)) {
      const member = await prisma.person.findFirst({ where: { emails: { has: email } }, include: { organization: true, _count: { select: { outgoingEdges: true } } } });
      expect(member?.organization?.name).toBe("Kestrel Row Ventures");
      expect(member?._count.outgoingEdges).toBeGreaterThan(80);
    }
  });
});
