// Recomputes the edges of the pairs a run touched, from all their interactions (not only the new ones), so
// the result is the same whether a history arrived in one file or in several. Per batch of pairs: one query
// fetches every interaction of every pair (GIN containment on participants), the pairs are summarized and
// scored with lib/strength, and both directed edges are upserted in one statement.
import { randomUUID } from "node:crypto";
import type { InteractionChannel, InteractionDirection } from "../../db/generated/enums";
import { scoreEdge } from "../../strength/score-edge";
import { summarizePair, type PairInteraction } from "../../strength/summarize-pair";
import { SQL_NOW } from "./sql";
import type { Tx } from "./types";

const PAIR_BATCH = 500;
/** Fixed date decayed masses are kept at (lib/strength/decay.ts): any date works, a stable one avoids rewrites. */
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
  let written = 0;
  for (let start = 0; start < pairs.length; start += PAIR_BATCH) {
    written += await recomputeBatch(tx, pairs.slice(start, start + PAIR_BATCH), asOf);
  }
  return written;
}

async function recomputeBatch(tx: Tx, pairs: Array<[string, string]>, asOf: Date): Promise<number> {
  const ids = [...new Set(pairs.flat())];
  const people = await tx.$queryRawUnsafe<PersonKeys[]>(
    `SELECT id, emails, "socialHandles", "organizationId" FROM "Person" WHERE id = ANY($1::uuid[]) AND "deletedAt" IS NULL`,
    ids,
  );
  const byId = new Map(people.map((person) => [person.id, { person, keys: new Set(keysOf(person)) }]));

  // One row per (pair, key of a, key of b): `participants @> ARRAY[ka, kb]` lets the GIN index intersect
  // both posting lists, so the owner's thousands of interactions are not scanned once per pair.
  const pairIdx: number[] = [];
  const leftKeys: string[] = [];
  const rightKeys: string[] = [];
  pairs.forEach(([a, b], index) => {
    for (const ka of byId.get(a)?.keys ?? []) {
      for (const kb of byId.get(b)?.keys ?? []) {
        pairIdx.push(index);
        leftKeys.push(ka);
        rightKeys.push(kb);
      }
    }
  });
  const rows = await tx.$queryRawUnsafe<PairRow[]>(
    `SELECT DISTINCT ON (k.pair, i.id) k.pair, i.timestamp, i.channel, i.direction, i.participants, i."sourceName"
       FROM unnest($1::int[], $2::text[], $3::text[]) AS k(pair, ka, kb)
       JOIN "Interaction" i ON i.participants @> ARRAY[k.ka, k.kb]
      ORDER BY k.pair, i.id`,
    pairIdx,
    leftKeys,
    rightKeys,
  );
  const byPair = new Map<number, PairRow[]>();
  for (const row of rows) {
    const list = byPair.get(row.pair) ?? [];
    list.push(row);
    byPair.set(row.pair, list);
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
