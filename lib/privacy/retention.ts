// Retention purges (issue 7, item 3), driven by the PrivacySettings row:
//  - soft-deleted people past `softDeletedPurgeDays` are ERASED (eraseLocked, audit `person.purged`, their
//    identifiers join the suppression list). A soft delete is the restorable first step of a removal; when
//    the window closes it becomes final, and a plain hard delete would let the next import bring them back.
//    Records hidden by a merge (metadata.mergedInto) are not purged: they are the merge's undo data.
//  - interactions older than `interactionRetentionMonths` (off by default) are deleted; the "knows" edges of
//    the pairs they connected are rebuilt from what remains (a pair with nothing left loses its edge).
//  - audit rows older than `auditRetentionMonths` (kept by default) are deleted.
// Each policy that runs writes one audit row with its counts. A dry run counts with the same conditions
// and changes nothing (no audit row either).
import { writeAudit } from "../audit/write-audit";
import type { Db } from "../db/client";
import { eraseLocked, lockPeople } from "./erase-person";
import { getPrivacySettings, type TPrivacySettings } from "./settings";
import { recomputeEdges } from "../sources/pipeline/recompute-edges";
import { forgetPairsOfKeys } from "../strength/pair-store";
import { peopleOfKeys } from "../strength/people-of-keys";
import { sqlRunner } from "../db/sql-runner";
import { pairsOfInteractions } from "./touched-pairs";

export interface PolicyOutcome {
  /** False when the setting turns the policy off (nothing counted). */
  enabled: boolean;
  /** Records older than this go. */
  cutoff: string | null;
  /** What would go (dry run) or what went. */
  count: number;
}

export interface RetentionResult {
  dryRun: boolean;
  now: string;
  settings: TPrivacySettings;
  softDeletedPeople: PolicyOutcome;
  interactions: PolicyOutcome & { edgesRecomputed: number };
  auditLogs: PolicyOutcome;
}

export interface RunRetentionOptions {
  dryRun: boolean;
  now?: Date;
  /** Defaults to the stored settings. */
  settings?: TPrivacySettings;
  log?: (line: string) => void;
}

const INTERACTION_BATCH = 5_000;

export function daysBefore(now: Date, days: number): Date {
  return new Date(now.getTime() - days * 24 * 60 * 60 * 1000);
}

/** The same day of the month `months` earlier (clamped to the month's last day), in UTC. */
export function monthsBefore(now: Date, months: number): Date {
  const result = new Date(now.getTime());
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() - months);
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(day, lastDay));
  return result;
}

/** Soft-deleted, not erased, not a merge's hidden record (its undo data), deleted before the cutoff. */
async function purgeablePeople(db: Pick<Db, "$queryRaw">, cutoff: Date): Promise<string[]> {
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    SELECT id::text AS id FROM "Person"
    WHERE "deletedAt" < ${cutoff.toISOString()}::timestamp AND "erasedAt" IS NULL AND COALESCE(metadata ->> 'mergedInto', '') = ''
    ORDER BY "deletedAt", id`;
  return rows.map((row) => row.id);
}

export async function runRetention(db: Db, options: RunRetentionOptions): Promise<RetentionResult> {
  const now = options.now ?? new Date();
  const settings = options.settings ?? (await getPrivacySettings(db));
  const log = options.log ?? (() => undefined);
  const peopleCutoff = daysBefore(now, settings.softDeletedPurgeDays);
  const interactionCutoff = settings.interactionRetentionMonths === null ? null : monthsBefore(now, settings.interactionRetentionMonths);
  const auditCutoff = settings.auditRetentionMonths === null ? null : monthsBefore(now, settings.auditRetentionMonths);

  const result: RetentionResult = {
    dryRun: options.dryRun,
    now: now.toISOString(),
    settings,
    softDeletedPeople: { enabled: true, cutoff: peopleCutoff.toISOString(), count: 0 },
    interactions: { enabled: interactionCutoff !== null, cutoff: interactionCutoff?.toISOString() ?? null, count: 0, edgesRecomputed: 0 },
    auditLogs: { enabled: auditCutoff !== null, cutoff: auditCutoff?.toISOString() ?? null, count: 0 },
  };

  if (options.dryRun) {
    result.softDeletedPeople.count = (await purgeablePeople(db, peopleCutoff)).length;
    if (interactionCutoff) result.interactions.count = await db.interaction.count({ where: { timestamp: { lt: interactionCutoff } } });
    if (auditCutoff) result.auditLogs.count = await db.auditLog.count({ where: { createdAt: { lt: auditCutoff } } });
    return result;
  }

  result.softDeletedPeople.count = await purgeSoftDeletedPeople(db, peopleCutoff, now);
  await db.$transaction((tx) =>
    writeAudit(tx, {
      action: "privacy.purged_people",
      entityType: "PrivacySettings",
      entityId: "1",
      metadata: { count: result.softDeletedPeople.count, cutoff: peopleCutoff.toISOString(), days: settings.softDeletedPurgeDays },
    }),
  );
  log(`soft-deleted people purged: ${result.softDeletedPeople.count}`);

  if (interactionCutoff) {
    const purged = await purgeInteractions(db, interactionCutoff, now);
    result.interactions.count = purged.deleted;
    result.interactions.edgesRecomputed = purged.edgesRecomputed;
    await db.$transaction((tx) =>
      writeAudit(tx, {
        action: "privacy.purged_interactions",
        entityType: "PrivacySettings",
        entityId: "1",
        metadata: { count: purged.deleted, edgesRecomputed: purged.edgesRecomputed, cutoff: interactionCutoff.toISOString(), months: settings.interactionRetentionMonths },
      }),
    );
    log(`interactions purged: ${purged.deleted} (edges recomputed: ${purged.edgesRecomputed})`);
  }

  if (auditCutoff) {
    // The count row is written in the same transaction as the delete, so it survives its own purge.
    result.auditLogs.count = await db.$transaction(async (tx) => {
      const { count } = await tx.auditLog.deleteMany({ where: { createdAt: { lt: auditCutoff } } });
      await writeAudit(tx, {
        action: "privacy.purged_audit_logs",
        entityType: "PrivacySettings",
        entityId: "1",
        metadata: { count, cutoff: auditCutoff.toISOString(), months: settings.auditRetentionMonths },
      });
      return count;
    });
    log(`audit rows purged: ${result.auditLogs.count}`);
  }
  return result;
}

/** One transaction per person: a failure leaves the others purged and this one untouched. */
async function purgeSoftDeletedPeople(db: Db, cutoff: Date, now: Date): Promise<number> {
  const candidates = await purgeablePeople(db, cutoff);
  let purged = 0;
  for (const id of candidates) {
    const done = await db.$transaction(
      async (tx) => {
        const [row] = await lockPeople(tx, [id]);
        // Restored or erased since the candidates were listed: leave it.
        if (!row || row.erasedAt || !row.deletedAt || row.deletedAt >= cutoff) return false;
        await eraseLocked(tx, row, { action: "person.purged", reason: "retention", now });
        return true;
      },
      { maxWait: 30_000, timeout: 10 * 60_000 },
    );
    if (done) purged += 1;
  }
  return purged;
}

async function purgeInteractions(db: Db, cutoff: Date, now: Date): Promise<{ deleted: number; edgesRecomputed: number }> {
  let deleted = 0;
  let edgesRecomputed = 0;
  for (;;) {
    const batch = await db.$transaction(
      async (tx) => {
        const rows = await tx.$queryRaw<Array<{ participants: string[] }>>`
          DELETE FROM "Interaction" WHERE id IN (
            SELECT id FROM "Interaction" WHERE timestamp < ${cutoff.toISOString()}::timestamp ORDER BY timestamp LIMIT ${INTERACTION_BATCH}
          ) RETURNING participants`;
        if (rows.length === 0) return { deleted: 0, edges: 0 };
        const keys = [...new Set(rows.flatMap((row) => row.participants))];
        // Everyone in a deleted interaction has a different history now (lib/strength/pair-store.ts).
        await forgetPairsOfKeys(sqlRunner(tx), keys);
        const pairs = pairsOfInteractions(
          rows.map((row) => row.participants),
          await peopleOfKeys(sqlRunner(tx), keys),
        );
        // Rebuilt from the interactions that remain: a pair left with none loses its "knows" edge.
        const list = [...pairs].map((pair) => pair.split(" "));
        if (list.length > 0) {
          await tx.$executeRaw`
            DELETE FROM "Edge" e USING jsonb_array_elements(${JSON.stringify(list)}::jsonb) p
            WHERE e."relationshipType" = 'knows'
              AND ((e."fromPersonId" = (p->>0)::uuid AND e."toPersonId" = (p->>1)::uuid) OR (e."fromPersonId" = (p->>1)::uuid AND e."toPersonId" = (p->>0)::uuid))`;
        }
        const edges = await recomputeEdges(tx, pairs, now);
        // The deletion's own row, committed with it (the policy's summary row follows at the end).
        await writeAudit(tx, {
          action: "privacy.purged_interactions_batch",
          entityType: "Interaction",
          metadata: { count: rows.length, edgesRecomputed: edges, cutoff: cutoff.toISOString() },
        });
        return { deleted: rows.length, edges };
      },
      { maxWait: 30_000, timeout: 10 * 60_000 },
    );
    if (batch.deleted === 0) break;
    deleted += batch.deleted;
    edgesRecomputed += batch.edges;
  }
  return { deleted, edgesRecomputed };
}
