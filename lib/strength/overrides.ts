// A member's own word about one of their relationships ("I know them well" / "I barely know them"). Only
// about their OWN relationships: the pair is (User.personId, personId). Stored apart from the computed
// evidence (StrengthOverride), it enters the score as an explained factor (score-edge.ts). Setting or
// clearing one writes its audit row and recomputes the pair's two edges in the same transaction, so the
// next path query (within the snapshot's refresh interval) sees the new strength.
import { z } from "zod";
import { writeAudit } from "../audit/write-audit";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { recomputePairs } from "./recompute";
import { parseStrengthFactors } from "./stored-factors";

export const ZStrengthOverrideLevel = z.enum(["knows_well", "barely_knows"]);
export type TStrengthOverrideLevel = z.infer<typeof ZStrengthOverrideLevel>;

export const ZSetStrengthOverrideInput = z.object({
  personId: z.uuid(),
  level: ZStrengthOverrideLevel,
  note: z.string().trim().max(500).optional(),
});
export const ZClearStrengthOverrideInput = z.object({ personId: z.uuid() });

export type TSetStrengthOverrideInput = z.input<typeof ZSetStrengthOverrideInput>;
export type TClearStrengthOverrideInput = z.input<typeof ZClearStrengthOverrideInput>;

/** Why an override cannot be set: each maps to one HTTP status through AppError. */
export type StrengthOverrideErrorReason = "user_not_found" | "no_own_person" | "self" | "person_not_found" | "invalid_input";

export class StrengthOverrideError extends AppError {
  override name = "StrengthOverrideError";
  readonly reason: StrengthOverrideErrorReason;

  constructor(reason: StrengthOverrideErrorReason, message: string, fields?: Record<string, string[]>) {
    const code = reason === "no_own_person" ? "CONFLICT" : reason === "self" || reason === "invalid_input" ? "BAD_REQUEST" : "NOT_FOUND";
    super(code, message, fields ? { fields } : {});
    this.reason = reason;
  }
}

/** What the person page shows for the override control. */
export interface StrengthOverrideView {
  personId: string;
  /** null: no override; the control offers both levels. */
  level: TStrengthOverrideLevel | null;
  note: string | null;
  updatedAt: string | null;
  /** The relationship's current strength (the edge from the member to the person), null when there is none. */
  strength: number | null;
  /** False when the member has no own node in the graph or the person is the member: hide the control. */
  canOverride: boolean;
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

function parse<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw new StrengthOverrideError("invalid_input", "The override is invalid.", z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  }
  return parsed.data;
}

/** The member's own person id, checked: they have one, it is live, and it is not the other person. */
async function ownPair(tx: Tx, userId: string, personId: string): Promise<string> {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { personId: true } });
  if (!user) throw new StrengthOverrideError("user_not_found", "That account does not exist.");
  if (user.personId === null) {
    throw new StrengthOverrideError("no_own_person", "Your account is not linked to a person in the graph, so you have no relationships to rate yet.");
  }
  if (user.personId === personId) throw new StrengthOverrideError("self", "You cannot rate your relationship with yourself.", { personId: ["is you"] });
  const people = await tx.person.findMany({ where: { id: { in: [user.personId, personId] }, deletedAt: null }, select: { id: true } });
  if (!people.some((person) => person.id === user.personId)) {
    throw new StrengthOverrideError("no_own_person", "The person linked to your account has been deleted or merged away; ask an admin to link it again.");
  }
  if (!people.some((person) => person.id === personId)) throw new StrengthOverrideError("person_not_found", "That person does not exist.", { personId: ["not found"] });
  return user.personId;
}

async function strengthBetween(tx: Tx, from: string, to: string): Promise<number | null> {
  const edge = await tx.edge.findFirst({ where: { fromPersonId: from, toPersonId: to }, orderBy: { strength: "desc" }, select: { strength: true } });
  return edge?.strength ?? null;
}

export interface OverrideChange {
  view: StrengthOverrideView;
  correlationId: string;
}

export async function setStrengthOverride(
  db: Db,
  input: { userId: string } & TSetStrengthOverrideInput,
  options: { now?: Date } = {},
): Promise<OverrideChange> {
  const { personId, level, note } = parse(ZSetStrengthOverrideInput, input);
  const asOf = options.now ?? new Date();
  return db.$transaction(
    async (tx) => {
      const own = await ownPair(tx, input.userId, personId);
      const previous = await tx.strengthOverride.findUnique({ where: { userId_personId: { userId: input.userId, personId } }, select: { level: true } });
      const row = await tx.strengthOverride.upsert({
        where: { userId_personId: { userId: input.userId, personId } },
        create: { userId: input.userId, personId, level, note: note || null },
        update: { level, note: note || null },
      });
      const recomputed = await recomputePairs(tx, [[own, personId]], asOf);
      const strength = await strengthBetween(tx, own, personId);
      const correlationId = await writeAudit(tx, {
        action: "strength.override_set",
        entityType: "StrengthOverride",
        entityId: row.id,
        actorId: input.userId,
        // The note is the member's own words about a person: kept on the row, not copied into the audit trail.
        metadata: { personId, level, previousLevel: previous?.level ?? null, hasNote: Boolean(row.note), edgesWritten: recomputed.edges, strength },
      });
      return {
        correlationId,
        view: { personId, level: row.level, note: row.note, updatedAt: row.updatedAt.toISOString(), strength, canOverride: true },
      };
    },
    { timeout: 30_000, maxWait: 10_000 },
  );
}

export async function clearStrengthOverride(
  db: Db,
  input: { userId: string } & TClearStrengthOverrideInput,
  options: { now?: Date } = {},
): Promise<OverrideChange> {
  const { personId } = parse(ZClearStrengthOverrideInput, input);
  const asOf = options.now ?? new Date();
  return db.$transaction(
    async (tx) => {
      const own = await ownPair(tx, input.userId, personId);
      const existing = await tx.strengthOverride.findUnique({ where: { userId_personId: { userId: input.userId, personId } } });
      if (!existing) throw new StrengthOverrideError("person_not_found", "There is no override on this relationship to clear.", { personId: ["no override"] });
      await tx.strengthOverride.delete({ where: { id: existing.id } });
      // An override-only edge (no interactions behind it) goes with the override; others are recomputed.
      await tx.edge.deleteMany({
        where: {
          OR: [{ fromPersonId: own, toPersonId: personId }, { fromPersonId: personId, toPersonId: own }],
          relationshipType: "knows",
          interactionCount: 0,
        },
      });
      const recomputed = await recomputePairs(tx, [[own, personId]], asOf);
      const strength = await strengthBetween(tx, own, personId);
      const correlationId = await writeAudit(tx, {
        action: "strength.override_cleared",
        entityType: "StrengthOverride",
        entityId: existing.id,
        actorId: input.userId,
        metadata: { personId, previousLevel: existing.level, edgesWritten: recomputed.edges, strength },
      });
      return { correlationId, view: { personId, level: null, note: null, updatedAt: null, strength, canOverride: true } };
    },
    { timeout: 30_000, maxWait: 10_000 },
  );
}

/** The override control's data for the person page (no error for "not your relationship": canOverride false). */
export async function getStrengthOverride(db: Db, input: { userId: string; personId: string }): Promise<StrengthOverrideView> {
  // A deleted or erased person's relationships are not shown, not even their strength.
  const visible = await db.person.count({ where: { id: input.personId, deletedAt: null, erasedAt: null } });
  if (visible === 0) throw new StrengthOverrideError("person_not_found", "That person does not exist.", { personId: ["not found"] });
  const user = await db.user.findUnique({ where: { id: input.userId }, select: { personId: true } });
  const own = user?.personId ?? null;
  const canOverride = own !== null && own !== input.personId;
  const [row, edge] = await Promise.all([
    db.strengthOverride.findUnique({ where: { userId_personId: { userId: input.userId, personId: input.personId } } }),
    own === null ? null : db.edge.findFirst({ where: { fromPersonId: own, toPersonId: input.personId }, orderBy: { strength: "desc" }, select: { strength: true, strengthFactors: true } }),
  ]);
  const factors = parseStrengthFactors(edge?.strengthFactors);
  return {
    personId: input.personId,
    level: row?.level ?? null,
    note: row?.note ?? null,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    strength: factors !== null ? factors.score : (edge?.strength ?? null),
    canOverride,
  };
}
