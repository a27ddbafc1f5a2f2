// The review queue's functions on a real PostgreSQL: ordering and the side-by-side view, approve / reject
// / skip, bulk approval, proposals, history with undo, decisions that stick through re-runs and merges,
// and two admins deciding overlapping pairs at the same moment.
import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "../../db/client";
import { softDeletePerson } from "../../privacy/soft-delete";
import { createInteraction, createOrganization, createPerson } from "../../testing/factories";
import { resetDatabase } from "../../testing/reset-database";
import { generatePopulation } from "../generator/generate-population";
import { insertPopulation } from "../testing/insert-population";
import { dumpWorld } from "../testing/world";
import {
  approveCandidate,
  bulkApprove,
  getCandidate,
  listCandidates,
  listMergeHistory,
  previewBulkApprove,
  proposeMerge,
  rejectCandidate,
  resolvePeople,
  skipCandidate,
  undoMerge,
} from "./index";

beforeEach(resetDatabase);

const EXPLANATION = { priorWeight: -12, contributions: [{ comparison: "name", comparisonLabel: "Name", level: "exact", description: "Same name", m: 0.7, u: 0.001, weight: 9.4, detail: "a ↔ a" }], matchWeight: 1, probability: 0.6 };

async function admin() {
  return prisma.user.create({ data: { email: `admin-${Math.random().toString(36).slice(2)}@example.com`, role: "admin" } });
}

async function candidate(aId: string, bId: string, probability: number) {
  const [personAId, personBId] = [aId, bId].sort() as [string, string];
  return prisma.mergeCandidate.create({ data: { personAId, personBId, probability, matchWeight: Math.log2(probability / (1 - probability)), explanation: EXPLANATION } });
}

describe("listCandidates", () => {
  it("sorts by uncertainty, pages with a cursor, skips to the back, and shows both people side by side", async () => {
    const org = await createOrganization(prisma, { name: "Acme" });
    const people = [];
    for (let index = 0; index < 8; index += 1) people.push(await createPerson(prisma, { name: `P ${index}`, organizationId: org.id, title: "CTO" }));
    // A LinkedIn connection without an address names its contact by handle, as the importer stores it.
    await prisma.person.update({ where: { id: people[1]!.id }, data: { socialHandles: { linkedin: "p-one" } } });
    await createInteraction(prisma, { participants: [people[0]!.emails[0]!, "linkedin:p-one"], timestamp: new Date(Date.UTC(2026, 4, 2)), channel: "linkedin" });
    await prisma.personIdentity.create({ data: { personId: people[0]!.id, sourceName: "linkedin", sourceId: "p-0" } });
    for (let day = 1; day <= 7; day += 1) await createInteraction(prisma, { participants: [people[0]!.emails[0]!, "x@example.com"], timestamp: new Date(Date.UTC(2026, 5, day)), channel: "meeting" });
    const c1 = await candidate(people[0]!.id, people[1]!.id, 0.9);
    const c2 = await candidate(people[2]!.id, people[3]!.id, 0.52);
    const c3 = await candidate(people[4]!.id, people[5]!.id, 0.35);
    const c4 = await candidate(people[6]!.id, people[7]!.id, 0.99);

    const first = await listCandidates(prisma, { limit: 2 });
    expect(first.items.map((item) => item.id)).toEqual([c2.id, c3.id]);
    expect(first.total).toBe(4);
    const second = await listCandidates(prisma, { limit: 2, cursor: first.nextCursor });
    expect(second.items.map((item) => item.id)).toEqual([c1.id, c4.id]);
    expect(second.nextCursor).toBeNull();

    const user = await admin();
    await skipCandidate(prisma, { candidateId: c2.id, actorId: user.id });
    expect((await listCandidates(prisma, { limit: 10 })).items.map((item) => item.id)).toEqual([c3.id, c1.id, c4.id, c2.id]);

    const view = await getCandidate(prisma, c1.id);
    const side = view.personA.id === people[0]!.id ? view.personA : view.personB;
    expect(side.organization?.name).toBe("Acme");
    expect(side.title).toBe("CTO");
    expect(side.identities).toEqual([{ sourceName: "linkedin", sourceId: "p-0", observedAt: null }]);
    expect(side.sources).toEqual(["linkedin"]);
    expect(side.recentInteractions).toHaveLength(5);
    expect(side.recentInteractions[0]?.timestamp.toISOString()).toBe("2026-06-07T00:00:00.000Z");
    const other = view.personA.id === people[0]!.id ? view.personB : view.personA;
    expect(other.recentInteractions).toEqual([{ timestamp: new Date(Date.UTC(2026, 4, 2)), channel: "linkedin", sourceName: expect.any(String) }]);
    expect(view.explanation.contributions[0]?.comparisonLabel).toBe("Name");
  });

  it("shows a person deleted after the decision as \"(deleted person)\" and nothing of theirs", async () => {
    const [kept, gone] = [await createPerson(prisma, { name: "Kept Person" }), await createPerson(prisma, { name: "Gone Person" })];
    const decided = await candidate(kept.id, gone.id, 0.4);
    await rejectCandidate(prisma, { candidateId: decided.id, actorId: (await admin()).id });
    await softDeletePerson(prisma, { personId: gone.id });
    const view = await getCandidate(prisma, decided.id);
    const [hidden, shown] = view.personA.id === gone.id ? [view.personA, view.personB] : [view.personB, view.personA];
    expect(shown).toMatchObject({ displayName: "Kept Person", deleted: false });
    expect(hidden).toMatchObject({ id: gone.id, displayName: "(deleted person)", names: [], emails: [], identities: [], recentInteractions: [], deleted: true });
    const rejected = await listCandidates(prisma, { status: "rejected" });
    expect(JSON.stringify(rejected.items)).not.toContain("Gone Person");
  });
});

describe("decisions", () => {
  it("approve merges with method review and can be undone back to pending; reject sticks through merges and re-runs", async () => {
    const user = await admin();
    const a = await createPerson(prisma, { name: "Dana Reyes", emails: ["dana@acme.example"] });
    const b = await createPerson(prisma, { name: "Dana Reyes", emails: ["dana.reyes@gmail.com"] });
    const c = await createPerson(prisma, { name: "Dana Reyes", emails: ["dreyes@other.example"] });
    const ab = await candidate(a.id, b.id, 0.8);
    const bc = await candidate(b.id, c.id, 0.6);
    await rejectCandidate(prisma, { candidateId: bc.id, actorId: user.id });
    expect(await prisma.mergeDecision.count({ where: { decision: "distinct" } })).toBe(1);

    const approved = await approveCandidate(prisma, { candidateId: ab.id, actorId: user.id });
    const merge = await prisma.merge.findUniqueOrThrow({ where: { id: approved.mergeId } });
    expect(merge).toMatchObject({ method: "review", candidateId: ab.id, mergedById: user.id });
    expect((await prisma.mergeCandidate.findUniqueOrThrow({ where: { id: ab.id } })).status).toBe("approved");

    // b now lives inside a: the "different" decision about b and c applies to a and c.
    await resolvePeople(prisma, { thresholds: { review: 0.0001 } });
    const pairs = await prisma.mergeCandidate.findMany({ where: { status: "pending" } });
    const survivor = approved.survivorId;
    expect(pairs.some((row) => [row.personAId, row.personBId].includes(c.id) && [row.personAId, row.personBId].includes(survivor))).toBe(false);
    await expect(proposeMerge(prisma, { personAId: survivor, personBId: c.id, proposedById: user.id })).rejects.toMatchObject({ code: "CONFLICT" });

    const history = await listMergeHistory(prisma, { limit: 10 });
    expect(history.items[0]).toMatchObject({ id: approved.mergeId, canUndo: true, method: "review" });
    await undoMerge(prisma, { mergeId: approved.mergeId, actorId: user.id });
    expect((await prisma.mergeCandidate.findUniqueOrThrow({ where: { id: ab.id } })).status).toBe("pending");
    expect(await prisma.mergeDecision.count({ where: { decision: "same" } })).toBe(0);
    const undone = (await listMergeHistory(prisma, { limit: 10 })).items[0];
    expect(undone).toMatchObject({ canUndo: false, undoBlockedReason: "Already undone.", merged: { displayName: "Dana Reyes" } });
    expect(undone?.explanation).not.toContain("Not shown");

    // The record that was merged, then split off again, is deleted: the history no longer names it.
    const mergedAway = approved.survivorId === a.id ? b : a;
    await softDeletePerson(prisma, { personId: mergedAway.id });
    expect((await listMergeHistory(prisma, { limit: 10 })).items[0]).toMatchObject({
      merged: { id: mergedAway.id, displayName: "(deleted person)" },
      survivor: { displayName: "Dana Reyes" },
      explanation: "Not shown: a person of this merge has since been deleted.",
    });
  });

  it("refuses a review threshold above the auto-merge threshold, before reading anyone", async () => {
    await expect(resolvePeople(prisma, { thresholds: { autoMerge: 0.5, review: 0.9 } })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(resolvePeople(prisma, { thresholds: { review: 0.995 } })).rejects.toThrow(/review threshold \(0\.995\) is above the auto-merge threshold \(0\.99\)/);
  });

  it("a re-run never re-suggests a rejected pair and never splits a merged person", async () => {
    const user = await admin();
    // A background population, so name frequencies and the prior are those of a real team's database.
    await insertPopulation(prisma, generatePopulation({ records: 300, seed: 5 }).records);
    const org = await createOrganization(prisma, { name: "Initech", domain: "initech.example" });
    const a = await createPerson(prisma, { name: "Robert Paulson", emails: ["bob@initech.example"], organizationId: org.id });
    const b = await createPerson(prisma, { name: "Bob Paulson", emails: ["robert.paulson@gmail.com"], organizationId: org.id });
    await resolvePeople(prisma, { thresholds: { review: 0.0001 } });
    const queued = await prisma.mergeCandidate.findFirstOrThrow({ where: { personAId: [a.id, b.id].sort()[0], personBId: [a.id, b.id].sort()[1] } });
    await rejectCandidate(prisma, { candidateId: queued.id, actorId: user.id });
    await resolvePeople(prisma, { thresholds: { review: 0.0001 } });
    expect(await prisma.mergeCandidate.findUniqueOrThrow({ where: { id: queued.id } })).toMatchObject({ status: "rejected" });
    expect(await prisma.mergeCandidate.count({ where: { OR: [{ personAId: { in: [a.id, b.id] } }, { personBId: { in: [a.id, b.id] } }], status: "pending" } })).toBe(0);
    const live = await prisma.person.count({ where: { deletedAt: null } });

    // Same email: auto-merged; a re-run keeps them merged.
    const c = await createPerson(prisma, { name: "Robert Paulson", emails: ["bob@initech.example"], organizationId: org.id });
    const merged = await resolvePeople(prisma, { personIds: [c.id] });
    expect(merged.autoMerged).toBe(1);
    expect(await prisma.person.count({ where: { deletedAt: null } })).toBe(live);
    await resolvePeople(prisma, { personIds: [a.id, b.id, c.id] });
    expect(await prisma.person.count({ where: { deletedAt: null } })).toBe(live);
    expect((await prisma.person.findUniqueOrThrow({ where: { id: a.id } })).previousIds).toEqual([c.id]);
    void b;
  });

  it("supersedes a pending candidate the model no longer queues, never a member's proposal", async () => {
    const user = await admin();
    const a = await createPerson(prisma, { name: "Ada Quill" });
    const b = await createPerson(prisma, { name: "Zed Marrow" });
    const c = await createPerson(prisma, { name: "Oona Vale" });
    // Queued by an earlier run whose model thought otherwise: these two share nothing at all.
    const stale = await candidate(a.id, b.id, 0.6);
    const proposal = await proposeMerge(prisma, { personAId: a.id, personBId: c.id, proposedById: user.id });

    const dry = await resolvePeople(prisma, { dryRun: true });
    expect(dry.candidatesRetired).toBe(1);
    expect((await prisma.mergeCandidate.findUniqueOrThrow({ where: { id: stale.id } })).status).toBe("pending");

    const run = await resolvePeople(prisma, {});
    expect(run.candidatesRetired).toBe(1);
    expect((await prisma.mergeCandidate.findUniqueOrThrow({ where: { id: stale.id } })).status).toBe("superseded");
    expect((await prisma.mergeCandidate.findUniqueOrThrow({ where: { id: proposal.candidateId } })).status).toBe("pending");
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "identity.resolved" }, orderBy: { createdAt: "desc" } });
    expect(audit.metadata).toMatchObject({ retired: 1 });
    // Out of scope for a run limited to other people: left alone.
    const again = await candidate(b.id, c.id, 0.6);
    expect((await resolvePeople(prisma, { personIds: [a.id] })).candidatesRetired).toBe(0);
    expect((await prisma.mergeCandidate.findUniqueOrThrow({ where: { id: again.id } })).status).toBe("pending");
  });

  it("never auto-merges a cluster with two LinkedIn profiles", async () => {
    await createPerson(prisma, { name: "Sam Lee", emails: ["sam@lee.example"] });
    const withProfile = async (slug: string) => {
      const person = await createPerson(prisma, { name: "Sam Lee", emails: ["sam@lee.example"] });
      await prisma.person.update({ where: { id: person.id }, data: { socialHandles: { linkedin: slug } } });
    };
    await withProfile("sam-lee-1");
    await withProfile("sam-lee-2");
    const result = await resolvePeople(prisma, {});
    expect(result.autoMerged).toBe(0);
    expect(result.queued).toBeGreaterThan(0);
  });
});

describe("bulk and proposals", () => {
  it("previews, refuses a stale count, and merges above the threshold skipping conflicts", async () => {
    const user = await admin();
    const [a, b, c, d] = [await createPerson(prisma), await createPerson(prisma), await createPerson(prisma), await createPerson(prisma)];
    await candidate(a.id, b.id, 0.97);
    await candidate(b.id, c.id, 0.95);
    await candidate(c.id, d.id, 0.4);
    expect(await previewBulkApprove(prisma, { minProbability: 0.9 })).toMatchObject({ count: 2 });
    await expect(bulkApprove(prisma, { minProbability: 0.9, actorId: user.id, expectedCount: 3 })).rejects.toMatchObject({ code: "CONFLICT" });
    const result = await bulkApprove(prisma, { minProbability: 0.9, actorId: user.id, expectedCount: 2 });
    // a←b first; b–c is then superseded (b was merged away).
    expect(result).toMatchObject({ considered: 2, approved: 1, skipped: 1 });
    expect(await prisma.mergeCandidate.count({ where: { status: "pending" } })).toBe(1);
    // The history says it was a bulk approval, and at which threshold.
    const merge = await prisma.merge.findUniqueOrThrow({ where: { id: result.mergeIds[0]! } });
    expect(merge.method).toBe("bulk");
    expect(merge.explanation).toMatch(/^Bulk-approved with every candidate at or above 90\.0%, at probability 97\.0%/);
  });

  it("a member's proposal is scored and queued with the note; proposing twice returns the queued one", async () => {
    const user = await prisma.user.create({ data: { email: "member@example.com" } });
    const a = await createPerson(prisma, { name: "Jane Doe", emails: ["jane@acme.example"] });
    const b = await createPerson(prisma, { name: "Jane Doe", emails: ["jane.doe@gmail.com"] });
    const proposal = await proposeMerge(prisma, { personAId: b.id, personBId: a.id, note: "met her twice", proposedById: user.id });
    expect(proposal.alreadyQueued).toBe(false);
    const view = await getCandidate(prisma, proposal.candidateId);
    expect(view).toMatchObject({ proposalNote: "met her twice", proposedBy: { id: user.id } });
    expect(view.explanation.contributions.find((item) => item.comparison === "name")?.level).toBe("exact");
    expect((await proposeMerge(prisma, { personAId: a.id, personBId: b.id, proposedById: user.id })).alreadyQueued).toBe(true);
    await expect(proposeMerge(prisma, { personAId: a.id, personBId: a.id, proposedById: user.id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("two admins at the same moment", () => {
  it("approving overlapping candidates concurrently: one merge, one clear conflict, nothing lost", async () => {
    for (let round = 0; round < 5; round += 1) {
      await resetDatabase();
      const [first, second] = [await admin(), await admin()];
      const [a, b, c] = [await createPerson(prisma), await createPerson(prisma), await createPerson(prisma)];
      const ab = await candidate(a.id, b.id, 0.7);
      const bc = await candidate(b.id, c.id, 0.7);
      const results = await Promise.allSettled([
        approveCandidate(prisma, { candidateId: ab.id, actorId: first.id }),
        approveCandidate(prisma, { candidateId: bc.id, actorId: second.id }),
      ]);
      const fulfilled = results.filter((result) => result.status === "fulfilled");
      const rejected = results.filter((result): result is PromiseRejectedResult => result.status === "rejected");
      expect(fulfilled).toHaveLength(1);
      expect(rejected[0]?.reason).toMatchObject({ code: "CONFLICT" });
      expect(await prisma.merge.count()).toBe(1);
      expect(await prisma.person.count({ where: { deletedAt: null } })).toBe(2);
      const emails = (await prisma.person.findMany({ where: { deletedAt: null } })).flatMap((person) => person.emails).sort();
      expect(emails).toEqual([...a.emails, ...b.emails, ...c.emails].sort());
    }
  });

  it("the same candidate approved twice at once, and a merge undone twice at once", async () => {
    const user = await admin();
    const [a, b] = [await createPerson(prisma), await createPerson(prisma)];
    const ab = await candidate(a.id, b.id, 0.7);
    const approvals = await Promise.allSettled([approveCandidate(prisma, { candidateId: ab.id, actorId: user.id }), approveCandidate(prisma, { candidateId: ab.id, actorId: user.id })]);
    expect(approvals.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const merge = await prisma.merge.findFirstOrThrow();
    const before = await dumpWorld(prisma);
    const undos = await Promise.allSettled([undoMerge(prisma, { mergeId: merge.id, actorId: user.id }), undoMerge(prisma, { mergeId: merge.id, actorId: user.id })]);
    expect(undos.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(undos.find((result): result is PromiseRejectedResult => result.status === "rejected")?.reason).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/already undone/) });
    expect(await dumpWorld(prisma)).not.toEqual(before);
    expect(await prisma.person.count({ where: { deletedAt: null } })).toBe(2);
  });
});
