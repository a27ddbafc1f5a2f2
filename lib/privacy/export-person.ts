// Export (right of access, issue 7 item 4): everything WIG holds on one person as ONE JSON document, written
// as a stream of text chunks so a long interaction history never sits in memory: profile, the records merged
// into them, identities by source, edges with their strength factors, interactions (keyset-paginated),
// merges, review-queue pairs, decisions, members' overrides, blocklist entries and audit entries about them.
// Other people's identifiers are not disclosed: an interaction lists which of THIS person's keys took part
// and how many others did; an edge names the other person (the relationship itself is data about them).
//
// prepareExport checks and audits (`person.exported`) BEFORE the first byte, so a route can still answer
// 404 for an unknown or erased person. Soft-deleted people can be exported (admins only, by the callers).
import { z } from "zod";
import type { Prisma } from "../../prisma/generated/client";
import { writeAudit } from "../audit/write-audit";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { handlesOf } from "./erase-person";
import { parseInput } from "./parse-input";
import { parseStrengthFactors } from "../strength/stored-factors";

export const EXPORT_FORMAT = "wig.person-export";
export const EXPORT_VERSION = 1;
const PAGE = 500;

export const ZExportPersonInput = z.object({ personId: z.guid() });

export const ERASED_EXPORT_MESSAGE = "That person was erased: WIG holds no personal data on them any more, so there is nothing to export.";

export interface PreparedExport {
  personId: string;
  /** The person's display name, for the file name (never logged). */
  fileName: string;
  correlationId: string;
}

export async function prepareExport(db: Db, rawInput: { personId: string }, options: { actorId?: string | null } = {}): Promise<PreparedExport> {
  const { personId } = parseInput(ZExportPersonInput, rawInput, "An export needs a valid person id.");
  return db.$transaction(async (tx) => {
    const person = await tx.person.findUnique({ where: { id: personId }, select: { id: true, names: true, erasedAt: true, deletedAt: true } });
    if (!person) throw new AppError("NOT_FOUND", "No person with this id.");
    if (person.erasedAt) throw new AppError("NOT_FOUND", ERASED_EXPORT_MESSAGE);
    const correlationId = await writeAudit(tx, {
      action: "person.exported",
      entityType: "Person",
      entityId: personId,
      metadata: { deleted: person.deletedAt !== null },
      ...(options.actorId !== undefined ? { actorId: options.actorId } : {}),
    });
    const slug = (person.names[0] ?? "person").normalize("NFKD").replace(/[^\w-]+/g, "-").replace(/^-+|-+$/g, "").toLowerCase() || "person";
    return { personId, fileName: `wig-export-${slug}-${personId.slice(0, 8)}.json`, correlationId };
  });
}

/** The person with an email address (the CLI's lookup); erased tombstones have none. */
export async function findPersonIdByEmail(db: Db, email: string): Promise<string> {
  const normalized = email.trim().toLowerCase();
  const matches = await db.person.findMany({
    where: { emails: { has: normalized }, erasedAt: null },
    select: { id: true, deletedAt: true, metadata: true },
    orderBy: { createdAt: "asc" },
  });
  // A record hidden by a merge carries the same address as its survivor: the survivor is the person.
  const live = matches.filter((row) => !(row.metadata && typeof row.metadata === "object" && !Array.isArray(row.metadata) && "mergedInto" in row.metadata));
  const [first] = live;
  if (!first) throw new AppError("NOT_FOUND", `No person has the email address ${normalized}.`);
  if (live.length > 1) throw new AppError("CONFLICT", `${live.length} people have the email address ${normalized}; use a person id instead.`);
  return first.id;
}

const json = (value: unknown) => JSON.stringify(value);

/** The document, chunk by chunk. Call prepareExport first. */
export async function* streamPersonExport(db: Db, personId: string, now = new Date()): AsyncGenerator<string> {
  const person = await db.person.findUnique({
    where: { id: personId },
    include: { organization: { select: { id: true, name: true, domain: true } } },
  });
  if (!person || person.erasedAt) throw new AppError("NOT_FOUND", ERASED_EXPORT_MESSAGE);
  const mergedRecords = person.previousIds.length
    ? await db.person.findMany({ where: { id: { in: person.previousIds } }, orderBy: { createdAt: "asc" } })
    : [];
  const ids = [person.id, ...mergedRecords.map((record) => record.id)];
  const keys = participantKeysOf([person, ...mergedRecords]);

  yield `{"format":${json(EXPORT_FORMAT)},"version":${EXPORT_VERSION},"exportedAt":${json(now.toISOString())}`;
  yield `,"person":${json(profileOf(person, person.organization))}`;
  yield `,"mergedRecords":${json(mergedRecords.map((record) => profileOf(record, null)))}`;

  const identities = await db.personIdentity.findMany({ where: { personId: { in: ids } }, orderBy: [{ sourceName: "asc" }, { sourceId: "asc" }] });
  const bySource: Record<string, Array<{ sourceId: string; observedAt: Date | null; createdAt: Date }>> = {};
  for (const identity of identities) {
    (bySource[identity.sourceName] ??= []).push({ sourceId: identity.sourceId, observedAt: identity.observedAt, createdAt: identity.createdAt });
  }
  yield `,"identitiesBySource":${json(bySource)}`;

  yield `,"edges":[`;
  let first = true;
  for await (const edge of edgesOf(db, ids)) {
    yield `${first ? "" : ","}${json(edge)}`;
    first = false;
  }
  yield `]`;

  yield `,"interactions":[`;
  first = true;
  for await (const interaction of interactionsOf(db, keys)) {
    yield `${first ? "" : ","}${json(interaction)}`;
    first = false;
  }
  yield `]`;

  const either = (a: string, b: string) => ({ OR: [{ [a]: { in: ids } }, { [b]: { in: ids } }] });
  const [merges, mergeCandidates, mergeDecisions, strengthOverrides, blocklistEntries] = await Promise.all([
    db.merge.findMany({ where: either("survivorId", "mergedId"), orderBy: { createdAt: "asc" } }),
    db.mergeCandidate.findMany({ where: either("personAId", "personBId"), orderBy: { createdAt: "asc" } }),
    db.mergeDecision.findMany({ where: either("personAId", "personBId"), orderBy: { createdAt: "asc" } }),
    db.strengthOverride.findMany({ where: { personId: { in: ids } }, select: { level: true, note: true, createdAt: true, updatedAt: true } }),
    db.blocklistEntry.findMany({ where: { personId: { in: ids } }, select: { createdAt: true } }),
  ]);
  yield `,"merges":${json(merges)}`;
  yield `,"mergeCandidates":${json(mergeCandidates)}`;
  yield `,"mergeDecisions":${json(mergeDecisions)}`;
  yield `,"strengthOverrides":${json(strengthOverrides)}`;
  yield `,"blocklistEntries":${json(blocklistEntries)}`;

  yield `,"auditEntries":[`;
  first = true;
  let cursor: string | undefined;
  for (;;) {
    const page = await db.auditLog.findMany({
      where: { entityId: { in: ids } },
      orderBy: { id: "asc" },
      take: PAGE,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      select: { id: true, action: true, entityType: true, entityId: true, actorId: true, correlationId: true, metadata: true, createdAt: true },
    });
    for (const row of page) {
      yield `${first ? "" : ","}${json(row)}`;
      first = false;
    }
    if (page.length < PAGE) break;
    cursor = page[page.length - 1]?.id;
  }
  yield `]}\n`;
}

/** The whole document as a string (tests, small exports). */
export async function exportPersonToString(db: Db, personId: string, now?: Date): Promise<string> {
  let text = "";
  for await (const chunk of streamPersonExport(db, personId, now)) text += chunk;
  return text;
}

/** The chunks as a web ReadableStream of UTF-8 bytes (route handlers), pulled on demand. */
export function exportStream(db: Db, personId: string): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const chunks = streamPersonExport(db, personId);
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        console.error("[privacy] export stream failed:", error);
        controller.error(error);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}

type PersonRecord = Prisma.PersonGetPayload<object>;

function profileOf(person: PersonRecord, organization: { id: string; name: string; domain: string | null } | null) {
  return {
    id: person.id,
    names: person.names,
    emails: person.emails,
    phones: person.phones,
    socialHandles: person.socialHandles,
    title: person.title,
    organization,
    metadata: person.metadata,
    mergeExplanation: person.mergeExplanation,
    previousIds: person.previousIds,
    deletedAt: person.deletedAt,
    createdAt: person.createdAt,
    updatedAt: person.updatedAt,
  };
}

function participantKeysOf(records: readonly PersonRecord[]): string[] {
  const keys = new Set<string>();
  for (const record of records) {
    for (const email of record.emails) keys.add(email.toLowerCase());
    for (const [network, value] of handlesOf(record)) keys.add(`${network}:${value}`);
  }
  return [...keys];
}

async function* edgesOf(db: Db, ids: string[]) {
  let cursor: string | undefined;
  for (;;) {
    const page = await db.edge.findMany({
      where: { OR: [{ fromPersonId: { in: ids } }, { toPersonId: { in: ids } }] },
      orderBy: { id: "asc" },
      take: PAGE,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      include: { fromPerson: { select: { id: true, names: true, deletedAt: true } }, toPerson: { select: { id: true, names: true, deletedAt: true } } },
    });
    for (const edge of page) {
      const outgoing = ids.includes(edge.fromPersonId);
      const other = outgoing ? edge.toPerson : edge.fromPerson;
      yield {
        direction: outgoing ? "outgoing" : "incoming",
        // The other person's name is theirs, not the subject's: not given once they are deleted.
        otherPerson: other.deletedAt === null ? { id: other.id, name: other.names[0] ?? null } : { id: other.id, name: null, deleted: true },
        relationshipType: edge.relationshipType,
        strength: edge.strength,
        // The full explanation (labels and per-factor evidence), not the compact stored layout.
        strengthFactors: parseStrengthFactors(edge.strengthFactors) ?? edge.strengthFactors,
        sources: edge.sources,
        channels: edge.channels,
        firstSeenAt: edge.firstSeenAt,
        lastSeenAt: edge.lastSeenAt,
        interactionCount: edge.interactionCount,
      };
    }
    if (page.length < PAGE) return;
    cursor = page[page.length - 1]?.id;
  }
}

async function* interactionsOf(db: Db, keys: string[]) {
  if (keys.length === 0) return;
  const own = new Set(keys);
  let after: { timestamp: Date; id: string } | null = null;
  for (;;) {
    const page: Array<{ id: string; sourceName: string; sourceId: string; timestamp: Date; channel: string; direction: string | null; participants: string[]; metadata: Prisma.JsonValue }> =
      after
        ? await db.$queryRaw`
            SELECT id::text AS id, "sourceName", "sourceId", timestamp, channel::text AS channel, direction::text AS direction, participants, metadata
            FROM "Interaction" WHERE participants && ${keys}::text[] AND (timestamp, id) > (${after.timestamp.toISOString()}::timestamp, ${after.id}::uuid)
            ORDER BY timestamp, id LIMIT ${PAGE}`
        : await db.$queryRaw`
            SELECT id::text AS id, "sourceName", "sourceId", timestamp, channel::text AS channel, direction::text AS direction, participants, metadata
            FROM "Interaction" WHERE participants && ${keys}::text[]
            ORDER BY timestamp, id LIMIT ${PAGE}`;
    for (const row of page) {
      yield {
        id: row.id,
        sourceName: row.sourceName,
        sourceId: row.sourceId,
        timestamp: row.timestamp,
        channel: row.channel,
        direction: row.direction,
        asParticipant: row.participants.filter((key) => own.has(key)),
        otherParticipantCount: row.participants.filter((key) => !own.has(key)).length,
        metadata: row.metadata,
      };
    }
    const last = page[page.length - 1];
    if (page.length < PAGE || !last) return;
    after = { timestamp: last.timestamp, id: last.id };
  }
}
