// The bench:strength dataset: a deterministic team history (see generate), and the helpers that load it and
// measure what a step wrote. Kept apart from the benchmark so experiments can replay the same data.
import { insertColumns } from "../../lib/paths/testing/bench-database";
import type { Rng } from "../../lib/seed/demo/prng";

// Channel mix and the source each channel comes from.
export const CHANNELS = [
  { channel: "email", source: "gmail", weight: 0.5 },
  { channel: "message", source: "slack", weight: 0.2 },
  { channel: "meeting", source: "calendar", weight: 0.15 },
  { channel: "call", source: "phone", weight: 0.07 },
  { channel: "linkedin", source: "linkedin", weight: 0.03 },
  { channel: "other", source: "vcard", weight: 0.05 },
] as const;
// Most interactions are 1:1; groups up to 8 (a group of n people is n(n−1)/2 pairs).
export const GROUP_SIZES = [[2, 0.7], [3, 0.12], [4, 0.08], [5, 0.05], [6, 0.03], [8, 0.02]] as const;
/** Contacts each team member ever deals with (ranked; contact frequency is Zipf-like over the ranks). */
export const MEMBER_POOL = 3_000;
/** The colleagues of a contact who actually show up in that contact's threads and meetings. */
export const ORG_CIRCLE = 12;
export const ORGANIZATIONS = 997;

export function weighted<T>(rng: Rng, items: ReadonlyArray<readonly [T, number]>): T {
  let r = rng.next();
  for (const [item, weight] of items) {
    r -= weight;
    if (r <= 0) return item;
  }
  return (items[items.length - 1] as readonly [T, number])[0];
}

export const email = (index: number): string => `p${index}@org${index % ORGANIZATIONS}.example`;

export interface Generated {
  sourceId: string[];
  sourceName: string[];
  timestamp: string[];
  participants: string[];
  channel: string[];
  direction: Array<string | null>;
  pairs: Set<string>;
}

/**
 * A team's history, as WIG imports it: every interaction comes from a team member's mailbox, calendar or
 * chat, so each one includes a member (members' activity mildly skewed). The member's counterpart is drawn
 * from the member's own ranked contacts with a Zipf-like frequency (a few contacts weekly, a long tail seen
 * once or twice); extra participants of a group are mostly the counterpart's colleagues (same organization,
 * the same dozen people recurring), sometimes other team members, rarely another contact. Pairs therefore
 * repeat the way real relationships do instead of every group inventing new pairs.
 */
export function generate(rng: Rng, people: number, count: number, from: number, to: number, tag: string, ids: readonly string[] | null): Generated {
  const out: Generated = { sourceId: [], sourceName: [], timestamp: [], participants: [], channel: [], direction: [], pairs: new Set() };
  const team = teamSize(people);
  const hash = (x: number, y: number): number => {
    let h = (Math.imul(x, 2654435761) + Math.imul(y, 40503) + 12345) >>> 0;
    h ^= h >>> 15;
    h = Math.imul(h, 2246822519) >>> 0;
    return (h ^ (h >>> 13)) >>> 0;
  };
  // Rank in [0, n): log-uniform raised to `skew` (skew 1 ≈ Zipf with exponent 1; larger = more concentrated).
  const zipf = (n: number, skew: number): number => Math.min(n - 1, Math.floor(Math.exp(Math.log(n + 1) * rng.next() ** skew)) - 1);
  const contactOf = (member: number): number => team + (hash(member, zipf(MEMBER_POOL, 1.5)) % (people - team));
  const perOrganization = Math.ceil(people / ORGANIZATIONS);
  const channels = CHANNELS.map((entry) => [entry, entry.weight] as const);
  for (let index = 0; index < count; index += 1) {
    const member = Math.floor(team * rng.next() ** 1.5);
    const counterpart = contactOf(member);
    const size = weighted(rng, GROUP_SIZES);
    const members = [member, counterpart];
    let guard = 0;
    while (members.length < size && guard++ < 50) {
      const u = rng.next();
      let other: number;
      if (u < 0.6) {
        const organization = counterpart % ORGANIZATIONS;
        other = organization + ORGANIZATIONS * (hash(organization, zipf(Math.min(perOrganization, ORG_CIRCLE), 1.5)) % perOrganization);
        if (other >= people) continue;
      } else if (u < 0.95) other = zipf(team, 1);
      else other = contactOf(member);
      if (!members.includes(other)) members.push(other);
    }
    if (members.length < 2 || members[0] === members[1]) continue;
    const { channel, source } = weighted(rng, channels);
    const direction = channel === "linkedin" ? null : rng.chance(0.45) ? "two_way" : "one_way";
    // The member started it about half the time (participants[0] is the starter).
    if (rng.chance(0.5)) [members[0], members[1]] = [members[1] as number, members[0] as number];
    out.sourceId.push(`${tag}-${index}`);
    out.sourceName.push(source);
    out.timestamp.push(new Date(from + Math.floor(rng.next() * (to - from))).toISOString());
    out.participants.push(members.map(email).join("|"));
    out.channel.push(channel);
    out.direction.push(direction);
    if (ids) {
      for (let i = 0; i < members.length; i += 1) {
        for (let j = i + 1; j < members.length; j += 1) out.pairs.add(`${ids[members[i] as number]} ${ids[members[j] as number]}`);
      }
    }
  }
  return out;
}

/** Team members: people 0 … n−1 (about one per thousand people known, 2–50). */
export const teamSize = (people: number): number => Math.min(50, Math.max(2, Math.round(people / 1_000)));

export async function insertInteractions(client: import("pg").Client, rows: Generated): Promise<void> {
  await insertColumns(
    client,
    "Interaction",
    ["id", "sourceId", "sourceName", "timestamp", "participants", "channel", "direction"],
    ["text", "text", "text", "text", "text", "text"],
    ["gen_random_uuid()", "c1", "c2", "c3::timestamp", "string_to_array(c4, '|')", `c5::"InteractionChannel"`, `c6::"InteractionDirection"`],
    [rows.sourceId, rows.sourceName, rows.timestamp, rows.participants, rows.channel, rows.direction],
  );
}

/** WAL written so far (bytes from the start of the log) and checkpoints so far: what a step cost in writes. */
export async function walPosition(client: { query: <T>(sql: string) => Promise<{ rows: T[] }> }): Promise<{ bytes: number; checkpoints: number }> {
  const wal = await client.query<{ bytes: string }>(`SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::text AS bytes`);
  // pg_stat_checkpointer since PostgreSQL 17; pg_stat_bgwriter before (DATABASE_URL may name either).
  const checkpoints = await client
    .query<{ count: string }>(`SELECT (num_timed + num_requested)::text AS count FROM pg_stat_checkpointer`)
    .catch(() => client.query<{ count: string }>(`SELECT (checkpoints_timed + checkpoints_req)::text AS count FROM pg_stat_bgwriter`));
  return { bytes: Number(wal.rows[0]?.bytes ?? 0), checkpoints: Number(checkpoints.rows[0]?.count ?? 0) };
}
