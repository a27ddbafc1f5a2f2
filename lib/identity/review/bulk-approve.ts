// Bulk approval above a threshold the admin chooses, after a preview count. Candidates are merged most
// probable first (ties by id), each in its own transaction; one whose people an earlier merge of the run
// (or a concurrent admin) already changed is skipped and reported, never half-applied.
import { z } from "zod";
import type { Db } from "../../db/client";
import { AppError, isAppError } from "../../errors/app-error";
import { approveCandidate } from "./decide-candidate";
import { ZBulkApproveInput, ZPreviewBulkApproveInput, type BulkApproveResult, type TBulkApproveInput, type TPreviewBulkApproveInput } from "./types";

async function eligibleIds(db: Db, minProbability: number): Promise<string[]> {
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    SELECT c.id::text FROM "MergeCandidate" c
      JOIN "Person" a ON a.id = c."personAId" AND a."deletedAt" IS NULL AND a."erasedAt" IS NULL
      JOIN "Person" b ON b.id = c."personBId" AND b."deletedAt" IS NULL AND b."erasedAt" IS NULL
     WHERE c.status = 'pending' AND c.probability >= ${minProbability}
     ORDER BY c.probability DESC, c.id`;
  return rows.map((row) => row.id);
}

export async function previewBulkApprove(db: Db, rawInput: TPreviewBulkApproveInput): Promise<{ count: number; minProbability: number }> {
  const parsed = ZPreviewBulkApproveInput.safeParse(rawInput);
  if (!parsed.success) throw new AppError("BAD_REQUEST", "The threshold must be a probability between 0 and 1.", { fields: z.flattenError(parsed.error).fieldErrors });
  return { count: (await eligibleIds(db, parsed.data.minProbability)).length, minProbability: parsed.data.minProbability };
}

export async function bulkApprove(db: Db, rawInput: TBulkApproveInput): Promise<BulkApproveResult> {
  const parsed = ZBulkApproveInput.safeParse(rawInput);
  if (!parsed.success) throw new AppError("BAD_REQUEST", "Bulk approval needs a threshold between 0 and 1 and the acting user.", { fields: z.flattenError(parsed.error).fieldErrors });
  const { minProbability, actorId, expectedCount } = parsed.data;
  const ids = await eligibleIds(db, minProbability);
  if (expectedCount !== undefined && expectedCount !== ids.length) {
    throw new AppError("CONFLICT", `The queue changed since the preview: ${ids.length} ${ids.length === 1 ? "candidate is" : "candidates are"} now at or above ${minProbability}, not ${expectedCount}. Preview again.`);
  }
  const result: BulkApproveResult = { considered: ids.length, approved: 0, skipped: 0, mergeIds: [], conflicts: [] };
  for (const candidateId of ids) {
    try {
      const merge = await approveCandidate(db, { candidateId, actorId }, { requireFresh: false, approval: { method: "bulk", minProbability } });
      result.approved += 1;
      result.mergeIds.push(merge.mergeId);
    } catch (error) {
      if (!isAppError(error) || (error.code !== "CONFLICT" && error.code !== "NOT_FOUND")) throw error;
      result.skipped += 1;
      result.conflicts.push({ candidateId, message: error.message });
    }
  }
  return result;
}
