// The review queue: candidates most uncertain first (|probability − 0.5| ascending), skipped ones at the
// back in the order they were skipped, with both people side by side and the waterfall explanation.
// Keyset paging on (skipped, skippedAt, uncertainty, id). A pending candidate is listed only while both
// people are visible (a deleted or erased person never shows up in the queue).
import { z } from "zod";
import type { Db } from "../../db/client";
import { AppError } from "../../errors/app-error";
import type { MatchExplanation } from "../matching/explain-match";
import { loadCandidatePeople, loadUsers } from "./people-view";
import { decodeCursor, encodeCursor, ZListCandidatesInput, type CandidatePage, type CandidateView, type TListCandidatesInput } from "./types";

interface CandidateRow {
  id: string;
  personAId: string;
  personBId: string;
  status: CandidateView["status"];
  probability: number;
  matchWeight: number;
  explanation: unknown;
  proposedById: string | null;
  proposalNote: string | null;
  decidedById: string | null;
  decidedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  skipped: number;
  skippedAt: string;
  uncertainty: number;
}

const VISIBLE = `EXISTS (SELECT 1 FROM "Person" p WHERE p.id = c."personAId" AND p."deletedAt" IS NULL AND p."erasedAt" IS NULL)
  AND EXISTS (SELECT 1 FROM "Person" p WHERE p.id = c."personBId" AND p."deletedAt" IS NULL AND p."erasedAt" IS NULL)`;

// On a pending candidate decidedAt means "skipped at" (skipCandidate); on decided ones it is the decision time.
const ORDERED = `SELECT c.id::text, c."personAId"::text, c."personBId"::text, c.status::text AS status, c.probability, c."matchWeight",
         c.explanation, c."proposedById"::text, c."proposalNote", c."decidedById"::text, c."decidedAt", c."createdAt", c."updatedAt",
         (CASE WHEN c.status = 'pending' AND c."decidedAt" IS NOT NULL THEN 1 ELSE 0 END) AS skipped,
         (CASE WHEN c.status = 'pending' THEN coalesce(c."decidedAt", 'epoch'::timestamp) ELSE 'epoch'::timestamp END)::text AS "skippedAt",
         abs(c.probability - 0.5) AS uncertainty
    FROM "MergeCandidate" c`;

export async function listCandidates(db: Db, rawInput: TListCandidatesInput = {}): Promise<CandidatePage> {
  const parsed = ZListCandidatesInput.safeParse(rawInput);
  if (!parsed.success) throw new AppError("BAD_REQUEST", "Invalid queue request.", { fields: z.flattenError(parsed.error).fieldErrors });
  const { status, limit, cursor } = parsed.data;
  const where = `c.status = $1::"MergeCandidateStatus"${status === "pending" ? ` AND ${VISIBLE}` : ""}`;
  const params: unknown[] = [status];
  let after = "";
  if (cursor) {
    const [skipped, skippedAt, uncertainty, id] = decodeCursor(cursor);
    if (typeof skipped !== "number" || typeof skippedAt !== "string" || typeof uncertainty !== "number" || typeof id !== "string") {
      throw new AppError("BAD_REQUEST", "That page cursor is not valid; reload the list.");
    }
    params.push(skipped, skippedAt, uncertainty, id);
    after = `WHERE (q.skipped, q."skippedAt"::timestamp, q.uncertainty, q.id::uuid) > ($2::int, $3::timestamp, $4::float8, $5::uuid)`;
  }
  const rows = await db.$queryRawUnsafe<CandidateRow[]>(
    `SELECT * FROM (${ORDERED} WHERE ${where}) q ${after}
      ORDER BY q.skipped, q."skippedAt"::timestamp, q.uncertainty, q.id::uuid LIMIT ${limit + 1}`,
    ...params,
  );
  const [{ total } = { total: 0 }] = await db.$queryRawUnsafe<Array<{ total: number }>>(
    `SELECT count(*)::int AS total FROM "MergeCandidate" c WHERE ${where}`,
    status,
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: await toViews(db, page),
    nextCursor: rows.length > limit && last ? encodeCursor([last.skipped, last.skippedAt, last.uncertainty, last.id]) : null,
    total,
  };
}

export async function getCandidate(db: Db, id: string): Promise<CandidateView> {
  if (!z.uuid().safeParse(id).success) throw new AppError("BAD_REQUEST", "Invalid candidate id.");
  const rows = await db.$queryRawUnsafe<CandidateRow[]>(`${ORDERED} WHERE c.id = $1::uuid`, id);
  const [view] = await toViews(db, rows);
  if (!view) throw new AppError("NOT_FOUND", "That merge candidate does not exist.");
  return view;
}

const EMPTY_EXPLANATION: MatchExplanation = { priorWeight: 0, contributions: [], matchWeight: 0, probability: 0 };

async function toViews(db: Db, rows: readonly CandidateRow[]): Promise<CandidateView[]> {
  const people = await loadCandidatePeople(db, rows.flatMap((row) => [row.personAId, row.personBId]));
  const users = await loadUsers(db, rows.flatMap((row) => [row.proposedById, row.decidedById]));
  return rows.flatMap((row) => {
    const personA = people.get(row.personAId);
    const personB = people.get(row.personBId);
    if (!personA || !personB) return [];
    const explanation = row.explanation && typeof row.explanation === "object" && "contributions" in row.explanation ? (row.explanation as MatchExplanation) : EMPTY_EXPLANATION;
    const skippedAt = row.status === "pending" ? row.decidedAt : null;
    return [{
      id: row.id,
      status: row.status,
      probability: row.probability,
      matchWeight: row.matchWeight,
      uncertainty: Math.abs(row.probability - 0.5),
      explanation,
      personA,
      personB,
      proposedBy: (row.proposedById && users.get(row.proposedById)) || null,
      proposalNote: row.proposalNote,
      decidedBy: row.status === "pending" ? null : (row.decidedById && users.get(row.decidedById)) || null,
      decidedAt: row.status === "pending" ? null : row.decidedAt,
      skippedAt,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    }];
  });
}
