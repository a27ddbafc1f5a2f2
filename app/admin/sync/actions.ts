"use server";
// Admin actions of the sync dashboard: "Sync again" runs a past run's file once more as a new queued run;
// "Cancel" asks the worker to stop a queued or running import at its next batch boundary (nothing half
// imported stays behind: lib/sources/jobs). Each one authenticates and authorizes itself (defineAction).
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { ZUuid } from "@/lib/api/ids";
import { prisma } from "@/lib/db";
import { cancelSyncRun, retrySyncRun } from "@/lib/sync/run-control";

const ZRunInput = z.object({ runId: ZUuid });

export const syncAgain = defineAction({ access: "admin", input: ZRunInput }, async ({ input, user }) => {
  const queued = await retrySyncRun(prisma, { runId: input.runId, actorId: user.id });
  return { runId: queued.runId, message: "Queued: the import runs again with the same file." };
});

export const cancelRun = defineAction({ access: "admin", input: ZRunInput }, async ({ input, user }) => {
  await cancelSyncRun(prisma, { runId: input.runId, actorId: user.id });
  return { runId: input.runId, message: "Cancel requested: the import stops at its next batch and keeps nothing half done." };
});
