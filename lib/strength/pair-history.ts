// A pair's whole history, read and aggregated by one statement per batch of pairs: what recomputePairs does
// for pairs that have no usable stored aggregate (merges, erasure, overrides, new pairs of an import). Every
// row the planner sees comes from parameter arrays, so it cannot misjudge a join: each (pair, key of a, key
// of b) probes the GIN index on participants (`@> ARRAY[key_a, key_b]`) for the interactions holding both
// keys, a DISTINCT keeps each interaction once per pair, and the source names are numbered for the mask.
import type { InteractionChannel } from "../../prisma/generated/enums";
import { quotedArrayLiteral } from "../db/array-literal";
import type { PairAggregate } from "./pair-aggregate";
import { pairKey } from "./pair-key";
import { aggregateEventsSql, directionSql, groupSizeSql, twoWaySql, undirectedSql } from "./recompute-sql";
import type { SqlRunner } from "../db/sql-runner";
import { sumDayShares, type StoredAggregate } from "./stored-aggregate";
import { STRENGTH_CHANNELS } from "./weights";

/** One aggregated pair as SQL returns it (recompute-sql.ts column names). */
export type AggregateRow = {
  a: string | number;
  b: string | number;
  active_days: number;
  first_ms: number;
  last_ms: number;
  a_to_b: number;
  b_to_a: number;
  mutual: number;
  replies: number;
  decayed: number;
  src_mask: bigint | number;
  days?: number[] | null;
  day_shares?: number[] | null;
  through_ms?: number | null;
} & Record<`n_${InteractionChannel}` | `m_${InteractionChannel}`, number>;

export function toAggregate(row: AggregateRow, sourceNames: readonly string[]): PairAggregate {
  const counts = {} as Record<InteractionChannel, number>;
  const mass = {} as Record<InteractionChannel, number>;
  for (const channel of STRENGTH_CHANNELS) {
    counts[channel] = Number(row[`n_${channel}`] ?? 0);
    mass[channel] = Number(row[`m_${channel}`] ?? 0);
  }
  const mask = BigInt(row.src_mask ?? 0);
  const sources = sourceNames.filter((_, bit) => (mask & (1n << BigInt(bit))) !== 0n);
  return {
    counts,
    mass,
    // In day order, as the in-memory paths add them (the same float sum).
    activeDays: row.day_shares ? sumDayShares(row.day_shares.map(Number)) : Number(row.active_days),
    firstSeenAt: new Date(Number(row.first_ms)),
    lastSeenAt: new Date(Number(row.last_ms)),
    aToB: Number(row.a_to_b),
    bToA: Number(row.b_to_a),
    mutual: Number(row.mutual),
    replies: Number(row.replies),
    decayedMass: Number(row.decayed),
    sources,
  };
}

export const INCREMENTAL_AGGREGATE_SQL = `
  WITH kp AS (
    SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) AS t(a, b, ka, kb, keys_a, keys_b, probe)
  ), rows AS MATERIALIZED (
    SELECT DISTINCT ON (kp.a, kp.b, i.id) kp.a, kp.b, i.ts, i.ch, i.src, i.share, i.created,
           ${directionSql("i.two_way", "i.undirected", "i.starter = ANY(kp.keys_a::text[])", "i.starter = ANY(kp.keys_b::text[])")} AS dir
      FROM kp CROSS JOIN LATERAL (
        SELECT x.id, x.timestamp AS ts, x."createdAt" AS created, x.channel::text AS ch, x."sourceName" AS src, x.participants[1] AS starter,
               1.0::float8 / (${groupSizeSql("x")} - 1) AS share, ${twoWaySql("x")} AS two_way, ${undirectedSql("x")} AS undirected
          FROM "Interaction" x WHERE x.participants @> kp.probe::text[] AND kp.ka = ANY(x.participants) AND kp.kb = ANY(x.participants)
      ) i
  ), src AS (
    SELECT name, (row_number() OVER (ORDER BY name) - 1)::int AS bit FROM (SELECT DISTINCT src AS name FROM rows) s
  )
  SELECT agg.*, (SELECT array_agg(name ORDER BY bit) FROM src) AS source_names
    FROM (${aggregateEventsSql(`SELECT r.a, r.b, r.ts, r.ch, r.share, r.dir, r.created, src.bit AS src_bit FROM rows r JOIN src ON src.name = r.src`)}) agg`;

/** A pair's stored aggregate as a PairAggregate row would hold it, from a full read (INCREMENTAL_AGGREGATE_SQL). */
function storedFromRow(row: AggregateRow & { source_names: string[] | null }): StoredAggregate {
  return {
    aggregate: toAggregate(row, row.source_names ?? []),
    days: (row.days ?? []).map(Number),
    dayShares: (row.day_shares ?? []).map(Number),
    through: new Date(Number(row.through_ms ?? 0)),
  };
}

/**
 * Every interaction of each pair, aggregated by one statement (the pairs' people have `keys`). `isHub` names
 * people with very many interactions (a team member): a pair of a hub and someone else is looked up in the
 * index by the other person's key alone, and the hub's key checked on those few rows. Looking up both keys,
 * the index would decode the hub's whole posting list, tens of thousands of entries, for every such pair.
 */
export async function aggregateInFull(
  sql: SqlRunner,
  pairs: ReadonlyArray<readonly [string, string]>,
  keys: ReadonlyMap<string, string[]>,
  isHub: (id: string) => boolean = () => false,
): Promise<Map<string, StoredAggregate>> {
  const probe = { a: [] as string[], b: [] as string[], ka: [] as string[], kb: [] as string[], keysA: [] as string[], keysB: [] as string[], probe: [] as string[] };
  for (const [a, b] of pairs) {
    const keysA = keys.get(a) as string[];
    const keysB = keys.get(b) as string[];
    const literalA = quotedArrayLiteral(keysA);
    const literalB = quotedArrayLiteral(keysB);
    const probeBy = isHub(a) === isHub(b) ? "both" : isHub(a) ? "b" : "a";
    for (const ka of keysA) {
      for (const kb of keysB) {
        probe.a.push(a);
        probe.b.push(b);
        probe.ka.push(ka);
        probe.kb.push(kb);
        probe.keysA.push(literalA);
        probe.keysB.push(literalB);
        probe.probe.push(quotedArrayLiteral(probeBy === "both" ? [ka, kb] : probeBy === "a" ? [ka] : [kb]));
      }
    }
  }
  if (probe.a.length === 0) return new Map();
  const rows = await sql.query<AggregateRow & { a: string; b: string; source_names: string[] | null }>(INCREMENTAL_AGGREGATE_SQL, [
    probe.a,
    probe.b,
    probe.ka,
    probe.kb,
    probe.keysA,
    probe.keysB,
    probe.probe,
  ]);
  return new Map(rows.map((row) => [pairKey(row.a, row.b), storedFromRow(row)]));
}
