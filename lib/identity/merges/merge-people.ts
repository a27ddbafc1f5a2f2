// Merges one person into another in ONE transaction, with both rows locked (in id order):
//   identifiers unioned, previousIds and mergeExplanation recorded, edges re-keyed (duplicates combined,
//   the pair's own edges dropped) and then recomputed from the interactions for every affected pair,
//   PersonIdentity / User.personId / StrengthOverride / BlocklistEntry re-pointed, candidates of the
//   merged person superseded and the pair's own candidate approved, a Merge row with a snapshot of every
//   row changed or deleted (undo-merge.ts restores it exactly) and a `person.merged` audit row.
// The merged record stays as a soft-deleted tombstone with metadata.mergedInto, so old ids still resolve.
import { z } from "zod";
import { currentOperation } from "../../audit/correlation";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import type { Prisma } from "../../../prisma/generated/client";
import { AppError } from "../../errors/app-error";
import { recomputeEdges } from "../../sources/pipeline/recompute-edges";
import { forgetPeoplesPairs } from "../../strength/pair-store";
import { sqlRunner } from "../../db/sql-runner";
import { SQL_NOW } from "../../sources/pipeline/sql";
import { dumpMany, type Row, type Tx } from "./rows";
import { SNAPSHOT_VERSION, type MergeSnapshot } from "./snapshot";
import { assertMergeable, inMergeTransaction, lockPeople, type LockedPerson } from "./transaction";

/** auto: the resolver, on strong identifiers; review: an admin approved one candidate; bulk: an admin approved every candidate above a threshold; manual. */
export const MERGE_METHODS = ["auto", "review", "bulk", "manual"] as const;
export type MergeMethod = (typeof MERGE_METHODS)[number];

export const ZMergePeopleInput = z.object({
  survivorId: z.uuid(),
  mergedId: z.uuid(),
  explanation: z.string().trim().min(1).max(2_000),
  method: z.enum(MERGE_METHODS).default("manual"),
  candidateId: z.uuid().nullish(),
  probability: z.number().min(0).max(1).nullish(),
  /** The user merging (defaults to the operation's actor). */
  actorId: z.uuid().nullish(),
  /** Remember "same person" for the pair (review approvals do). */
  recordDecision: z.boolean().default(false),
  /**
   * Refuse when either person took part in another merge since the candidate was scored: the reviewer
   * judged two people who no longer look like that (two admins approving overlapping pairs at the same
   * moment: the second gets a CONFLICT). Bulk approval turns it off: its threshold is the judgement.
   */
  requireFreshCandidate: z.boolean().default(false),
});
export type TMergePeopleInput = z.input<typeof ZMergePeopleInput>;

export interface MergePeopleResult {
  mergeId: string;
  survivorId: string;
  mergedId: string;
  edgesMoved: number;
  edgesCombined: number;
  edgesRecomputed: number;
  correlationId: string;
}

/** Order-preserving union without duplicates. */
export function unionValues(first: readonly string[], second: readonly string[]): string[] {
  return [...new Set([...first, ...second])];
}

type JsonObject = Record<string, Prisma.JsonValue>;
const asObject = (value: unknown): JsonObject =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as JsonObject) : {};
const asStrings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : []);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The operation's user, when it is a user id (jobs may run as a named system actor). */
export function operationActor(): string | null {
  const actor = currentOperation()?.actorId ?? null;
  return actor && UUID.test(actor) ? actor : null;
}

export const orderedPair = (x: string, y: string): [string, string] => (x < y ? [x, y] : [y, x]);

export async function mergePeople(db: Db, rawInput: TMergePeopleInput): Promise<MergePeopleResult> {
  const parsed = ZMergePeopleInput.safeParse(rawInput);
  if (!parsed.success) throw new AppError("BAD_REQUEST", "Merge needs two person ids and an explanation.", { fields: z.flattenError(parsed.error).fieldErrors });
  const input = parsed.data;
  if (input.survivorId === input.mergedId) throw new AppError("BAD_REQUEST", "A person cannot be merged with itself.");
  return inMergeTransaction(db, async (tx) => mergeInTransaction(tx, input, await lockPeople(tx, [input.survivorId, input.mergedId])));
}

/**
 * Several merges in ONE transaction, in order (a cluster folding into its survivor: resolvePeople's
 * auto-merges). Every merge is exactly what mergePeople would do (its own snapshot, Merge row and audit
 * row, so each can be undone on its own, newest first); sharing the transaction saves the BEGIN/COMMIT
 * and the row locks of every merge after the first. All people are locked up front, in id order. If any
 * merge is refused, nothing is written and the AppError is thrown (callers may retry one by one).
 */
export async function mergePeopleInOneTransaction(db: Db, rawInputs: readonly TMergePeopleInput[]): Promise<MergePeopleResult[]> {
  const inputs = rawInputs.map((rawInput) => {
    const parsed = ZMergePeopleInput.safeParse(rawInput);
    if (!parsed.success) throw new AppError("BAD_REQUEST", "Merge needs two person ids and an explanation.", { fields: z.flattenError(parsed.error).fieldErrors });
    if (parsed.data.survivorId === parsed.data.mergedId) throw new AppError("BAD_REQUEST", "A person cannot be merged with itself.");
    return parsed.data;
  });
  if (inputs.length === 0) return [];
  return inMergeTransaction(db, async (tx) => {
    const locked = await lockPeople(tx, inputs.flatMap((input) => [input.survivorId, input.mergedId]));
    const results: MergePeopleResult[] = [];
    const gone = new Set<string>();
    for (const input of inputs) {
      // A person merged away earlier in this transaction is no longer mergeable (the lock map predates it).
      for (const id of [input.survivorId, input.mergedId]) {
        if (gone.has(id)) throw new AppError("CONFLICT", `The person ${id} was already merged in this run.`);
      }
      results.push(await mergeInTransaction(tx, input, locked));
      gone.add(input.mergedId);
    }
    return results;
  });
}

async function mergeInTransaction(tx: Tx, input: z.output<typeof ZMergePeopleInput>, locked: ReadonlyMap<string, LockedPerson>): Promise<MergePeopleResult> {
  const { survivorId, mergedId } = input;
  const both = [survivorId, mergedId];
  assertMergeable(locked.get(survivorId), "surviving");
  assertMergeable(locked.get(mergedId), "merged");

  const [personA, personB] = orderedPair(survivorId, mergedId);
  let candidateId = input.candidateId ?? null;
  if (candidateId) {
    const [candidate] = await tx.$queryRaw<Array<{ personAId: string; personBId: string; status: string; updatedAt: Date }>>`
      SELECT "personAId"::text, "personBId"::text, status::text, "updatedAt" FROM "MergeCandidate" WHERE id = ${candidateId}::uuid FOR UPDATE`;
    if (!candidate) throw new AppError("NOT_FOUND", "That merge candidate does not exist.");
    if (candidate.personAId !== personA || candidate.personBId !== personB) throw new AppError("BAD_REQUEST", "That candidate is about another pair of people.");
    if (candidate.status !== "pending") throw new AppError("CONFLICT", `That candidate is already ${candidate.status}; reload the queue.`);
    if (input.requireFreshCandidate) {
      const changed = await tx.$queryRaw<Array<{ id: string }>>`
        SELECT id::text FROM "Merge" WHERE "undoneAt" IS NULL AND "survivorId" IN (${survivorId}::uuid, ${mergedId}::uuid)
           AND "createdAt" >= ${candidate.updatedAt} LIMIT 1`;
      if (changed.length > 0) {
        throw new AppError("CONFLICT", "One of these people was merged with someone else after this candidate was scored (perhaps by another admin just now); reload the queue and review the pair again.");
      }
    }
  }

  // Everything the merge may change, verbatim (one round trip).
  const dumped = await dumpMany(
    tx,
    {
      people: { table: "Person", where: "t.id = ANY($1::uuid[])" },
      edges: { table: "Edge", where: `t."fromPersonId" = ANY($1::uuid[]) OR t."toPersonId" = ANY($1::uuid[])` },
      identities: { table: "PersonIdentity", where: `t."personId" = ANY($1::uuid[])` },
      overrides: { table: "StrengthOverride", where: `t."personId" = ANY($1::uuid[])` },
      blocklist: { table: "BlocklistEntry", where: `t."personId" = ANY($1::uuid[])` },
      candidates: { table: "MergeCandidate", where: `t."personAId" = ANY($1::uuid[]) OR t."personBId" = ANY($1::uuid[])` },
      // Only the link, never the user's other columns (password hashes stay out of snapshots).
      users: { table: "User", where: `t."personId" = ANY($1::uuid[])`, projection: `jsonb_build_object('id', t.id::text, 'personId', t."personId"::text)` },
    },
    both,
  );
  const before: MergeSnapshot["before"] = {
    survivor: dumped.people.find((row) => row.id === survivorId) as Row,
    merged: dumped.people.find((row) => row.id === mergedId) as Row,
    edges: dumped.edges,
    identities: dumped.identities,
    users: dumped.users as unknown as Array<{ id: string; personId: string }>,
    overrides: dumped.overrides,
    blocklist: dumped.blocklist,
    candidates: dumped.candidates,
  };
  const survivor = before.survivor;
  const merged = before.merged;

  // The people each of them is connected to: their pairs with the survivor are recomputed below.
  const neighbours = new Set<string>();
  for (const edge of before.edges) for (const id of [edge.fromPersonId, edge.toPersonId] as string[]) if (!both.includes(id)) neighbours.add(id);

  // Edges between the two would become self-loops: they go. (Skipped when the merged person has none.)
  const mergedHasEdges = before.edges.some((edge) => edge.fromPersonId === mergedId || edge.toPersonId === mergedId);
  let edgesCombined = 0;
  let edgesMoved = 0;
  if (mergedHasEdges) {
    await tx.$executeRaw`DELETE FROM "Edge" WHERE ("fromPersonId" = ${mergedId}::uuid AND "toPersonId" = ${survivorId}::uuid)
      OR ("fromPersonId" = ${survivorId}::uuid AND "toPersonId" = ${mergedId}::uuid)`;
    edgesCombined = (await combineDuplicateEdges(tx, survivorId, mergedId, "fromPersonId", "toPersonId"))
      + (await combineDuplicateEdges(tx, survivorId, mergedId, "toPersonId", "fromPersonId"));
    edgesMoved = (await tx.$executeRawUnsafe(`UPDATE "Edge" SET "fromPersonId" = $1::uuid, "updatedAt" = ${SQL_NOW} WHERE "fromPersonId" = $2::uuid`, survivorId, mergedId))
      + (await tx.$executeRawUnsafe(`UPDATE "Edge" SET "toPersonId" = $1::uuid, "updatedAt" = ${SQL_NOW} WHERE "toPersonId" = $2::uuid`, survivorId, mergedId));
  }

  const previousExplanation = typeof survivor.mergeExplanation === "string" && survivor.mergeExplanation ? `${survivor.mergeExplanation}\n` : "";
  // Both rows in one statement (one round trip): the survivor takes the union, the merged row becomes a
  // tombstone. Timestamps are the millisecond UTC values Prisma's @updatedAt would write.
  const now = new Date();
  await tx.$executeRawUnsafe(
    `UPDATE "Person" SET
       names = CASE WHEN id = $1::uuid THEN $3::text[] ELSE names END,
       emails = CASE WHEN id = $1::uuid THEN $4::text[] ELSE emails END,
       phones = CASE WHEN id = $1::uuid THEN $5::text[] ELSE phones END,
       "socialHandles" = CASE WHEN id = $1::uuid THEN $6::jsonb ELSE "socialHandles" END,
       title = CASE WHEN id = $1::uuid THEN $7::text ELSE title END,
       "organizationId" = CASE WHEN id = $1::uuid THEN $8::uuid ELSE "organizationId" END,
       "previousIds" = CASE WHEN id = $1::uuid THEN $9::uuid[] ELSE "previousIds" END,
       "mergeExplanation" = CASE WHEN id = $1::uuid THEN $10::text ELSE "mergeExplanation" END,
       "deletedAt" = CASE WHEN id = $2::uuid THEN $11::timestamp(3) ELSE "deletedAt" END,
       metadata = CASE WHEN id = $2::uuid THEN $12::jsonb ELSE metadata END,
       "updatedAt" = $11::timestamp(3)
     WHERE id IN ($1::uuid, $2::uuid)`,
    survivorId,
    mergedId,
    unionValues(asStrings(survivor.names), asStrings(merged.names)),
    unionValues(asStrings(survivor.emails), asStrings(merged.emails)),
    unionValues(asStrings(survivor.phones), asStrings(merged.phones)),
    JSON.stringify({ ...asObject(merged.socialHandles), ...asObject(survivor.socialHandles) }),
    (survivor.title as string | null) ?? (merged.title as string | null),
    (survivor.organizationId as string | null) ?? (merged.organizationId as string | null),
    unionValues(asStrings(survivor.previousIds), [mergedId, ...asStrings(merged.previousIds)]),
    `${previousExplanation}${input.explanation}`,
    now.toISOString().replace("T", " ").replace("Z", ""),
    JSON.stringify({ ...asObject(merged.metadata), mergedInto: survivorId }),
  );

  // Their stored pair aggregates describe two people who no longer exist as such (lib/strength/pair-store.ts).
  await forgetPeoplesPairs(sqlRunner(tx), both);
  // With the union of addresses, the survivor's relationship to each neighbour is recomputed from all
  // interactions (pairs without interactions keep the combined edge).
  const edgesRecomputed = neighbours.size === 0 ? 0 : await recomputeEdges(tx, [...neighbours].map((id) => orderedPair(survivorId, id).join(" ")), new Date());

  // References to the merged person follow it to the survivor.
  const moved: MergeSnapshot["moved"] = {
    identities: before.identities.filter((row) => row.personId === mergedId).map((row) => row.id),
    users: before.users.filter((row) => row.personId === mergedId).map((row) => row.id),
    overrides: [],
    blocklist: [],
  };
  if (moved.identities.length) await tx.$executeRaw`UPDATE "PersonIdentity" SET "personId" = ${survivorId}::uuid WHERE id = ANY(${moved.identities}::uuid[])`;
  if (moved.users.length) await tx.$executeRaw`UPDATE "User" SET "personId" = ${survivorId}::uuid WHERE id = ANY(${moved.users}::uuid[])`;
  const deleted: MergeSnapshot["deleted"] = { overrides: [], blocklist: [] };
  for (const [table, rows, key] of [["StrengthOverride", before.overrides, "overrides"], ["BlocklistEntry", before.blocklist, "blocklist"]] as const) {
    const survivorUsers = new Set(rows.filter((row) => row.personId === survivorId).map((row) => row.userId));
    for (const row of rows.filter((entry) => entry.personId === mergedId)) {
      // The survivor's own row for that user wins; the merged person's is kept in the snapshot.
      if (survivorUsers.has(row.userId)) deleted[key].push(row);
      else moved[key].push(row.id);
    }
    if (deleted[key].length) await tx.$executeRawUnsafe(`DELETE FROM "${table}" WHERE id = ANY($1::uuid[])`, deleted[key].map((row) => row.id));
    if (moved[key].length) await tx.$executeRawUnsafe(`UPDATE "${table}" SET "personId" = $1::uuid WHERE id = ANY($2::uuid[])`, survivorId, moved[key]);
  }

  // Candidates: the pair's own is approved; the merged person's other pending pairs no longer exist.
  const actorId = input.actorId ?? operationActor();
  const pairCandidates = before.candidates.filter((row) => row.personAId === personA && row.personBId === personB && row.status === "pending").map((row) => row.id);
  if (pairCandidates.length) {
    await tx.$executeRawUnsafe(
      `UPDATE "MergeCandidate" SET status = 'approved', "decidedById" = $2::uuid, "decidedAt" = ${SQL_NOW}, "updatedAt" = ${SQL_NOW} WHERE id = ANY($1::uuid[])`,
      pairCandidates,
      actorId,
    );
    candidateId ??= pairCandidates[0] ?? null;
  }
  const superseded = before.candidates
    .filter((row) => row.status === "pending" && !pairCandidates.includes(row.id) && (row.personAId === mergedId || row.personBId === mergedId))
    .map((row) => row.id);
  if (superseded.length) {
    await tx.$executeRawUnsafe(`UPDATE "MergeCandidate" SET status = 'superseded', "updatedAt" = ${SQL_NOW} WHERE id = ANY($1::uuid[])`, superseded);
  }

  let createdDecisionId: string | null = null;
  if (input.recordDecision) {
    const existing = await tx.mergeDecision.findUnique({ where: { personAId_personBId: { personAId: personA, personBId: personB } } });
    if (existing?.decision === "distinct") throw new AppError("CONFLICT", "These two people were marked as different people; that decision stands.");
    if (!existing) {
      createdDecisionId = (await tx.mergeDecision.create({ data: { personAId: personA, personBId: personB, decision: "same", decidedById: actorId } })).id;
    }
  }

  const changedCandidates = [...pairCandidates, ...superseded];
  const [afterRow] = await tx.$queryRawUnsafe<Array<{ survivor: Row; edges: Record<string, string> | null; candidates: Record<string, string> | null }>>(
    `SELECT (SELECT to_jsonb(t) FROM "Person" t WHERE t.id = $1::uuid) AS survivor,
            (SELECT jsonb_object_agg(e.id, to_jsonb(e."updatedAt") #>> '{}') FROM "Edge" e WHERE e."fromPersonId" = $1::uuid OR e."toPersonId" = $1::uuid) AS edges,
            (SELECT jsonb_object_agg(c.id, to_jsonb(c."updatedAt") #>> '{}') FROM "MergeCandidate" c WHERE c.id = ANY($2::uuid[])) AS candidates`,
    survivorId,
    changedCandidates,
  );
  const after: MergeSnapshot["after"] = { survivor: afterRow?.survivor as Row, edges: afterRow?.edges ?? {}, candidates: afterRow?.candidates ?? {} };
  const snapshot: MergeSnapshot = { version: SNAPSHOT_VERSION, before, after, moved, deleted, createdDecisionId };

  const correlationId = await writeAudit(tx, {
    action: "person.merged",
    entityType: "Person",
    entityId: survivorId,
    ...(input.actorId ? { actorId: input.actorId } : {}),
    metadata: {
      mergedId,
      method: input.method,
      candidateId,
      probability: input.probability ?? null,
      explanation: input.explanation,
      edgesMoved,
      edgesCombined,
      edgesRecomputed,
    },
  });
  const merge = await tx.merge.create({
    data: {
      survivorId,
      mergedId,
      candidateId,
      method: input.method,
      probability: input.probability ?? null,
      explanation: input.explanation,
      snapshot: snapshot as unknown as Prisma.InputJsonValue,
      mergedById: actorId,
      correlationId,
    },
    select: { id: true },
  });
  return { mergeId: merge.id, survivorId, mergedId, edgesMoved, edgesCombined, edgesRecomputed, correlationId };
}

/**
 * Where both people have an edge to the same third person, fold the merged person's edge into the
 * survivor's (counts add up, the time span widens, sources and channels union, the stronger score wins)
 * and delete it, so re-keying cannot violate the (from, to, type) uniqueness.
 */
async function combineDuplicateEdges(
  tx: Tx,
  survivorId: string,
  mergedId: string,
  side: "fromPersonId" | "toPersonId",
  other: "fromPersonId" | "toPersonId",
): Promise<number> {
  const sideColumn = `"${side}"`;
  const otherColumn = `"${other}"`;
  await tx.$executeRawUnsafe(
    `UPDATE "Edge" s SET
       "interactionCount" = s."interactionCount" + m."interactionCount",
       "firstSeenAt" = LEAST(s."firstSeenAt", m."firstSeenAt"),
       "lastSeenAt" = GREATEST(s."lastSeenAt", m."lastSeenAt"),
       "sources" = ARRAY(SELECT DISTINCT unnest(s."sources" || m."sources")),
       "channels" = ARRAY(SELECT DISTINCT unnest(s."channels" || m."channels")),
       "strength" = GREATEST(s."strength", m."strength"),
       "updatedAt" = ${SQL_NOW}
     FROM "Edge" m
     WHERE m.${sideColumn} = $2::uuid AND s.${sideColumn} = $1::uuid
       AND s.${otherColumn} = m.${otherColumn} AND s."relationshipType" = m."relationshipType"`,
    survivorId,
    mergedId,
  );
  return tx.$executeRawUnsafe(
    `DELETE FROM "Edge" m USING "Edge" s
     WHERE m.${sideColumn} = $2::uuid AND s.${sideColumn} = $1::uuid
       AND s.${otherColumn} = m.${otherColumn} AND s."relationshipType" = m."relationshipType"`,
    survivorId,
    mergedId,
  );
}
