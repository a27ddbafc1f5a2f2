// Erasure (right to be forgotten, issue 7 item 2). One transaction, the person's row (and the rows merged
// into them) locked: keyed hashes of every identifier go to the suppression list; their edges, identities,
// merge history, review-queue rows, overrides and blocklist entries go; their identifiers leave every
// interaction (a two-person interaction goes, a group keeps the others, whose edges are recomputed); every
// log-like column that mentions them is redacted; the Person rows become tombstones (no personal data,
// erasedAt set). The audit row `person.erased` carries the suppression hashes and counts, never who it was.
import { z } from "zod";
import { Prisma } from "../../prisma/generated/client";
import { writeAudit } from "../audit/write-audit";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { recomputeEdges } from "../sources/pipeline/recompute-edges";
import { forgetPairsOfKeys, forgetPeoplesPairs } from "../strength/pair-store";
import { peopleOfKeys } from "../strength/people-of-keys";
import { sqlRunner } from "../db/sql-runner";
import { parseInput } from "./parse-input";
import { buildNeedles, redactJson, textMentions, type Needles } from "./redact";
import { redactLogColumns } from "./redact-log-columns";
import { suppressionHash, suppressionKeysFor, type SuppressionKey } from "./suppression-keys";
import { pairsOfInteractions } from "./touched-pairs";
import { addSuppressionKeys } from "./suppression-store";

/** The word that confirms an erasure when the person's name is not typed. */
export const ERASE_CONFIRMATION_WORD = "ERASE";

export const ZErasePersonInput = z.object({
  personId: z.guid(),
  /** The person's display name (or any of their names), or "ERASE". */
  confirm: z.string().trim().min(1, "Type the person's name or ERASE to confirm.").max(500),
  /** Overrides the operation's actor on the audit row (the CLI and jobs have none). */
  actorId: z.guid().nullable().optional(),
});
export type TErasePersonInput = z.input<typeof ZErasePersonInput>;

export interface ErasePersonResult {
  personId: string;
  erasedAt: Date;
  correlationId: string;
  counts: ErasureCounts;
}

export interface ErasureCounts {
  records: number;
  suppressionKeys: number;
  edgesDeleted: number;
  interactionsDeleted: number;
  interactionsScrubbed: number;
  edgesRecomputed: number;
  identitiesDeleted: number;
  mergesDeleted: number;
  mergeCandidatesDeleted: number;
  mergeDecisionsDeleted: number;
  overridesDeleted: number;
  blocklistEntriesDeleted: number;
  usersUnlinked: number;
  rowsRedacted: number;
}

export interface PersonRow {
  id: string;
  names: string[];
  emails: string[];
  phones: string[];
  socialHandles: Prisma.JsonValue | null;
  metadata: Prisma.JsonValue | null;
  previousIds: string[];
  deletedAt: Date | null;
  erasedAt: Date | null;
}

type Tx = Prisma.TransactionClient;

/** Interactions whose participants are checked per statement (a hub can have tens of thousands). */
const INTERACTION_BATCH = 1_000;
const TRANSACTION_OPTIONS = { maxWait: 30_000, timeout: 30 * 60_000 } as const;

const asObject = (value: Prisma.JsonValue | null): Record<string, Prisma.JsonValue> =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, Prisma.JsonValue>) : {};

/** Network → handle, e.g. { linkedin: "dana-smith", slack: "U123" }. */
export function handlesOf(person: { socialHandles: Prisma.JsonValue | null }): Array<[string, string]> {
  return Object.entries(asObject(person.socialHandles)).flatMap(([network, value]) =>
    typeof value === "string" && value.trim() !== "" ? [[network, value] as [string, string]] : [],
  );
}

/** True when `confirm` is "ERASE" or one of the names (case and surrounding spaces ignored). */
export function confirmsErasure(confirm: string, names: readonly string[]): boolean {
  const typed = confirm.trim().toLocaleLowerCase();
  if (typed === ERASE_CONFIRMATION_WORD.toLowerCase()) return true;
  return names.some((name) => name.trim() !== "" && name.trim().toLocaleLowerCase() === typed);
}

/** What identifies the records: participant keys (as Interaction.participants stores them) and suppression keys. */
export function identifiersOf(records: readonly PersonRow[], identitySourceIds: readonly string[]) {
  const emails = new Set<string>();
  const phones = new Set<string>();
  const names = new Set<string>();
  const handleKeys = new Set<string>();
  const linkedin = new Set<string>();
  for (const record of records) {
    for (const email of record.emails) emails.add(email.toLowerCase());
    for (const phone of record.phones) phones.add(phone);
    // Single short tokens ("zoe") would redact unrelated text: full names and longer tokens only.
    for (const name of record.names) if (name.trim().includes(" ") || name.trim().length >= 5) names.add(name.trim());
    for (const [network, value] of handlesOf(record)) {
      handleKeys.add(`${network}:${value}`);
      if (network === "linkedin") linkedin.add(value);
    }
  }
  for (const sourceId of identitySourceIds) {
    if (sourceId.includes("@")) emails.add(sourceId.toLowerCase());
    else if (/^[a-z_]+:.+/.test(sourceId)) handleKeys.add(sourceId);
  }
  const participantKeys = new Set<string>([...emails, ...handleKeys]);
  const suppressionKeys = suppressionKeysFor({
    emails: [...emails],
    phones: [...phones],
    linkedinUrls: [...linkedin],
    handles: [...handleKeys].filter((key) => !key.startsWith("linkedin:")),
  });
  const needles = buildNeedles({
    texts: [...emails, ...names, ...linkedin, ...[...handleKeys].map((key) => key.slice(key.indexOf(":") + 1)), ...identitySourceIds.filter((id) => id.length >= 5)],
    phones: [...phones],
  });
  return { participantKeys, suppressionKeys, needles };
}

export async function erasePerson(db: Db, rawInput: TErasePersonInput): Promise<ErasePersonResult> {
  const { personId, confirm, actorId } = parseInput(ZErasePersonInput, rawInput, "Erasing a person needs a valid person id and a confirmation.");
  return db.$transaction(async (tx) => {
    const [target] = await lockPeople(tx, [personId]);
    if (!target) throw new AppError("NOT_FOUND", "That person does not exist.");
    if (target.erasedAt) throw new AppError("CONFLICT", "That person is already erased; there is nothing left to erase.");
    const mergedInto = asObject(target.metadata).mergedInto;
    if (typeof mergedInto === "string" && mergedInto !== "") {
      throw new AppError("CONFLICT", `This record was merged into person ${mergedInto}; erase that person instead (it erases this record too).`);
    }
    if (!confirmsErasure(confirm, target.names)) {
      throw new AppError("BAD_REQUEST", `To confirm, type the person's name exactly or ${ERASE_CONFIRMATION_WORD}.`, {
        fields: { confirm: [`Type the person's name or ${ERASE_CONFIRMATION_WORD}.`] },
      });
    }
    const { correlationId, counts, erasedAt } = await eraseLocked(tx, target, { action: "person.erased", actorId, reason: "request" });
    return { personId, erasedAt, correlationId, counts };
  }, TRANSACTION_OPTIONS);
}

/**
 * The erasure itself, for a person whose row the caller has locked. Also used by the retention purge of
 * soft-deleted people (`action: "person.purged"`), so a purge forgets as thoroughly as an erasure.
 */
export async function eraseLocked(
  tx: Tx,
  target: PersonRow,
  options: { action: "person.erased" | "person.purged"; actorId?: string | null; reason: string; now?: Date },
): Promise<{ correlationId: string; counts: ErasureCounts; erasedAt: Date }> {
  const now = options.now ?? new Date();
  // The records merged into this person hold the same person's data (hidden, restorable by undo).
  const mergedAway = (await lockPeople(tx, target.previousIds)).filter((row) => !row.erasedAt);
  const records = [target, ...mergedAway];
  const ids = records.map((record) => record.id);
  const identities = await tx.personIdentity.findMany({ where: { personId: { in: ids } }, select: { sourceId: true } });
  const { participantKeys, suppressionKeys, needles } = identifiersOf(records, identities.map((identity) => identity.sourceId));

  const counts: ErasureCounts = {
    records: records.length,
    suppressionKeys: await addSuppressionKeys(tx, suppressionKeys),
    edgesDeleted: await tx.$executeRaw`DELETE FROM "Edge" WHERE "fromPersonId" = ANY(${ids}::uuid[]) OR "toPersonId" = ANY(${ids}::uuid[])`,
    interactionsDeleted: 0,
    interactionsScrubbed: 0,
    edgesRecomputed: 0,
    identitiesDeleted: (await tx.personIdentity.deleteMany({ where: { personId: { in: ids } } })).count,
    mergesDeleted: (await tx.merge.deleteMany({ where: { OR: [{ survivorId: { in: ids } }, { mergedId: { in: ids } }] } })).count,
    mergeCandidatesDeleted: (await tx.mergeCandidate.deleteMany({ where: { OR: [{ personAId: { in: ids } }, { personBId: { in: ids } }] } })).count,
    mergeDecisionsDeleted: (await tx.mergeDecision.deleteMany({ where: { OR: [{ personAId: { in: ids } }, { personBId: { in: ids } }] } })).count,
    overridesDeleted: (await tx.strengthOverride.deleteMany({ where: { personId: { in: ids } } })).count,
    blocklistEntriesDeleted: (await tx.blocklistEntry.deleteMany({ where: { personId: { in: ids } } })).count,
    usersUnlinked: (await tx.user.updateMany({ where: { personId: { in: ids } }, data: { personId: null } })).count,
    rowsRedacted: 0,
  };

  const scrub = await scrubInteractions(tx, participantKeys, needles);
  // Stored pair aggregates (lib/strength/pair-store.ts): the erased people's go (they are contact history),
  // and so do those of everyone whose interactions just lost a participant (their group sizes changed).
  await forgetPeoplesPairs(sqlRunner(tx), ids);
  await forgetPairsOfKeys(sqlRunner(tx), scrub.remainingKeys.flat());
  counts.interactionsDeleted = scrub.deleted;
  counts.interactionsScrubbed = scrub.scrubbed;
  counts.edgesRecomputed = await recomputeTouchedPairs(tx, scrub.remainingKeys, ids, now);
  counts.rowsRedacted = await redactLogColumns(tx, needles);

  await tx.person.updateMany({
    where: { id: { in: ids } },
    data: {
      names: [],
      emails: [],
      phones: [],
      socialHandles: DB_NULL,
      metadata: DB_NULL,
      title: null,
      mergeExplanation: null,
      previousIds: [],
      organizationId: null,
      erasedAt: now,
    },
  });
  await tx.person.updateMany({ where: { id: { in: ids }, deletedAt: null }, data: { deletedAt: now } });

  const correlationId = await writeAudit(tx, {
    action: options.action,
    entityType: "Person",
    entityId: target.id,
    ...(options.actorId !== undefined ? { actorId: options.actorId } : {}),
    metadata: {
      reason: options.reason,
      suppressionHashes: suppressionKeys.map((key: SuppressionKey) => ({ kind: key.kind, hash: key.hash })),
      counts: { ...counts },
    },
  });
  return { correlationId, counts, erasedAt: now };
}

/** Prisma's SQL NULL for nullable Json columns. */
const DB_NULL = Prisma.DbNull;

/** Locks the rows (in id order, so two erasures cannot deadlock) and reads what erasure needs. */
export async function lockPeople(tx: Tx, ids: readonly string[] | null): Promise<PersonRow[]> {
  if (!ids || ids.length === 0) return [];
  return tx.$queryRaw<PersonRow[]>`
    SELECT id::text AS id, names, emails, phones, "socialHandles", metadata, "previousIds"::text[] AS "previousIds", "deletedAt", "erasedAt"
    FROM "Person" WHERE id = ANY(${[...ids]}::uuid[]) ORDER BY id FOR UPDATE`.then((rows) =>
    // An empty array column can come back as null through the adapter.
    rows.map((row) => ({ ...row, names: row.names ?? [], emails: row.emails ?? [], phones: row.phones ?? [], previousIds: row.previousIds ?? [] })),
  );
}

/**
 * Removes the keys from every interaction: fewer than two distinct participants left → the interaction goes.
 * Returns the remaining participant keys of each kept interaction, for the edge recompute.
 */
async function scrubInteractions(tx: Tx, keys: ReadonlySet<string>, needles: Needles): Promise<{ deleted: number; scrubbed: number; remainingKeys: string[][] }> {
  const keyList = [...keys];
  let deleted = 0;
  let scrubbed = 0;
  const remainingKeys: string[][] = [];
  if (keyList.length === 0) return { deleted, scrubbed, remainingKeys };
  for (;;) {
    const rows = await tx.$queryRaw<Array<{ id: string; sourceId: string; participants: string[]; metadata: Prisma.JsonValue | null }>>`
      SELECT id::text AS id, "sourceId", participants, metadata FROM "Interaction" WHERE participants && ${keyList}::text[] LIMIT ${INTERACTION_BATCH}`;
    if (rows.length === 0) break;
    const toDelete: string[] = [];
    const toUpdate: Array<{ id: string; sourceId: string; participants: string[]; metadata: Prisma.JsonValue | null }> = [];
    for (const row of rows) {
      const rest = [...new Set(row.participants.filter((key) => !keys.has(key)))];
      if (rest.length < 2) toDelete.push(row.id);
      else {
        // The metadata of a kept group interaction may name them too (organizer, attendee labels).
        // A source id can embed them too (LinkedIn message ids end with the sender's slug): it becomes a keyed
        // hash, unique like the original. A re-import of that file then adds the interaction again without them.
        const sourceId = textMentions(row.sourceId, needles) ? `erased:${suppressionHash("handle", row.sourceId).slice(0, 32)}` : row.sourceId;
        toUpdate.push({ id: row.id, sourceId, participants: rest, metadata: redactJson(row.metadata, needles) });
        remainingKeys.push(rest);
      }
    }
    if (toDelete.length > 0) deleted += await tx.$executeRaw`DELETE FROM "Interaction" WHERE id = ANY(${toDelete}::uuid[])`;
    if (toUpdate.length > 0) {
      scrubbed += await tx.$executeRaw`
        UPDATE "Interaction" i SET participants = ARRAY(SELECT jsonb_array_elements_text(d->'participants')), metadata = NULLIF(d->'metadata', 'null'::jsonb),
            "sourceId" = d->>'sourceId'
        FROM jsonb_array_elements(${JSON.stringify(toUpdate)}::jsonb) d WHERE i.id = (d->>'id')::uuid`;
    }
  }
  return { deleted, scrubbed, remainingKeys };
}

/** Recomputes the edges among the remaining participants of interactions that changed (their group got smaller). */
export async function recomputeTouchedPairs(tx: Tx, interactions: readonly string[][], excludedIds: readonly string[], asOf: Date): Promise<number> {
  if (interactions.length === 0) return 0;
  const peopleOfKey = await peopleOfKeys(sqlRunner(tx), [...new Set(interactions.flat())]);
  const pairs = pairsOfInteractions(interactions, peopleOfKey, new Set(excludedIds));
  return recomputeEdges(tx, pairs, asOf);
}
