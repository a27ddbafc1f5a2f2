// The sync dashboard's seam to the import jobs (lib/sources/jobs/runs.ts, owned by the import backend):
// queue a run for a stored upload, cancel one, run one again. Kept in one place so the route and the
// actions do not each depend on the backend's exact signatures.
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { queueImport, requestCancel, retryRun } from "../sources/jobs/runs";
import type { TSourceName } from "../sources/types";

export interface QueuedRun {
  runId: string;
  jobId: string;
}

/** ZImportRunOptions accepts at most this many owner addresses. */
const MAX_OWNER_EMAILS = 20;

/**
 * Queues the import of an uploaded file. `ownerUserId`: the team member whose export it is (an admin uploads
 * each member's LinkedIn export, mailbox or calendar): their connections become that member's ties and their
 * mailbox and calendar are read from their side. Without it the export is the uploader's.
 */
export async function queueUploadedImport(
  db: Db,
  input: { sourceName: TSourceName; filePath: string; fileName: string; fileBytes: number; startedById: string; ownerUserId?: string | null },
): Promise<QueuedRun> {
  const { ownerUserId, ...run } = input;
  if (!ownerUserId) return queueImport(db, run);
  return queueImport(db, { ...run, options: { ownerEmails: await exportOwnerEmails(db, ownerUserId) } });
}

/** The member's sign-in address first, then every address of the person their account is linked to. */
async function exportOwnerEmails(db: Db, userId: string): Promise<string[]> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { email: true, person: { select: { emails: true, deletedAt: true, erasedAt: true } } },
  });
  if (!user) throw new AppError("NOT_FOUND", "The team member this export belongs to has no account any more. Choose another member.");
  const person = user.person && !user.person.deletedAt && !user.person.erasedAt ? user.person : null;
  const emails = [user.email, ...(person?.emails ?? [])].map((email) => email.trim().toLowerCase());
  return [...new Set(emails)].slice(0, MAX_OWNER_EMAILS);
}

export function cancelSyncRun(db: Db, input: { runId: string; actorId: string }): Promise<void> {
  return requestCancel(db, input);
}

export function retrySyncRun(db: Db, input: { runId: string; actorId: string }): Promise<QueuedRun> {
  return retryRun(db, input);
}
