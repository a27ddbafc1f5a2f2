// The pairs of people whose edges a run must recompute, read back from the database rather than kept in
// memory: every interaction of the run's source created since the run started (its own rows, whichever
// attempt wrote them), with its participants resolved to people the way the identity resolver does
// (PersonIdentity of the participant key, else a shared email, else a network handle; oldest person first).
// So an import resumed after a crash recomputes exactly the pairs an uninterrupted one would.
import type { Tx } from "./types";

/** Past this many participants only the starter's pairs are touched (a 200-person thread is not 19,900 ties). */
const MAX_FULL_PAIR_GROUP = 50;

/** Interactions read per page: memory stays bounded by the distinct pairs and keys, not the run's size. */
const PAGE = 20_000;

export async function touchedPairsSince(tx: Tx, sourceName: string, since: Date): Promise<Set<string>> {
  const pairs = new Set<string>();
  const personOfKey = new Map<string, string | null>();
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const rows = await tx.$queryRawUnsafe<Array<{ id: string; participants: string[] }>>(
      `SELECT id, participants FROM "Interaction" WHERE "sourceName" = $1 AND "createdAt" >= $2::timestamp AND id > $3::uuid ORDER BY id LIMIT ${PAGE}`,
      sourceName,
      since.toISOString(),
      after,
    );
    if (rows.length === 0) break;
    after = rows[rows.length - 1]?.id ?? after;
    const unknown = [...new Set(rows.flatMap((row) => row.participants))].filter((key) => !personOfKey.has(key));
    if (unknown.length > 0) {
      const found = await peopleOfKeys(tx, sourceName, unknown);
      for (const key of unknown) personOfKey.set(key, found.get(key) ?? null);
    }
    for (const row of rows) {
      const ids = [...new Set(row.participants.map((key) => personOfKey.get(key)).filter((id): id is string => typeof id === "string"))];
      const starters = ids.length > MAX_FULL_PAIR_GROUP ? ids.slice(0, 1) : ids;
      for (const a of starters) {
        for (const b of ids) {
          if (a !== b) pairs.add(a < b ? `${a} ${b}` : `${b} ${a}`);
        }
      }
    }
    if (rows.length < PAGE) break;
  }
  return pairs;
}

async function peopleOfKeys(tx: Tx, sourceName: string, keys: string[]): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  const known = await tx.$queryRawUnsafe<Array<{ sourceId: string; personId: string }>>(
    `SELECT pi."sourceId", pi."personId" FROM "PersonIdentity" pi JOIN "Person" p ON p.id = pi."personId" AND p."deletedAt" IS NULL
      WHERE pi."sourceName" = $1 AND pi."sourceId" = ANY($2::text[])`,
    sourceName,
    keys,
  );
  for (const row of known) result.set(row.sourceId, row.personId);

  const rest = keys.filter((key) => !result.has(key));
  const emails = rest.filter((key) => key.includes("@") && !/^[a-z_]+:/.test(key));
  const handles = new Map<string, string[]>();
  for (const key of rest) {
    const match = /^([a-z_]+):(.+)$/.exec(key);
    if (match?.[1] && match[2] && !key.includes("@")) handles.set(match[1], [...(handles.get(match[1]) ?? []), match[2]]);
  }
  const params: unknown[] = [emails];
  const handleTests = [...handles].map(([network, values]) => {
    params.push(network, values);
    return `("socialHandles" ->> $${params.length - 1}::text) = ANY($${params.length}::text[])`;
  });
  if (emails.length === 0 && handleTests.length === 0) return result;
  // Hashed lookups in one pass (see exact-identity-resolver.ts for the measurements).
  const people = await tx.$queryRawUnsafe<Array<{ id: string; emails: string[]; socialHandles: Record<string, string> | null }>>(
    `SELECT id, emails, "socialHandles" FROM "Person" p
      WHERE "deletedAt" IS NULL
        AND (EXISTS (SELECT 1 FROM unnest(p.emails) AS e(email) WHERE e.email = ANY($1::text[])) ${handleTests.map((test) => `OR ${test}`).join(" ")})
      ORDER BY "createdAt", id`,
    ...params,
  );
  const byEmail = new Map<string, string>();
  const byHandle = new Map<string, string>();
  for (const person of people) {
    for (const email of person.emails) if (!byEmail.has(email)) byEmail.set(email, person.id);
    for (const [network, value] of Object.entries(person.socialHandles ?? {})) {
      const key = `${network}:${value}`;
      if (!byHandle.has(key)) byHandle.set(key, person.id);
    }
  }
  for (const key of rest) {
    const id = byEmail.get(key) ?? byHandle.get(key);
    if (id) result.set(key, id);
  }
  return result;
}
