"use server";
// Actions of the review queue (/merges). Deciding is for admins (approve, reject, skip, bulk approve, undo);
// any member may propose a merge, which lands in the queue as a pending candidate for an admin. Each action
// authenticates and authorizes itself (defineAction); the review module does the work in its own
// transaction (row locks, audit rows with this request's correlation id) and throws AppErrors whose
// messages the UI shows as they are ("This merge was already undone", "One of these people has been deleted").
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { AppError } from "@/lib/errors/app-error";
import { formatProbability } from "@/lib/identity/format-probability";
import { prisma } from "@/lib/db";
import {
  approveCandidate,
  bulkApprove,
  previewBulkApprove,
  proposeMerge,
  rejectCandidate,
  skipCandidate,
  undoMerge,
} from "@/lib/identity/review";
import { findPeopleToPropose } from "@/lib/merges-ui/people-picker";

const ZCandidateInput = z.object({ candidateId: z.uuid() });
const ZThreshold = z.number().min(0.5, "Bulk approval needs a threshold of at least 0.5.").max(1);

function refresh(): void {
  revalidatePath("/merges");
}

export const approveMergeCandidate = defineAction({ access: "admin", input: ZCandidateInput }, async ({ input, user }) => {
  const result = await approveCandidate(prisma, { candidateId: input.candidateId, actorId: user.id });
  refresh();
  return { message: "Merged. The merge is in the history below and can be undone there.", survivorId: result.survivorId, mergeId: result.mergeId };
});

export const rejectMergeCandidate = defineAction({ access: "admin", input: ZCandidateInput }, async ({ input, user }) => {
  await rejectCandidate(prisma, { candidateId: input.candidateId, actorId: user.id });
  refresh();
  return { message: "Marked as different people. This pair will not be suggested again." };
});

export const skipMergeCandidate = defineAction({ access: "admin", input: ZCandidateInput }, async ({ input, user }) => {
  await skipCandidate(prisma, { candidateId: input.candidateId, actorId: user.id });
  return { message: "Skipped for now." };
});

export const previewBulkMerge = defineAction({ access: "admin", input: z.object({ minProbability: ZThreshold }) }, async ({ input }) => {
  const preview = await previewBulkApprove(prisma, { minProbability: input.minProbability });
  return { count: preview.count, minProbability: input.minProbability };
});

export const bulkMerge = defineAction(
  { access: "admin", input: z.object({ minProbability: ZThreshold, expectedCount: z.number().int().min(0) }) },
  async ({ input, user }) => {
    const result = await bulkApprove(prisma, { minProbability: input.minProbability, actorId: user.id, expectedCount: input.expectedCount });
    refresh();
    return { considered: result.considered, approved: result.approved, skipped: result.skipped, conflicts: result.conflicts.map((conflict) => conflict.message) };
  },
);

export const undoMergeAction = defineAction({ access: "admin", input: z.object({ mergeId: z.uuid() }) }, async ({ input, user }) => {
  await undoMerge(prisma, { mergeId: input.mergeId, actorId: user.id });
  refresh();
  return { message: "Undone: both people are back as they were before the merge." };
});

export const proposeMergeAction = defineAction(
  {
    access: "member",
    input: z.object({ personAId: z.uuid(), personBId: z.uuid(), note: z.string().trim().max(1_000).optional() }),
  },
  async ({ input, user }) => {
    if (input.personAId === input.personBId) throw new AppError("BAD_REQUEST", "Pick two different people: a person cannot be merged with itself.");
    const result = await proposeMerge(prisma, { personAId: input.personAId, personBId: input.personBId, ...(input.note ? { note: input.note } : {}), proposedById: user.id });
    refresh();
    const score = `scored ${formatProbability(result.probability)}`;
    return {
      candidateId: result.candidateId,
      message: result.alreadyQueued ? `Already waiting in the review queue (${score}).` : `Proposed (${score}). An admin will review it in the queue.`,
    };
  },
);

/** The person picker of "Propose a merge": visible people by name or exact email. */
export const searchPeopleToPropose = defineAction({ access: "member", input: z.object({ query: z.string().trim().min(2).max(200) }) }, async ({ input }) =>
  findPeopleToPropose(input.query),
);
