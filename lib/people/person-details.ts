// Reads for the person screen beyond the profile (queries.ts): identities per source, the interaction
// timeline per month and channel, and the merges this record absorbed. The caller has already checked the
// person is visible (getPersonProfile); every read here also filters by a visible person itself.
import "server-only";
import { prisma } from "@/lib/db";
import { HIDDEN_MERGE_EXPLANATION, isDeletedOutsideMerge } from "@/lib/privacy/soft-delete";
import { personKeysSql } from "@/lib/strength/recompute-sql";

export interface SourceIdentities {
  sourceName: string;
  identities: Array<{ id: string; sourceId: string; observedAt: Date | null }>;
}

/** PersonIdentity rows grouped by source, sources alphabetically, newest observation first within each. */
export async function getIdentitiesBySource(personId: string): Promise<SourceIdentities[]> {
  const rows = await prisma.personIdentity.findMany({
    where: { personId, person: { deletedAt: null, erasedAt: null } },
    orderBy: [{ sourceName: "asc" }, { observedAt: { sort: "desc", nulls: "last" } }, { sourceId: "asc" }],
    take: 500,
    select: { id: true, sourceName: true, sourceId: true, observedAt: true },
  });
  const groups = new Map<string, SourceIdentities>();
  for (const row of rows) {
    const group = groups.get(row.sourceName) ?? { sourceName: row.sourceName, identities: [] };
    group.identities.push({ id: row.id, sourceId: row.sourceId, observedAt: row.observedAt });
    groups.set(row.sourceName, group);
  }
  return [...groups.values()];
}

export interface TimelineBucket {
  /** "YYYY-MM" (UTC). */
  month: string;
  channel: string;
  count: number;
}

export const TIMELINE_MONTHS = 24;

/**
 * Interactions per month and channel over the last `months` months, for every interaction whose
 * participants name the person: one of their emails, or a network handle (`linkedin:<slug>`, as a LinkedIn
 * connection without an address is stored), the keys the strength recompute counts (personKeysSql). One
 * GROUP BY served by the participants GIN index.
 */
export async function getInteractionTimeline(personId: string, options: { months?: number; now?: Date } = {}): Promise<TimelineBucket[]> {
  const months = options.months ?? TIMELINE_MONTHS;
  const now = options.now ?? new Date();
  const since = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (months - 1), 1));
  const rows = await prisma.$queryRawUnsafe<Array<{ key: string }>>(
    `SELECT k.key FROM "Person" p CROSS JOIN LATERAL ${personKeysSql("p")} AS k(key)
      WHERE p.id = $1::uuid AND p."deletedAt" IS NULL AND p."erasedAt" IS NULL AND k.key IS NOT NULL`,
    personId,
  );
  const keys = rows.map((row) => row.key);
  if (keys.length === 0) return [];
  return prisma.$queryRaw<TimelineBucket[]>`
    SELECT to_char(date_trunc('month', i."timestamp"), 'YYYY-MM') AS month, i.channel::text AS channel, count(*)::int AS count
    FROM "Interaction" i
    WHERE i.participants && ${keys}::text[] AND i."timestamp" >= ${since}
    GROUP BY 1, 2
    ORDER BY 1, 2`;
}

export interface MergeRecord {
  id: string;
  mergedId: string;
  method: string;
  probability: number | null;
  explanation: string;
  createdAt: Date;
  undoneAt: Date | null;
}

/**
 * Merges into this person (Merge rows with survivorId = id), newest first, undone ones included and marked.
 * A merged record deleted or erased since (after an undo) keeps its row, without the merge's words.
 */
export async function getMergeHistory(personId: string, take = 50): Promise<MergeRecord[]> {
  const merges = await prisma.merge.findMany({
    where: { survivorId: personId },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take,
    select: { id: true, mergedId: true, method: true, probability: true, explanation: true, createdAt: true, undoneAt: true },
  });
  const merged = await prisma.person.findMany({
    where: { id: { in: [...new Set(merges.map((merge) => merge.mergedId))] } },
    select: { id: true, deletedAt: true, erasedAt: true, metadata: true },
  });
  const hidden = new Set(merged.filter(isDeletedOutsideMerge).map((person) => person.id));
  return merges.map((merge) => (hidden.has(merge.mergedId) ? { ...merge, explanation: HIDDEN_MERGE_EXPLANATION } : merge));
}

/** The signed-in member's own stored judgement of their relationship with this person, if any. */
export async function getOwnOverride(userId: string, personId: string) {
  return prisma.strengthOverride.findUnique({ where: { userId_personId: { userId, personId } }, select: { level: true, note: true, updatedAt: true } });
}
