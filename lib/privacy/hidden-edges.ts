// What members' blocklists hide (issue 7, item 5). A BlocklistEntry hides everything its member contributed
// about a person or an email domain, defined as the edges between the member's own node (User.personId) and
// the blocked person, or anyone with an email address at the blocked domain. Those pairs leave the intro-path
// snapshot (lib/paths/snapshot-store.ts), the ego network (lib/people/ego-network.ts), a profile's strongest
// relationships (lib/people/queries.ts) and second-degree connections (lib/graph/second-degree.ts), for everyone.
// No "server-only": `npm run paths` loads the snapshot in plain Node.
import type { Db } from "../db/client";

export class HiddenEdgePairs {
  private readonly keys = new Set<string>();

  constructor(pairs: Iterable<readonly [string, string]> = []) {
    for (const [a, b] of pairs) this.add(a, b);
  }

  add(a: string, b: string): void {
    if (a === b) return;
    this.keys.add(a < b ? `${a}|${b}` : `${b}|${a}`);
  }

  /** Either direction. */
  has(a: string, b: string): boolean {
    return this.keys.has(a < b ? `${a}|${b}` : `${b}|${a}`);
  }

  get size(): number {
    return this.keys.size;
  }

  /** Every hidden pair as two parallel arrays (smaller id first), for SQL `unnest`. */
  toArrays(): { a: string[]; b: string[] } {
    const a: string[] = [];
    const b: string[] = [];
    for (const key of this.keys) {
      const [first, second] = key.split("|") as [string, string];
      a.push(first);
      b.push(second);
    }
    return { a, b };
  }

  /** The people hidden from `personId`'s neighbourhood. */
  neighboursOf(personId: string): string[] {
    const result: string[] = [];
    for (const key of this.keys) {
      const [a, b] = key.split("|") as [string, string];
      if (a === personId) result.push(b);
      else if (b === personId) result.push(a);
    }
    return result;
  }
}

/** Every hidden pair, from every member's blocklist. One query; a domain entry matches addresses `…@domain`. */
export async function loadHiddenEdgePairs(db: Pick<Db, "$queryRaw">): Promise<HiddenEdgePairs> {
  const rows = await db.$queryRaw<Array<{ a: string; b: string }>>`
    SELECT u."personId"::text AS a, be."personId"::text AS b
      FROM "BlocklistEntry" be JOIN "User" u ON u.id = be."userId"
     WHERE u."personId" IS NOT NULL AND be."personId" IS NOT NULL
    UNION
    SELECT u."personId"::text AS a, p.id::text AS b
      FROM "BlocklistEntry" be JOIN "User" u ON u.id = be."userId"
      JOIN "Person" p ON EXISTS (SELECT 1 FROM unnest(p.emails) AS e(address) WHERE e.address LIKE '%@' || be.domain)
     WHERE u."personId" IS NOT NULL AND be.domain IS NOT NULL`;
  return new HiddenEdgePairs(rows.map((row) => [row.a, row.b] as const));
}

/** Changes whenever a blocklist changes (part of the graph snapshot's staleness stamp). */
export async function blocklistStamp(db: Pick<Db, "$queryRaw">): Promise<string> {
  const [row] = await db.$queryRaw<Array<{ stamp: string }>>`
    SELECT concat_ws('|', (SELECT count(*) FROM "BlocklistEntry")::text, (SELECT max("createdAt") FROM "BlocklistEntry")::text,
      (SELECT md5(coalesce(string_agg(id::text, ',' ORDER BY id), '')) FROM "BlocklistEntry")) AS stamp`;
  return row?.stamp ?? "";
}
