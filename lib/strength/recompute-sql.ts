// The recompute's SQL. Both paths read people's keys, group sizes and directions with the helpers below. The
// incremental path (recompute.ts) builds an "events" relation, one row per interaction and pair of people in it:
//   ev(a, b, ts, ch, share, dir, src_bit)   a < b; dir 'a' (a started, one-way) | 'b' | 'm' (two-way) | NULL
// (plus `created`, the interaction's createdAt) and aggregateEventsSql folds it into one row per pair (PairAggregate, pair-aggregate.ts); the full path
// (recompute-all.ts) folds the same events in memory (pair-accumulator.ts). The numbers below come from
// weights.ts, so the SQL, the accumulator and the in-memory summarizePair apply the same model.
import type { InteractionChannel } from "../../prisma/generated/enums";
import type { AccumulatedInteraction } from "./pair-accumulator";
import { DECAY_REFERENCE_DATE } from "./pair-aggregate";
import { CHANNEL_RICHNESS, DEFAULT_HALF_LIFE_DAYS, ONE_WAY_SHARE, STRENGTH_CHANNELS, THREAD_CHANNELS } from "./weights";

const DAY_SECONDS = 86_400;


const literal = (value: string): string => `'${value.replaceAll("'", "''")}'`;

/** An interaction's group size: its participants, or the audience the source recorded (a Slack channel). */
export function groupSizeSql(alias: string): string {
  return `GREATEST(2, cardinality(${alias}.participants),
    CASE WHEN jsonb_typeof(${alias}.metadata -> 'groupSize') = 'number' THEN floor((${alias}.metadata ->> 'groupSize')::float8)::int ELSE 0 END)`;
}

/** Every identifier a person appears under in Interaction.participants: emails and "network:handle". */
export function personKeysSql(alias: string): string {
  return `(SELECT unnest(${alias}.emails) AS key
           UNION SELECT h.key || ':' || h.value FROM jsonb_each_text(
             CASE WHEN jsonb_typeof(${alias}."socialHandles") = 'object' THEN ${alias}."socialHandles" END) h)`;
}

/**
 * The direction of an interaction seen from the pair: two-way → 'm'; a LinkedIn connection with no known
 * inviter → NULL; otherwise participants[1] started it ('a', 'b', or NULL when neither did).
 */
export function directionSql(twoWay: string, undirected: string, aStarted: string, bStarted: string): string {
  return `CASE WHEN ${twoWay} THEN 'm' WHEN ${undirected} THEN NULL WHEN ${aStarted} THEN 'a' WHEN ${bStarted} THEN 'b' END`;
}

export const twoWaySql = (interaction: string): string => `(${interaction}.direction = 'two_way')`;
export const undirectedSql = (interaction: string): string => `(${interaction}.direction IS NULL AND ${interaction}.channel = 'linkedin')`;

const richnessCase = `CASE ch ${STRENGTH_CHANNELS.map((channel) => `WHEN ${literal(channel)} THEN ${CHANNEL_RICHNESS[channel]}`).join(" ")} ELSE 0 END`;
const oneWayCase = `CASE WHEN dir = 'm' THEN 1 ELSE ${ONE_WAY_SHARE} END`;
const threadList = THREAD_CHANNELS.map(literal).join(", ");

/**
 * One row per pair from an events relation. Two levels: per (pair, UTC day) first, so a day counts once,
 * weighted by its most personal contact (its largest group share), then per pair. The days and their shares
 * come back too (the stored aggregate keeps them, pair-store.ts), with the latest createdAt folded in.
 * `extract(epoch …)` is numeric and slow; date_part is float8.
 */
export function aggregateEventsSql(events: string): string {
  const referenceEpoch = DECAY_REFERENCE_DATE.getTime() / 1000;
  const halfLifeSeconds = DEFAULT_HALF_LIFE_DAYS * DAY_SECONDS;
  const perDay = STRENGTH_CHANNELS.flatMap((channel) => [
    `count(*) FILTER (WHERE ch = ${literal(channel)}) AS n_${channel}`,
    `sum(share * ${oneWayCase}) FILTER (WHERE ch = ${literal(channel)}) AS m_${channel}`,
  ]).join(",\n      ");
  const perPair = STRENGTH_CHANNELS.flatMap((channel) => [
    `sum(n_${channel})::int AS n_${channel}`,
    `COALESCE(sum(m_${channel}), 0)::float8 AS m_${channel}`,
  ]).join(",\n    ");
  return `SELECT a, b,
    ${perPair},
    sum(day_share)::float8 AS active_days,
    (date_part('epoch', min(first_at)) * 1000)::float8 AS first_ms, (date_part('epoch', max(last_at)) * 1000)::float8 AS last_ms,
    COALESCE(sum(a_to_b), 0)::float8 AS a_to_b, COALESCE(sum(b_to_a), 0)::float8 AS b_to_a,
    COALESCE(sum(mutual), 0)::float8 AS mutual, COALESCE(sum(replies), 0)::float8 AS replies,
    sum(decayed)::float8 AS decayed, bit_or(src_mask)::bigint AS src_mask,
    array_agg(day ORDER BY day) AS days, array_agg(day_share::float8 ORDER BY day) AS day_shares,
    (date_part('epoch', max(through_at)) * 1000)::float8 AS through_ms
  FROM (
    SELECT a, b,
      ${perDay},
      max(share) AS day_share,
      floor(date_part('epoch', ts) / ${DAY_SECONDS})::int AS day,
      max(created) AS through_at,
      min(ts) AS first_at, max(ts) AS last_at,
      sum(share) FILTER (WHERE dir = 'a') AS a_to_b,
      sum(share) FILTER (WHERE dir = 'b') AS b_to_a,
      sum(share) FILTER (WHERE dir = 'm' AND ch NOT IN (${threadList})) AS mutual,
      sum(share) FILTER (WHERE dir = 'm' AND ch IN (${threadList})) AS replies,
      sum(${richnessCase} * share * ${oneWayCase} * power(2::float8, (date_part('epoch', ts) - ${referenceEpoch}) / ${halfLifeSeconds})) AS decayed,
      bit_or(1::bigint << src_bit) AS src_mask
    FROM (${events}) ev
    GROUP BY a, b, floor(date_part('epoch', ts) / ${DAY_SECONDS})
  ) per_day
  GROUP BY a, b`;
}

/** Where the participants start in a packed interaction (packedInteractionSql). */
export const PACKED_PARTICIPANTS_FROM = 6;

/**
 * One interaction as text fields split by U+001F (no identifier contains a control character): epoch ms,
 * channel, source, group size (groupSizeSql), "m" two-way / "u" undirected / "", createdAt epoch ms, then the
 * participants in order. One packed column per row: node-postgres decodes it far faster than seven columns.
 */
export function packedInteractionSql(alias: string): string {
  return `concat_ws(E'\\x1f', (date_part('epoch', ${alias}.timestamp) * 1000)::float8, ${alias}.channel, ${alias}."sourceName", ${groupSizeSql(alias)},
                    CASE WHEN ${twoWaySql(alias)} THEN 'm' WHEN ${undirectedSql(alias)} THEN 'u' ELSE '' END,
                    (date_part('epoch', ${alias}."createdAt") * 1000)::float8,
                    array_to_string(${alias}.participants, E'\\x1f'))`;
}

/**
 * A packed interaction (packedInteractionSql, split on U+001F) as the accumulator takes it; `peopleOf` names
 * the dense indices of the people a key belongs to. Null when fewer than two people are known.
 */
export function unpackInteraction(fields: readonly string[], peopleOf: (key: string) => readonly number[] | undefined): AccumulatedInteraction | null {
  const people: number[] = [];
  let starters = 0;
  for (let f = PACKED_PARTICIPANTS_FROM; f < fields.length; f += 1) {
    const found = peopleOf(fields[f] as string);
    if (found) people.push(...found);
    if (f === PACKED_PARTICIPANTS_FROM) starters = people.length;
  }
  if (people.length < 2) return null;
  return {
    timeMs: Number(fields[0]),
    channel: fields[1] as InteractionChannel,
    sourceName: fields[2] as string,
    groupSize: Number(fields[3]),
    twoWay: fields[4] === "m",
    undirected: fields[4] === "u",
    createdMs: Number(fields[5]),
    people,
    starters,
  };
}
