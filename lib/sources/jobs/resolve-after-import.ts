// After an import commits, entity resolution runs over the people it created or changed: duplicates with
// strong identifiers merge (each merge its own audited transaction, undoable on /merges) and uncertain
// pairs join the review queue. It runs after the run is final, outside its transactions, so a failure
// here never undoes the import; `npm run resolve` re-runs it over everyone. Its audit rows (each merge,
// identity.resolved) carry the run's correlation id, so /admin/audit shows them with the import that
// caused them (outside an operation, every row would get an unrelated id of its own).
import { currentOperation, runInOperation } from "../../audit/correlation";
import type { Db } from "../../db/client";
import { resolvePeople } from "../../identity/resolve/resolve-people";
import type { ImportResolution, ImportSummary } from "../pipeline/types";

export async function resolveAfterImport(db: Db, summary: ImportSummary): Promise<ImportResolution | null> {
  if (summary.status !== "success") return null;
  const run = await db.syncRun.findUnique({ where: { id: summary.runId }, select: { startedAt: true, correlationId: true } });
  if (!run) return null;
  const touched = await db.person.findMany({
    where: { deletedAt: null, updatedAt: { gte: run.startedAt } },
    select: { id: true },
  });
  if (touched.length === 0) return { autoMerged: 0, queued: 0, people: 0, error: null };
  try {
    const result = await runInOperation({ correlationId: run.correlationId, actorId: currentOperation()?.actorId ?? null }, () =>
      resolvePeople(db, { personIds: touched.map((person) => person.id) }),
    );
    return { autoMerged: result.autoMerged, queued: result.queued, people: touched.length, error: null };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { autoMerged: 0, queued: 0, people: touched.length, error: `Resolution after the import failed (the import itself is saved; run \`npm run resolve\`): ${message}` };
  }
}
