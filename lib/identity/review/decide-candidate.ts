// An admin's decision on one candidate. Approve merges the pair (method "review") and remembers "same
// person"; reject remembers "different people" (MergeDecision distinct: never suggested or auto-merged
// again, also after either side is merged into someone else, since decisions follow previousIds); skip
// only moves the candidate to the back of the queue. Locks: the two people first, then the candidate,
// the same order as every merge, so concurrent decisions cannot deadlock; the loser gets a CONFLICT.
import { z } from "zod";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import { AppError } from "../../errors/app-error";
import { formatProbability } from "../format-probability";
import { SQL_NOW } from "../../sources/pipeline/sql";
import { mergePeople } from "../merges/merge-people";
import { assertMergeable, inMergeTransaction, lockPeople } from "../merges/transaction";
import { ZCandidateActionInput, type TCandidateActionInput } from "./types";

function parseAction(rawInput: TCandidateActionInput) {
  const parsed = ZCandidateActionInput.safeParse(rawInput);
  if (!parsed.success) throw new AppError("BAD_REQUEST", "A decision needs a candidate id and the acting user.", { fields: z.flattenError(parsed.error).fieldErrors });
  return parsed.data;
}

async function findCandidate(db: Pick<Db, "mergeCandidate">, candidateId: string) {
  const candidate = await db.mergeCandidate.findUnique({ where: { id: candidateId } });
  if (!candidate) throw new AppError("NOT_FOUND", "That merge candidate does not exist.");
  if (candidate.status !== "pending") throw new AppError("CONFLICT", `That candidate is already ${candidate.status}; reload the queue.`);
  return candidate;
}

export interface ApproveResult {
  mergeId: string;
  survivorId: string;
  mergedId: string;
  correlationId: string;
}

/** The older record survives (it is the one links and bookmarks most likely point at); ties by id. */
async function chooseSurvivor(db: Db, aId: string, bId: string): Promise<[string, string]> {
  const people = await db.person.findMany({ where: { id: { in: [aId, bId] } }, select: { id: true, createdAt: true } });
  const a = people.find((person) => person.id === aId);
  const b = people.find((person) => person.id === bId);
  if (a && b && b.createdAt < a.createdAt) return [bId, aId];
  return [aId, bId];
}

/** How a candidate was approved: on its own (review), or with every candidate above a threshold (bulk). */
export type Approval = { method: "review" } | { method: "bulk"; minProbability: number };

const describeExplanation = (explanation: unknown, probability: number, approval: Approval): string => {
  const contributions = (explanation as { contributions?: Array<{ comparisonLabel?: string; description?: string; weight?: number }> } | null)?.contributions ?? [];
  const positive = contributions.filter((item) => (item.weight ?? 0) > 0).map((item) => item.description ?? item.comparisonLabel ?? "");
  const how =
    approval.method === "bulk"
      ? `Bulk-approved with every candidate at or above ${formatProbability(approval.minProbability)}, at probability ${formatProbability(probability)}`
      : `Approved in review at probability ${formatProbability(probability)}`;
  return `${how}${positive.length ? `: ${positive.join("; ")}` : ""}.`;
};

export async function approveCandidate(
  db: Db,
  rawInput: TCandidateActionInput,
  options: { requireFresh?: boolean; approval?: Approval } = {},
): Promise<ApproveResult> {
  const approval = options.approval ?? { method: "review" };
  const { candidateId, actorId } = parseAction(rawInput);
  const candidate = await findCandidate(db, candidateId);
  const [survivorId, mergedId] = await chooseSurvivor(db, candidate.personAId, candidate.personBId);
  // mergePeople locks both people, then re-checks the candidate under lock (it may have been decided or
  // superseded by a concurrent merge meanwhile).
  const result = await mergePeople(db, {
    survivorId,
    mergedId,
    explanation: describeExplanation(candidate.explanation, candidate.probability, approval),
    method: approval.method,
    candidateId,
    probability: candidate.probability,
    actorId,
    recordDecision: true,
    requireFreshCandidate: options.requireFresh ?? true,
  });
  return { mergeId: result.mergeId, survivorId, mergedId, correlationId: result.correlationId };
}

export async function rejectCandidate(db: Db, rawInput: TCandidateActionInput): Promise<{ candidateId: string; correlationId: string }> {
  const { candidateId, actorId } = parseAction(rawInput);
  const { personAId, personBId } = await findCandidate(db, candidateId);
  return inMergeTransaction(db, async (tx) => {
    const locked = await lockPeople(tx, [personAId, personBId]);
    assertMergeable(locked.get(personAId), "first");
    assertMergeable(locked.get(personBId), "second");
    const [row] = await tx.$queryRaw<Array<{ status: string }>>`SELECT status::text FROM "MergeCandidate" WHERE id = ${candidateId}::uuid FOR UPDATE`;
    if (!row) throw new AppError("NOT_FOUND", "That merge candidate does not exist.");
    if (row.status !== "pending") throw new AppError("CONFLICT", `That candidate is already ${row.status}; reload the queue.`);
    await tx.$executeRawUnsafe(
      `UPDATE "MergeCandidate" SET status = 'rejected', "decidedById" = $2::uuid, "decidedAt" = ${SQL_NOW}, "updatedAt" = ${SQL_NOW} WHERE id = $1::uuid`,
      candidateId,
      actorId,
    );
    await tx.mergeDecision.upsert({
      where: { personAId_personBId: { personAId, personBId } },
      create: { personAId, personBId, decision: "distinct", decidedById: actorId },
      update: { decision: "distinct", decidedById: actorId },
    });
    const correlationId = await writeAudit(tx, {
      action: "merge_candidate.rejected",
      entityType: "MergeCandidate",
      entityId: candidateId,
      actorId,
      metadata: { personAId, personBId },
    });
    return { candidateId, correlationId };
  });
}

/** "Not now": the candidate stays pending and goes to the back of the queue (decidedAt = skipped at). */
export async function skipCandidate(db: Db, rawInput: TCandidateActionInput): Promise<{ candidateId: string; correlationId: string }> {
  const { candidateId, actorId } = parseAction(rawInput);
  return db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<Array<{ status: string }>>`SELECT status::text FROM "MergeCandidate" WHERE id = ${candidateId}::uuid FOR UPDATE`;
    if (!row) throw new AppError("NOT_FOUND", "That merge candidate does not exist.");
    if (row.status !== "pending") throw new AppError("CONFLICT", `That candidate is already ${row.status}; reload the queue.`);
    await tx.$executeRawUnsafe(
      `UPDATE "MergeCandidate" SET "decidedAt" = clock_timestamp() AT TIME ZONE 'UTC', "decidedById" = $2::uuid, "updatedAt" = ${SQL_NOW} WHERE id = $1::uuid`,
      candidateId,
      actorId,
    );
    const correlationId = await writeAudit(tx, { action: "merge_candidate.skipped", entityType: "MergeCandidate", entityId: candidateId, actorId });
    return { candidateId, correlationId };
  });
}
