// Recomputes the edges of the pairs a run touched, from all their interactions (not only the new ones), so
// the result is the same whether a history arrived in one file or in several. Per batch of pairs: one query
// fetches every interaction of every pair (GIN containment on participants), the pairs are summarized and
// scored with lib/strength, and both directed edges are upserted in one statement.
import { randomUUID } from "node:crypto";
import type { InteractionChannel, InteractionDirection } from "../../../prisma/generated/enums";
import { scoreEdge } from "../../strength/score-edge";
import { summarizePair, type PairInteraction } from "../../strength/summarize-pair";
import { SQL_NOW } from "./sql";
import type { Tx } from "./types";

const PAIR_BATCH = 500;
/** Fixed date decayed masses are kept at (lib/strength/decay.ts); the choice is arbitrary, and a stable one avoids rewrites. */
export const DECAY_REFERENCE_DATE = new Date("2026-01-01T00:00:00Z");

interface PersonKeys {
  id: string;
  emails: string[];
  socialHandles: Record<string, string> | null;
  organizationId: string | null;
}

interface PairRow {
  pair: number;
  timestamp: Date;
  channel: InteractionChannel;
  direction: InteractionDirection | null;
  participants: string[];
  sourceName: string;
}

function keysOf(person: PersonKeys): string[] {
  const handles = Object.entries(person.socialHandles ?? {}).map(([network, value]) => `${network}:${value}`);
  return [...person.emails, ...handles];
}

/** Returns the number of directed edges written. */
export async function recomputeEdges(tx: Tx, touchedPairs: Iterable<string>, asOf: Date): Promise<number> {
  const pairs = [...touchedPairs].sort().map((pair) => pair.split(" ") as [string, string]);
  const degree = new Map<string, number>();
  for (const pair of pairs) for (const id of pair) degree.set(id, (degree.get(id) ?? 0) + 1);
  let written = 0;
  // The run's own inserts are not in the planner's statistics yet (no ANALYZE inside a transaction), so it
  // would estimate a handful of rows and pick a sequential scan of Interaction for every batch.
  await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
  // The run's interactions sit in the GIN index's pending list, which every search scans linearly: merge it
  // once (in a subtransaction, so a role that may not do it just keeps the slower path).
  await tx.$executeRawUnsafe(
    `DO $$ BEGIN PERFORM gin_clean_pending_list('"Interaction_participants_idx"'::regclass); EXCEPTION WHEN OTHERS THEN NULL; END $$`,
  );
  try {
    for (let start = 0; start < pairs.length; start += PAIR_BATCH) {
      written += await recomputeBatch(tx, pairs.slice(start, start + PAIR_BATCH), degree, asOf);
    }
  } finally {
    await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = on");
  }
  return written;
}

async function recomputeBatch(tx: Tx, pairs: Array<[string, string]>, degree: Map<string, number>, asOf: Date): Promise<number> {
  const ids = [...new Set(pairs.flat())];
  const people = await tx.$queryRawUnsafe<PersonKeys[]>(
    `SELECT id, emails, "socialHandles", "organizationId" FROM "Person" WHERE id = ANY($1::uuid[]) AND "deletedAt" IS NULL`,
    ids,
  );
  const byId = new Map(people.map((person) => [person.id, { person, keys: new Set(keysOf(person)) }]));

  // Probe each pair from its rarer side: the owner of a 30,000-connection export appears in every
  // interaction, so fetching by the owner's keys would read all of them for every batch. A person's number
  // of touched pairs stands in for their activity; the batch's probe keys are fetched in ONE bitmap scan of
  // the GIN index (`&&`), and each row is assigned to its pairs here.
  const probesOfKey = new Map<string, number[]>();
  const otherSide: Array<Set<string>> = [];
  pairs.forEach(([a, b], index) => {
    const left = byId.get(a)?.keys;
    const right = byId.get(b)?.keys;
    if (!left || !right) return;
    const [probe, other] = (degree.get(a) ?? 0) <= (degree.get(b) ?? 0) ? [left, right] : [right, left];
    otherSide[index] = other;
    for (const key of probe) probesOfKey.set(key, [...(probesOfKey.get(key) ?? []), index]);
  });
  const fetched = await tx.$queryRawUnsafe<Array<Omit<PairRow, "pair"> & { id: string }>>(
    `SELECT id, timestamp, channel, direction, participants, "sourceName" FROM "Interaction" WHERE participants && $1::text[]`,
    [...probesOfKey.keys()],
  );
  const byPair = new Map<number, PairRow[]>();
  for (const row of fetched) {
    const seen = new Set<number>();
    for (const key of row.participants) {
      for (const pair of probesOfKey.get(key) ?? []) {
        if (seen.has(pair) || !row.participants.some((other) => otherSide[pair]?.has(other))) continue;
        seen.add(pair);
        const list = byPair.get(pair) ?? [];
        list.push({ ...row, pair });
        byPair.set(pair, list);
      }
    }
  }

  const edges: object[] = [];
  pairs.forEach(([a, b], index) => {
    const left = byId.get(a);
    const right = byId.get(b);
    const found = byPair.get(index);
    if (!left || !right || !found) return;
    const interactions = found.map((row) => toPairInteraction(row, left.keys, right.keys));
    const summary = summarizePair({
      interactions,
      decayReferenceDate: DECAY_REFERENCE_DATE,
      sharedOrganization: left.person.organizationId !== null && left.person.organizationId === right.person.organizationId,
    });
    const factors = scoreEdge(summary, { asOf });
    const common = {
      strength: factors.score,
      strengthFactors: factors,
      sources: summary.sources,
      channels: Object.keys(summary.countsByChannel).sort(),
      firstSeenAt: summary.firstSeenAt?.toISOString() ?? null,
      lastSeenAt: summary.lastSeenAt?.toISOString() ?? null,
      interactionCount: found.length,
    };
    edges.push({ id: randomUUID(), from: a, to: b, ...common }, { id: randomUUID(), from: b, to: a, ...common });
  });
  if (edges.length === 0) return 0;
  await tx.$executeRawUnsafe(
    `INSERT INTO "Edge" (id, "fromPersonId", "toPersonId", "relationshipType", strength, "strengthFactors", sources, channels,
                         "firstSeenAt", "lastSeenAt", "interactionCount", "createdAt", "updatedAt")
     SELECT (d->>'id')::uuid, (d->>'from')::uuid, (d->>'to')::uuid, 'knows', (d->>'strength')::float8, d->'strengthFactors',
            ARRAY(SELECT jsonb_array_elements_text(d->'sources')), ARRAY(SELECT jsonb_array_elements_text(d->'channels')),
            (d->>'firstSeenAt')::timestamp, (d->>'lastSeenAt')::timestamp, (d->>'interactionCount')::int, ${SQL_NOW}, ${SQL_NOW}
       FROM jsonb_array_elements($1::jsonb) d
     ON CONFLICT ("fromPersonId", "toPersonId", "relationshipType") DO UPDATE SET
       strength = EXCLUDED.strength, "strengthFactors" = EXCLUDED."strengthFactors", sources = EXCLUDED.sources,
       channels = EXCLUDED.channels, "firstSeenAt" = EXCLUDED."firstSeenAt", "lastSeenAt" = EXCLUDED."lastSeenAt",
       "interactionCount" = EXCLUDED."interactionCount", "updatedAt" = EXCLUDED."updatedAt"`,
    JSON.stringify(edges),
  );
  return edges.length;
}

/**
 * A stored interaction seen from the pair, by keys rather than single addresses (a person may appear under
 * any of their emails or handles). participants[0] started a one-way interaction (lib/strength convention).
 */
function toPairInteraction(row: PairRow, aKeys: Set<string>, bKeys: Set<string>): PairInteraction {
  const starter = row.participants[0] ?? "";
  let direction: PairInteraction["direction"] = "mutual";
  if (row.direction !== "two_way") direction = aKeys.has(starter) ? "a_to_b" : bKeys.has(starter) ? "b_to_a" : null;
  // A LinkedIn connection has no direction at all (the export does not say who invited): a null-direction
  // two-person interaction counts as contact from neither side.
  if (row.direction === null && row.channel === "linkedin") direction = null;
  return {
    timestamp: row.timestamp,
    channel: row.channel,
    groupSize: Math.max(2, new Set(row.participants).size),
    sourceName: row.sourceName,
    direction,
  };
}
