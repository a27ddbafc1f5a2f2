// Merges one person record into another (the contract's "merge with history"): identifiers are unioned,
// the merged id is appended to previousIds, the reason is kept in mergeExplanation, edges are re-keyed
// onto the survivor (duplicates combined), the merged record is soft-deleted and pointed at the survivor,
// and an audit row is written, all in one transaction with both rows locked.
import { z } from "zod";
import { writeAudit } from "../audit/write-audit";
import type { Db } from "../db/client";
import type { Prisma } from "../../prisma/generated/client";
import { AppError } from "../errors/app-error";

export const ZMergePeopleInput = z.object({
  survivorId: z.uuid(),
  mergedId: z.uuid(),
  explanation: z.string().trim().min(1).max(2_000),
});
export type TMergePeopleInput = z.infer<typeof ZMergePeopleInput>;

export interface MergePeopleResult {
  survivorId: string;
  mergedId: string;
  edgesMoved: number;
  edgesCombined: number;
  correlationId: string;
}

/** Order-preserving union without duplicates. */
export function unionValues(first: readonly string[], second: readonly string[]): string[] {
  return [...new Set([...first, ...second])];
}

type JsonObject = Record<string, Prisma.JsonValue>;
const asObject = (value: Prisma.JsonValue | null): JsonObject =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as JsonObject) : {};

export async function mergePeople(db: Db, rawInput: TMergePeopleInput): Promise<MergePeopleResult> {
  const parsed = ZMergePeopleInput.safeParse(rawInput);
  if (!parsed.success) throw new AppError("BAD_REQUEST", "Merge needs two person ids and an explanation.", { fields: z.flattenError(parsed.error).fieldErrors });
  const { survivorId, mergedId, explanation } = parsed.data;
  if (survivorId === mergedId) throw new AppError("BAD_REQUEST", "A person cannot be merged with itself.");

  return db.$transaction(async (tx) => {
    // Lock in a fixed order so two merges touching the same pair cannot deadlock.
    const locked = await tx.$queryRaw<Array<{ id: string }>>`
      SELECT id FROM "Person" WHERE id IN (${survivorId}::uuid, ${mergedId}::uuid) ORDER BY id FOR UPDATE`;
    if (locked.length !== 2) throw new AppError("NOT_FOUND", "One of the people to merge does not exist.");
    const [survivor, merged] = await Promise.all([
      tx.person.findUniqueOrThrow({ where: { id: survivorId } }),
      tx.person.findUniqueOrThrow({ where: { id: mergedId } }),
    ]);
    if (survivor.deletedAt || merged.deletedAt) throw new AppError("CONFLICT", "A deleted person cannot take part in a merge.");

    // Edges between the two would become self-loops: they go.
    await tx.$executeRaw`DELETE FROM "Edge" WHERE ("fromPersonId" = ${mergedId}::uuid AND "toPersonId" = ${survivorId}::uuid)
      OR ("fromPersonId" = ${survivorId}::uuid AND "toPersonId" = ${mergedId}::uuid)`;
    const edgesCombined = (await combineDuplicateEdges(tx, survivorId, mergedId, "fromPersonId", "toPersonId"))
      + (await combineDuplicateEdges(tx, survivorId, mergedId, "toPersonId", "fromPersonId"));
    const movedOut = await tx.$executeRaw`UPDATE "Edge" SET "fromPersonId" = ${survivorId}::uuid, "updatedAt" = now() WHERE "fromPersonId" = ${mergedId}::uuid`;
    const movedIn = await tx.$executeRaw`UPDATE "Edge" SET "toPersonId" = ${survivorId}::uuid, "updatedAt" = now() WHERE "toPersonId" = ${mergedId}::uuid`;

    const previousExplanation = survivor.mergeExplanation ? `${survivor.mergeExplanation}\n` : "";
    await tx.person.update({
      where: { id: survivorId },
      data: {
        names: unionValues(survivor.names, merged.names),
        emails: unionValues(survivor.emails, merged.emails),
        phones: unionValues(survivor.phones, merged.phones),
        socialHandles: { ...asObject(merged.socialHandles), ...asObject(survivor.socialHandles) },
        title: survivor.title ?? merged.title,
        organizationId: survivor.organizationId ?? merged.organizationId,
        previousIds: unionValues(survivor.previousIds, [mergedId, ...merged.previousIds]),
        mergeExplanation: `${previousExplanation}${explanation}`,
      },
    });
    await tx.person.update({
      where: { id: mergedId },
      data: { deletedAt: new Date(), metadata: { ...asObject(merged.metadata), mergedInto: survivorId } },
    });
    const correlationId = await writeAudit(tx, {
      action: "person.merged",
      entityType: "Person",
      entityId: survivorId,
      metadata: { mergedId, explanation, edgesMoved: movedOut + movedIn, edgesCombined },
    });
    return { survivorId, mergedId, edgesMoved: movedOut + movedIn, edgesCombined, correlationId };
  });
}

/**
 * Where both people have an edge to the same third person, fold the merged person's edge into the
 * survivor's (counts add up, the time span widens, sources and channels union, the stronger score wins)
 * and delete it, so re-keying cannot violate the (from, to, type) uniqueness.
 */
async function combineDuplicateEdges(
  tx: Prisma.TransactionClient,
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
       "updatedAt" = now()
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
