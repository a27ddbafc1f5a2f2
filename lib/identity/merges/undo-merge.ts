// Undoes one merge from its snapshot, in one transaction with both people locked, and audits
// `person.merge_undone`. Only what the merge changed is reverted:
// - Order: merges are undone newest first. A later merge that still stands and involves the survivor
//   (it absorbed someone after this merge, or was itself merged away) must be undone before this one.
// - People: the merged person's row comes back verbatim. The survivor's row comes back verbatim when
//   nothing changed it since the merge; otherwise field by field: values the merge brought in are removed,
//   values added later are kept, and a field changed later keeps its later value.
// - Edges: every edge of either person is replaced by the snapshot's edges. Pairs whose edge changed
//   after the merge (a later import recomputed it) are recomputed again from the interactions, now split
//   between the two people.
// - Identities, users, overrides, blocklist entries the merge re-pointed go back if they still point at the
//   survivor; rows it deleted come back. Rows created after the merge stay with the survivor.
// - Candidates the merge approved or superseded go back to their earlier state (pending) unless changed
//   since; the "same person" decision the merge recorded is removed.
// Refused with a clear error: undoing twice, a person erased since, an out-of-order undo.
import { z } from "zod";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import { AppError } from "../../errors/app-error";
import { mergedIntoOf } from "../../privacy/soft-delete";
import { recomputeEdges } from "../../sources/pipeline/recompute-edges";
import { forgetPeoplesPairs } from "../../strength/pair-store";
import { sqlRunner } from "../../db/sql-runner";
import { operationActor, orderedPair } from "./merge-people";
import { dumpRows, insertRows, overwriteRows, updatedAtOf, type Row, type Tx } from "./rows";
import { parseSnapshot, type MergeSnapshot } from "./snapshot";
import { inMergeTransaction, lockPeople } from "./transaction";

export const ZUndoMergeInput = z.object({ mergeId: z.uuid(), actorId: z.uuid().nullish() });
export type TUndoMergeInput = z.input<typeof ZUndoMergeInput>;

export interface UndoMergeResult {
  mergeId: string;
  survivorId: string;
  mergedId: string;
  edgesRestored: number;
  edgesRecomputed: number;
  correlationId: string;
}

export async function undoMerge(db: Db, rawInput: TUndoMergeInput): Promise<UndoMergeResult> {
  const parsed = ZUndoMergeInput.safeParse(rawInput);
  if (!parsed.success) throw new AppError("BAD_REQUEST", "Undo needs a valid merge id.", { fields: z.flattenError(parsed.error).fieldErrors });
  const { mergeId } = parsed.data;
  const actorId = parsed.data.actorId ?? operationActor();
  return inMergeTransaction(db, async (tx) => {
    const found = await tx.merge.findUnique({ where: { id: mergeId }, select: { survivorId: true, mergedId: true } });
    if (!found) throw new AppError("NOT_FOUND", "That merge does not exist.");
    const { survivorId, mergedId } = found;
    // People first, then the Merge row: the same lock order as merges.
    const locked = await lockPeople(tx, [survivorId, mergedId]);
    const [merge] = await tx.$queryRaw<Array<{ undoneAt: Date | null; snapshot: unknown; candidateId: string | null }>>`
      SELECT "undoneAt", snapshot, "candidateId"::text FROM "Merge" WHERE id = ${mergeId}::uuid FOR UPDATE`;
    if (!merge) throw new AppError("NOT_FOUND", "That merge does not exist.");
    if (merge.undoneAt) throw new AppError("CONFLICT", `This merge was already undone (${merge.undoneAt.toISOString()}).`);
    let snapshot: MergeSnapshot;
    try {
      snapshot = parseSnapshot(merge.snapshot);
    } catch (error) {
      throw new AppError("CONFLICT", "This merge was made before exact undo existed and cannot be undone automatically.", { cause: error });
    }

    const survivor = locked.get(survivorId);
    const merged = locked.get(mergedId);
    if (!survivor) throw new AppError("CONFLICT", "The surviving person no longer exists, so this merge cannot be undone.");
    if (survivor.erasedAt || merged?.erasedAt) throw new AppError("CONFLICT", "A person of this merge was erased since; the erasure stands and the merge cannot be undone.");
    const survivorMergedInto = mergedIntoOf(survivor.metadata);
    if (survivor.deletedAt && survivorMergedInto) {
      throw new AppError("CONFLICT", `The surviving person was merged into ${survivorMergedInto} later; undo that merge first.`);
    }
    if (merged && (!merged.deletedAt || mergedIntoOf(merged.metadata) !== survivorId)) {
      throw new AppError("CONFLICT", "The merged person was restored or changed outside this merge; it cannot be undone.");
    }
    const later = await tx.$queryRaw<Array<{ id: string }>>`
      SELECT id::text FROM "Merge"
       WHERE "undoneAt" IS NULL AND id <> ${mergeId}::uuid AND "survivorId" = ${survivorId}::uuid
         AND snapshot->'before'->'survivor'->'previousIds' @> jsonb_build_array(${mergedId}::text)`;
    if (later.length > 0) {
      throw new AppError("CONFLICT", `A later merge into the same person still stands (${later.map((row) => row.id).join(", ")}); undo it first.`);
    }

    // People.
    if (merged) await overwriteRows(tx, "Person", [snapshot.before.merged]);
    else await insertRows(tx, "Person", [snapshot.before.merged]);
    const [current] = await dumpRows(tx, "Person", "t.id = $1::uuid", survivorId);
    await overwriteRows(tx, "Person", [restoredSurvivor(snapshot, current as Row)]);

    // Edges.
    const both = [survivorId, mergedId];
    const currentEdges = await tx.$queryRawUnsafe<Array<{ id: string; fromPersonId: string; toPersonId: string; updatedAt: string }>>(
      `SELECT id::text, "fromPersonId"::text, "toPersonId"::text, to_jsonb("updatedAt") #>> '{}' AS "updatedAt"
         FROM "Edge" WHERE "fromPersonId" = ANY($1::uuid[]) OR "toPersonId" = ANY($1::uuid[])`,
      both,
    );
    const changedLater = new Set<string>();
    for (const edge of currentEdges) {
      if (snapshot.after.edges[edge.id] === edge.updatedAt) continue;
      const other = both.includes(edge.fromPersonId) ? edge.toPersonId : edge.fromPersonId;
      if (!both.includes(other)) changedLater.add(other);
    }
    await tx.$executeRawUnsafe(`DELETE FROM "Edge" WHERE "fromPersonId" = ANY($1::uuid[]) OR "toPersonId" = ANY($1::uuid[])`, both);
    const existing = new Set(
      (await tx.$queryRawUnsafe<Array<{ id: string }>>(
        `SELECT id::text FROM "Person" WHERE id = ANY($1::uuid[])`,
        [...new Set(snapshot.before.edges.flatMap((edge) => [edge.fromPersonId as string, edge.toPersonId as string]))],
      )).map((row) => row.id),
    );
    const edgesRestored = await insertRows(
      tx,
      "Edge",
      snapshot.before.edges.filter((edge) => existing.has(edge.fromPersonId as string) && existing.has(edge.toPersonId as string)),
    );
    await forgetPeoplesPairs(sqlRunner(tx), both);
    const pairs = [...changedLater].flatMap((other) => both.map((id) => orderedPair(id, other).join(" ")));
    const edgesRecomputed = pairs.length ? await recomputeEdges(tx, pairs, new Date()) : 0;

    // References the merge re-pointed go back; rows it deleted come back.
    const { moved, deleted } = snapshot;
    if (moved.identities.length) await tx.$executeRaw`UPDATE "PersonIdentity" SET "personId" = ${mergedId}::uuid WHERE id = ANY(${moved.identities}::uuid[]) AND "personId" = ${survivorId}::uuid`;
    if (moved.users.length) await tx.$executeRaw`UPDATE "User" SET "personId" = ${mergedId}::uuid WHERE id = ANY(${moved.users}::uuid[]) AND "personId" = ${survivorId}::uuid`;
    if (moved.overrides.length) await tx.$executeRaw`UPDATE "StrengthOverride" SET "personId" = ${mergedId}::uuid WHERE id = ANY(${moved.overrides}::uuid[]) AND "personId" = ${survivorId}::uuid`;
    if (moved.blocklist.length) await tx.$executeRaw`UPDATE "BlocklistEntry" SET "personId" = ${mergedId}::uuid WHERE id = ANY(${moved.blocklist}::uuid[]) AND "personId" = ${survivorId}::uuid`;
    await insertRows(tx, "StrengthOverride", deleted.overrides);
    await insertRows(tx, "BlocklistEntry", deleted.blocklist);

    // Candidates the merge decided, unless someone changed them since.
    const touched = Object.keys(snapshot.after.candidates);
    const now = await updatedAtOf(tx, "MergeCandidate", touched);
    const restorable = snapshot.before.candidates.filter((row) => touched.includes(row.id) && now.get(row.id) === snapshot.after.candidates[row.id]);
    await overwriteRows(tx, "MergeCandidate", restorable);
    if (snapshot.createdDecisionId) await tx.mergeDecision.deleteMany({ where: { id: snapshot.createdDecisionId } });

    await tx.merge.update({ where: { id: mergeId }, data: { undoneAt: new Date(), undoneById: actorId } });
    const correlationId = await writeAudit(tx, {
      action: "person.merge_undone",
      entityType: "Person",
      entityId: survivorId,
      ...(actorId ? { actorId } : {}),
      metadata: { mergeId, mergedId, candidateId: merge.candidateId, edgesRestored, edgesRecomputed },
    });
    return { mergeId, survivorId, mergedId, edgesRestored, edgesRecomputed, correlationId };
  });
}

const SURVIVOR_ARRAY_FIELDS = ["names", "emails", "phones", "previousIds"] as const;
const SURVIVOR_VALUE_FIELDS = ["socialHandles", "title", "organizationId", "mergeExplanation", "metadata", "deletedAt", "erasedAt"] as const;

/** The survivor's row to write back: verbatim if untouched since the merge, else a three-way restore. */
export function restoredSurvivor(snapshot: Pick<MergeSnapshot, "before" | "after">, current: Row): Row {
  const before = snapshot.before.survivor;
  const after = snapshot.after.survivor;
  if (current.updatedAt === after.updatedAt) return before;
  const row: Row = { ...current, updatedAt: new Date().toISOString().replace("Z", "") };
  const same = (x: unknown, y: unknown) => JSON.stringify(x ?? null) === JSON.stringify(y ?? null);
  for (const field of SURVIVOR_ARRAY_FIELDS) {
    const beforeValues = (before[field] as string[] | null) ?? [];
    const afterValues = new Set((after[field] as string[] | null) ?? []);
    const addedLater = ((current[field] as string[] | null) ?? []).filter((value) => !afterValues.has(value));
    row[field] = [...new Set([...beforeValues, ...addedLater])];
  }
  for (const field of SURVIVOR_VALUE_FIELDS) {
    if (same(current[field], after[field])) row[field] = before[field] ?? null;
  }
  return row;
}
