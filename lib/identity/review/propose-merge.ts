// A member proposes that two people are the same: the pair is scored with the same model as resolution
// (scorePair, population size = visible people) and queued as a pending candidate with its explanation
// and the member's note, for an admin to approve or reject. A pair an admin already marked as different
// people is refused; a pair already waiting is returned as it is.
import { z } from "zod";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import type { Prisma } from "../../../prisma/generated/client";
import { AppError } from "../../errors/app-error";
import { decisionBetween } from "../decisions/pair-decisions";
import { orderedPair } from "../merges/merge-people";
import { assertMergeable, lockPeople } from "../merges/transaction";
import { scorePair } from "../matching/score-pair";
import { identityRecordFromPerson } from "../normalize/record-from-person";
import { ZProposeMergeInput, type ProposeMergeResult, type TProposeMergeInput } from "./types";

export async function proposeMerge(db: Db, rawInput: TProposeMergeInput): Promise<ProposeMergeResult> {
  const parsed = ZProposeMergeInput.safeParse(rawInput);
  if (!parsed.success) throw new AppError("BAD_REQUEST", "A proposal needs two people.", { fields: z.flattenError(parsed.error).fieldErrors });
  const { note, proposedById } = parsed.data;
  if (parsed.data.personAId === parsed.data.personBId) throw new AppError("BAD_REQUEST", "Pick two different people: a person cannot be merged with itself.");
  const [personAId, personBId] = orderedPair(parsed.data.personAId, parsed.data.personBId);

  return db.$transaction(async (tx) => {
    const locked = await lockPeople(tx, [personAId, personBId]);
    assertMergeable(locked.get(personAId), "first");
    assertMergeable(locked.get(personBId), "second");
    if ((await decisionBetween(tx, personAId, personBId)) === "distinct") {
      throw new AppError("CONFLICT", "An admin already decided these are different people.");
    }
    const existing = await tx.mergeCandidate.findUnique({ where: { personAId_personBId: { personAId, personBId } } });
    if (existing?.status === "pending") return { candidateId: existing.id, probability: existing.probability, alreadyQueued: true };
    if (existing?.status === "rejected") throw new AppError("CONFLICT", "This pair was already rejected as different people.");

    const people = await tx.person.findMany({
      where: { id: { in: [personAId, personBId] } },
      select: { id: true, names: true, emails: true, phones: true, socialHandles: true, title: true, organization: { select: { name: true, domain: true } } },
    });
    const [a, b] = [personAId, personBId].map((id) => people.find((person) => person.id === id));
    if (!a || !b) throw new AppError("NOT_FOUND", "One of these people does not exist.");
    const recordCount = Math.max(2, await tx.person.count({ where: { deletedAt: null, erasedAt: null } }));
    const { explanation } = scorePair(identityRecordFromPerson(a), identityRecordFromPerson(b), { recordCount });
    const data = {
      probability: explanation.probability,
      matchWeight: explanation.matchWeight,
      explanation: explanation as unknown as Prisma.InputJsonValue,
      status: "pending" as const,
      proposedById,
      proposalNote: note ?? null,
      decidedById: null,
      decidedAt: null,
    };
    // An approved or superseded row for two people who are both visible again (the merge was undone).
    const candidate = existing
      ? await tx.mergeCandidate.update({ where: { id: existing.id }, data, select: { id: true } })
      : await tx.mergeCandidate.create({ data: { personAId, personBId, ...data }, select: { id: true } });
    await writeAudit(tx, {
      action: "merge_candidate.proposed",
      entityType: "MergeCandidate",
      entityId: candidate.id,
      actorId: proposedById,
      metadata: { personAId, personBId, probability: explanation.probability, note: note ?? null },
    });
    return { candidateId: candidate.id, probability: explanation.probability, alreadyQueued: false };
  });
}
