// Merge history, newest first (keyset on createdAt, id), with whether each merge can be undone right now
// (the same rules undoMerge enforces: not undone yet, no later merge still standing that involves the
// survivor, nobody erased).
import { z } from "zod";
import type { Db } from "../../db/client";
import { AppError } from "../../errors/app-error";
import { HIDDEN_MERGE_EXPLANATION, isDeletedOutsideMerge } from "../../privacy/soft-delete";
import { loadUsers } from "./people-view";
import { decodeCursor, encodeCursor, ZListMergeHistoryInput, type MergeHistoryPage, type TListMergeHistoryInput } from "./types";

const DELETED_NAME = "(deleted person)";

/** A person's columns that say whether they were deleted or erased since (isDeletedOutsideMerge). */
const personStateSql = (alias: string, prefix: string): string =>
  `${alias}."deletedAt" AS "${prefix}DeletedAt", ${alias}."erasedAt" AS "${prefix}ErasedAt", ${alias}.metadata->>'mergedInto' AS "${prefix}MergedIntoAny"`;

interface HistoryRow {
  id: string;
  survivorId: string;
  mergedId: string;
  candidateId: string | null;
  method: string;
  probability: number | null;
  explanation: string;
  mergedById: string | null;
  createdAt: Date;
  createdAtText: string;
  undoneAt: Date | null;
  undoneById: string | null;
  survivorName: string | null;
  mergedName: string | null;
  survivorMergedInto: string | null;
  survivorDeletedAt: Date | null;
  survivorErasedAt: Date | null;
  survivorMergedIntoAny: string | null;
  mergedDeletedAt: Date | null;
  mergedErasedAt: Date | null;
  mergedMergedIntoAny: string | null;
  erased: boolean;
  laterMerge: boolean;
}

export async function listMergeHistory(db: Db, rawInput: TListMergeHistoryInput = {}): Promise<MergeHistoryPage> {
  const parsed = ZListMergeHistoryInput.safeParse(rawInput);
  if (!parsed.success) throw new AppError("BAD_REQUEST", "Invalid history request.", { fields: z.flattenError(parsed.error).fieldErrors });
  const { limit, cursor } = parsed.data;
  const params: unknown[] = [];
  let after = "";
  if (cursor) {
    const [createdAt, id] = decodeCursor(cursor);
    if (typeof createdAt !== "string" || typeof id !== "string") throw new AppError("BAD_REQUEST", "That page cursor is not valid; reload the list.");
    params.push(createdAt, id);
    after = `WHERE (m."createdAt", m.id) < ($1::timestamp, $2::uuid)`;
  }
  const rows = await db.$queryRawUnsafe<HistoryRow[]>(
    `SELECT m.id::text, m."survivorId"::text, m."mergedId"::text, m."candidateId"::text, m.method, m.probability, m.explanation,
            m."mergedById"::text, m."createdAt", m."createdAt"::text AS "createdAtText", m."undoneAt", m."undoneById"::text,
            coalesce(s.names[1], s.emails[1]) AS "survivorName",
            coalesce(d.names[1], d.emails[1], m.snapshot->'before'->'merged'->'names'->>0) AS "mergedName",
            CASE WHEN s."deletedAt" IS NOT NULL THEN s.metadata->>'mergedInto' END AS "survivorMergedInto",
            ${personStateSql("s", "survivor")}, ${personStateSql("d", "merged")},
            (s."erasedAt" IS NOT NULL OR d."erasedAt" IS NOT NULL) AS erased,
            EXISTS (SELECT 1 FROM "Merge" l WHERE l."undoneAt" IS NULL AND l.id <> m.id AND l."survivorId" = m."survivorId"
                     AND l.snapshot->'before'->'survivor'->'previousIds' @> jsonb_build_array(m."mergedId"::text)) AS "laterMerge"
       FROM "Merge" m
       LEFT JOIN "Person" s ON s.id = m."survivorId"
       LEFT JOIN "Person" d ON d.id = m."mergedId"
       ${after}
      ORDER BY m."createdAt" DESC, m.id DESC LIMIT ${limit + 1}`,
    ...params,
  );
  const page = rows.slice(0, limit);
  const users = await loadUsers(db, page.flatMap((row) => [row.mergedById, row.undoneById]));
  const last = page.at(-1);
  return {
    items: page.map((row) => {
      const reason = row.undoneAt
        ? "Already undone."
        : row.erased
          ? "A person of this merge was erased."
          : row.survivorMergedInto
            ? "The surviving person was merged again later; undo that merge first."
            : row.laterMerge
              ? "A later merge into the same person still stands; undo it first."
              : null;
      // A person deleted or erased since (not merged away) is not named, nor are the merge's words shown.
      const survivorHidden = isDeletedOutsideMerge({ deletedAt: row.survivorDeletedAt, erasedAt: row.survivorErasedAt, metadata: { mergedInto: row.survivorMergedIntoAny } });
      const mergedHidden = isDeletedOutsideMerge({ deletedAt: row.mergedDeletedAt, erasedAt: row.mergedErasedAt, metadata: { mergedInto: row.mergedMergedIntoAny } });
      return {
        id: row.id,
        method: row.method,
        probability: row.probability,
        explanation: survivorHidden || mergedHidden ? HIDDEN_MERGE_EXPLANATION : row.explanation,
        survivor: { id: row.survivorId, displayName: survivorHidden ? DELETED_NAME : (row.survivorName ?? "(unknown)") },
        merged: { id: row.mergedId, displayName: mergedHidden ? DELETED_NAME : (row.mergedName ?? "(unknown)") },
        candidateId: row.candidateId,
        mergedBy: (row.mergedById && users.get(row.mergedById)) || null,
        createdAt: row.createdAt,
        undoneAt: row.undoneAt,
        undoneBy: (row.undoneById && users.get(row.undoneById)) || null,
        canUndo: reason === null,
        undoBlockedReason: reason,
      };
    }),
    nextCursor: rows.length > limit && last ? encodeCursor([last.createdAtText, last.id]) : null,
  };
}
