// Finds import runs nobody is executing and queues them again: a `running` run whose run lock is free (its
// worker or CLI process died) and a `queued` run whose job is gone (cancelled, failed, or never sent).
// The worker calls this at start and every minute; the resumed run continues from its cursor.
import type PgBoss from "pg-boss";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import { sendJob } from "../../jobs/send-job";
import { lockedRuns } from "../pipeline/run-lock";

export interface RecoverOptions {
  databaseUrl?: string;
  boss: PgBoss;
  log?: (line: string) => void;
}

export async function requeueOrphanedRuns(db: Db, options: RecoverOptions): Promise<string[]> {
  const { importJob } = await import("./import-job");
  const candidates = await db.syncRun.findMany({
    where: { status: { in: ["running", "queued"] } },
    select: { id: true, status: true, jobId: true, correlationId: true },
    orderBy: { createdAt: "asc" },
  });
  if (candidates.length === 0) return [];
  const locked = await lockedRuns(
    candidates.map((run) => run.id),
    options.databaseUrl,
  );
  const requeued: string[] = [];
  for (const run of candidates) {
    if (locked.has(run.id)) continue;
    if (run.jobId) {
      const job = await options.boss.getJobById(importJob.name, run.jobId).catch(() => null);
      // Waiting for a worker already; or just picked up by one that has not taken the lock yet.
      if (job && (job.state === "created" || job.state === "retry" || (job.state === "active" && run.status === "queued"))) continue;
      // Otherwise the job is gone, or "active" under a dead worker until pg-boss expires it (its retry
      // would then find the run finished): a fresh job now is safe and much sooner.
    }
    const jobId = await sendJob(importJob, { runId: run.id }, { boss: options.boss });
    await db.$transaction(async (tx) => {
      await tx.syncRun.update({ where: { id: run.id }, data: { jobId } });
      await writeAudit(tx, { action: "sync.requeued", entityType: "SyncRun", entityId: run.id, correlationId: run.correlationId, actorId: null, metadata: { jobId, previousJobId: run.jobId, status: run.status } });
    });
    options.log?.(`re-queued import run ${run.id} (${run.status}, nobody was executing it)`);
    requeued.push(run.id);
  }
  return requeued;
}
