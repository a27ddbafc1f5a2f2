// Writes scored pairs as Edge rows: both directions of each pair in one statement over unnest arrays,
// updating the rows a directed pair already has (any relationship type) and inserting a "knows" row
// otherwise. Shared by the incremental (recompute.ts) and full (recompute-all.ts) recomputes.
import { tokenArrayLiteral, textListsLiteral } from "../db/array-literal";
import { summaryFromAggregate, type PairAggregate, type PairContext } from "./pair-aggregate";
import { scoreStoredFactors } from "./score-edge";
import type { SqlRunner } from "../db/sql-runner";
import { expandStrengthFactors, packStrengthFactors, ZPackedStrengthFactors } from "./stored-factors";
import { ZStrengthFactors } from "./strength-factors.schema";
import { STRENGTH_CHANNELS } from "./weights";

/** Prisma stores DateTime as UTC in timestamp(3) columns: raw statements must too. */
export const SQL_NOW = `(now() AT TIME ZONE 'UTC')`;

/** A pair ready to write: ids, and everything scored. */
export interface ScoredPair {
  a: string;
  b: string;
  aggregate: PairAggregate;
  context: PairContext;
}

interface EdgeColumnsOut {
  from: string[];
  to: string[];
  strength: number[];
  factors: string[];
  sources: Array<readonly string[]>;
  channels: Array<readonly string[]>;
  firstSeenAt: Array<string | null>;
  lastSeenAt: Array<string | null>;
  interactionCount: number[];
}

/**
 * The parameters of scoredPairColumns as relations: `pairs` (one row per pair) and `input` (one per direction:
 * f, t, strength, factors, sources, channels, first_at, last_at, n). Shared by both writers.
 */
export const SCORED_DIRECTIONS_CTES = `pairs AS MATERIALIZED (
       SELECT a, b, strength, factors, string_to_array(sources, E'\\x1f') AS sources, string_to_array(channels, E'\\x1f') AS channels,
              first_at::timestamp AS first_at, last_at::timestamp AS last_at, n
         FROM ROWS FROM (unnest($1::uuid[]), unnest($2::uuid[]), unnest($3::float8[]), json_array_elements($4::json),
                         unnest($5::text[]), unnest($6::text[]), unnest($7::text[]), unnest($8::text[]), unnest($9::int[]))
           AS t(a, b, strength, factors, sources, channels, first_at, last_at, n)
     ), input AS NOT MATERIALIZED (
       SELECT CASE WHEN forward THEN a ELSE b END AS f, CASE WHEN forward THEN b ELSE a END AS t,
              strength, factors, sources, channels, first_at, last_at, n
         FROM pairs CROSS JOIN (VALUES (true), (false)) AS d(forward)
     )`;

/** What scoredPairColumns returns: the statement parameters and the number of pairs. */
export interface ScoredColumns {
  params: unknown[];
  count: number;
}

/**
 * Scores pairs into the parameter arrays both writers send ($1 … $9: a, b, strength, factors as one JSON
 * array, sources, channels, firstSeenAt, lastSeenAt, interactionCount), one entry per pair: the factor
 * document is sent and parsed once, and SQL fans it out to both directions. The first pair of a batch is
 * validated with zod (scoreStoredFactors builds a fixed shape; the check guards regressions), or all with
 * `validateAll`. The document is stored in its packed layout (stored-factors.ts). The arrays are sent as
 * ready-made literals (lib/db/array-literal.ts); sources and channels as one U+001F-joined element per pair.
 */
export function scoredPairColumns(pairs: readonly ScoredPair[], asOf: Date, options: { validateAll?: boolean } = {}): ScoredColumns {
  const columns: EdgeColumnsOut = { from: [], to: [], strength: [], factors: [], sources: [], channels: [], firstSeenAt: [], lastSeenAt: [], interactionCount: [] };
  pairs.forEach((pair, index) => {
    const summary = summaryFromAggregate(pair.aggregate, pair.context);
    const stored = scoreStoredFactors(summary, asOf);
    const packed = packStrengthFactors(stored);
    if (options.validateAll === true || index === 0) {
      ZStrengthFactors.parse(expandStrengthFactors(stored));
      ZPackedStrengthFactors.parse(packed);
    }
    columns.from.push(pair.a);
    columns.to.push(pair.b);
    columns.strength.push(stored.score);
    columns.factors.push(JSON.stringify(packed));
    columns.sources.push(summary.sources);
    columns.channels.push(STRENGTH_CHANNELS.filter((channel) => pair.aggregate.counts[channel] > 0));
    columns.firstSeenAt.push(pair.aggregate.firstSeenAt?.toISOString() ?? null);
    columns.lastSeenAt.push(pair.aggregate.lastSeenAt?.toISOString() ?? null);
    columns.interactionCount.push(STRENGTH_CHANNELS.reduce((sum, channel) => sum + pair.aggregate.counts[channel], 0));
  });
  return {
    count: pairs.length,
    params: [
      tokenArrayLiteral(columns.from),
      tokenArrayLiteral(columns.to),
      tokenArrayLiteral(columns.strength),
      // One JSON array, split by json_array_elements: a text[] parameter would have node-postgres escape
      // every quote of every document, and PostgreSQL unescape it again.
      `[${columns.factors.join(",")}]`,
      textListsLiteral(columns.sources),
      textListsLiteral(columns.channels),
      tokenArrayLiteral(columns.firstSeenAt),
      tokenArrayLiteral(columns.lastSeenAt),
      tokenArrayLiteral(columns.interactionCount),
    ],
  };
}

/**
 * What writeScoredPairs' statement is planned under (its callers set them for their whole step, with
 * withLocalSettings): sequential scans and merge joins off. Finding each directed pair's rows by one probe
 * of the (from, to, type) index is then the only plan; with either, the planner may read the whole Edge
 * table to join a few thousand rows (it would, for instance, while the table's statistics still describe
 * it as small during a first large import).
 */
export const EDGE_WRITE_SETTINGS: Readonly<Record<string, string>> = { enable_seqscan: "off", enable_mergejoin: "off" };

/**
 * Scores pairs and writes both directed edges, under EDGE_WRITE_SETTINGS. A directed pair that already has
 * rows (of any relationship type: the seed's "colleague", a future "introduced") gets them updated in the
 * same pass that finds them; the pairs the update did not return get a "knows" row inserted (ON CONFLICT
 * for a concurrent insert).
 */
export async function writeScoredPairs(sql: SqlRunner, pairs: readonly ScoredPair[], asOf: Date, options: { validateAll?: boolean } = {}): Promise<number> {
  if (pairs.length === 0) return 0;
  const { params, count } = scoredPairColumns(pairs, asOf, options);
  await sql.exec(
    `WITH ${SCORED_DIRECTIONS_CTES}, updated AS (
       UPDATE "Edge" e SET strength = i.strength, "strengthFactors" = i.factors, sources = i.sources, channels = i.channels,
              "firstSeenAt" = i.first_at, "lastSeenAt" = i.last_at, "interactionCount" = i.n, "updatedAt" = ${SQL_NOW}
         FROM input i
        WHERE e."fromPersonId" = i.f AND e."toPersonId" = i.t
       RETURNING e."fromPersonId" AS f, e."toPersonId" AS t
     )
     INSERT INTO "Edge" (id, "fromPersonId", "toPersonId", "relationshipType", strength, "strengthFactors", sources, channels,
                         "firstSeenAt", "lastSeenAt", "interactionCount", "createdAt", "updatedAt")
     SELECT gen_random_uuid(), i.f, i.t, 'knows', i.strength, i.factors, i.sources, i.channels,
            i.first_at, i.last_at, i.n, ${SQL_NOW}, ${SQL_NOW}
       FROM input i WHERE NOT EXISTS (SELECT 1 FROM updated u WHERE u.f = i.f AND u.t = i.t)
     ON CONFLICT ("fromPersonId", "toPersonId", "relationshipType") DO UPDATE SET
       strength = EXCLUDED.strength, "strengthFactors" = EXCLUDED."strengthFactors", sources = EXCLUDED.sources,
       channels = EXCLUDED.channels, "firstSeenAt" = EXCLUDED."firstSeenAt", "lastSeenAt" = EXCLUDED."lastSeenAt",
       "interactionCount" = EXCLUDED."interactionCount", "updatedAt" = EXCLUDED."updatedAt"`,
    params,
  );
  return count * 2;
}
