// Default identity resolution: exact identifiers only. An observation resolves to the person already
// linked to its source record (PersonIdentity), else to a non-deleted person sharing any normalized email,
// else a LinkedIn slug or another network handle, else a new person. New names, emails, phones and handles
// are unioned into the matched person. One lookup per batch, one insert and one update statement per batch.
import { randomUUID } from "node:crypto";
import type { SqlRunner } from "../../db/sql-runner";
import { bulkSqlOf } from "./bulk-sql";
import { timed } from "./phase-timings";
import { SQL_NOW } from "./sql";
import type { IdentityObservation, IdentityResolver, ResolvedIdentity, ResolveStats, Tx } from "./types";

interface PersonRow {
  id: string;
  names: string[];
  emails: string[];
  phones: string[];
  socialHandles: Record<string, string> | null;
  title: string | null;
  organizationId: string | null;
}

interface Working extends PersonRow {
  isNew: boolean;
  dirty: boolean;
}

const handleKey = (network: string, value: string) => `${network}:${value}`;
const identityKey = (sourceName: string, sourceId: string) => `${sourceName}\u0000${sourceId}`;

export class ExactIdentityResolver implements IdentityResolver {
  async resolve(tx: Tx, observations: readonly IdentityObservation[], stats: ResolveStats): Promise<ResolvedIdentity[]> {
    if (observations.length === 0) return [];
    const sql = await bulkSqlOf(tx);
    const { known, rows } = await timed("people.lookup", async () => {
      // The run's own rows are not in the planner's statistics yet: keep the identity lookup on its unique index.
      await sql.exec("SET LOCAL enable_seqscan = off");
      let known: Map<string, string>;
      let rows: PersonRow[];
      try {
        known = await this.knownIdentities(sql, observations);
        // Only observations no source record leads to need a search by email or handle: a person found by
        // id brings their identifiers along, and the search still covers every identifier of the rest.
        const unresolved = observations.filter((observation) => observation.sourceId === null || !known.has(identityKey(observation.sourceName, observation.sourceId)));
        rows = await this.candidates(sql, unresolved, [...new Set(known.values())]);
      } finally {
        await sql.exec("SET LOCAL enable_seqscan = on");
      }
      return { known, rows };
    });

    const byId = new Map<string, Working>();
    const byEmail = new Map<string, Working>();
    const byHandle = new Map<string, Working>();
    const index = (person: Working) => {
      byId.set(person.id, person);
      for (const email of person.emails) if (!byEmail.has(email)) byEmail.set(email, person);
      for (const [network, value] of Object.entries(person.socialHandles ?? {})) {
        const key = handleKey(network, value);
        if (!byHandle.has(key)) byHandle.set(key, person);
      }
    };
    for (const row of rows) index({ ...row, isNew: false, dirty: false });

    const matched = new Set<string>();
    const results: ResolvedIdentity[] = [];
    for (const observation of observations) {
      const knownId = observation.sourceId === null ? undefined : known.get(identityKey(observation.sourceName, observation.sourceId));
      let person = knownId ? byId.get(knownId) : undefined;
      for (const email of observation.emails) person ??= byEmail.get(email);
      if (!person && observation.handles.linkedin) person = byHandle.get(handleKey("linkedin", observation.handles.linkedin));
      for (const [network, value] of Object.entries(observation.handles)) person ??= byHandle.get(handleKey(network, value));
      if (!person) {
        person = { id: randomUUID(), names: [], emails: [], phones: [], socialHandles: null, title: null, organizationId: null, isNew: true, dirty: true };
        stats.peopleCreated += 1;
      } else if (!person.isNew && !matched.has(person.id)) {
        matched.add(person.id);
        stats.peopleMatched += 1;
      }
      if (merge(person, observation)) person.dirty = true;
      index(person);
      results.push({ personId: person.id, created: person.isNew });
    }

    const created = [...byId.values()].filter((person) => person.isNew);
    const changed = [...byId.values()].filter((person) => !person.isNew && person.dirty);
    stats.peopleUpdated += changed.length;
    await timed("people.write", () => this.write(sql, created, changed));
    await timed("people.identities", () => this.remember(sql, observations, results, known));
    return results;
  }

  private async knownIdentities(sql: SqlRunner, observations: readonly IdentityObservation[]): Promise<Map<string, string>> {
    const withId = observations.filter((observation) => observation.sourceId !== null);
    if (withId.length === 0) return new Map();
    // One probe of the (sourceName, sourceId) index per observation, then the person's primary key. As a
    // plain join the planner, with the run's rows missing from its statistics, read every live person and
    // their identities by personId instead: 165 ms a batch at 37k people, growing with the table.
    const rows = await sql.query<{ sourceName: string; sourceId: string; personId: string }>(
      `SELECT k.source_name AS "sourceName", k.source_id AS "sourceId", x.person_id AS "personId"
         FROM unnest($1::text[], $2::text[]) AS k(source_name, source_id)
         CROSS JOIN LATERAL (
           SELECT pi."personId" AS person_id FROM "PersonIdentity" pi JOIN "Person" p ON p.id = pi."personId"
            WHERE pi."sourceName" = k.source_name AND pi."sourceId" = k.source_id AND p."deletedAt" IS NULL OFFSET 0) x`,
      [withId.map((observation) => observation.sourceName), withId.map((observation) => observation.sourceId)],
    );
    return new Map(rows.map((row) => [identityKey(row.sourceName, row.sourceId), row.personId]));
  }

  /**
   * The live people holding any of `ids`, or any email or handle of `observations`, oldest first (so when
   * several people share an identifier the same one wins every time).
   */
  private async candidates(sql: SqlRunner, observations: readonly IdentityObservation[], ids: string[]): Promise<PersonRow[]> {
    const emails = [...new Set(observations.flatMap((observation) => observation.emails))];
    const handlesByNetwork = new Map<string, Set<string>>();
    for (const observation of observations) {
      for (const [network, value] of Object.entries(observation.handles)) {
        const values = handlesByNetwork.get(network) ?? new Set();
        values.add(value);
        handlesByNetwork.set(network, values);
      }
    }
    const columns = `p.id, p.names, p.emails, p.phones, p."socialHandles", p.title, p."organizationId"`;
    if (handlesByNetwork.size === 0) {
      // Emails only (a mailbox, a calendar, contacts): one GIN probe per address, and the ids by primary key.
      // Probes scan the index's pending list, where the previous batch's new people still sit: merge it first
      // (a few ms for a batch's people; work owed anyway), in a subtransaction so that a role not allowed to
      // merge it just keeps the slower probes. Measured with a batch's 1,900 addresses: 36–57 ms against
      // 52–92 ms for the pass over Person below at 37k people, ~125 ms against 175–200 ms at 100k. Most of a
      // mailbox's addresses are found by their source record anyway, so few are searched after its first batches.
      if (emails.length > 0) {
        await sql.exec(`DO $$ BEGIN PERFORM gin_clean_pending_list('"Person_emails_idx"'::regclass); EXCEPTION WHEN OTHERS THEN NULL; END $$`);
      }
      // Each wanted id fetched by its own primary-key probe (LATERAL … OFFSET 0): as `id IN (…)` the planner,
      // without statistics for the run's rows, hashed the ids and read every live person (86 ms against 25–38).
      return sql.query<PersonRow>(
        `SELECT ${columns}
           FROM (SELECT unnest($2::uuid[]) AS id
                 UNION SELECT x.id FROM unnest($1::text[]) AS e(email)
                       CROSS JOIN LATERAL (SELECT q.id FROM "Person" q WHERE q.emails @> ARRAY[e.email] OFFSET 0) x) wanted
           CROSS JOIN LATERAL (SELECT * FROM "Person" q WHERE q.id = wanted.id OFFSET 0) p
          WHERE p."deletedAt" IS NULL
          ORDER BY p."createdAt", p.id`,
        [emails, ids],
      );
    }
    // With handles: one pass over Person with hashed lookups (no index covers socialHandles). A bound array
    // is a constant in the (custom) plan, so `x = ANY($n)` probes a hash table. Measured at 10,000 people and
    // 400 wanted emails: 29 ms, against 160-210 ms for the GIN index as one `emails && $n` and 560 ms for the
    // sequential `&&` the planner picks without statistics.
    const params: unknown[] = [emails, ids];
    const handleTests = [...handlesByNetwork].map(([network, values]) => {
      params.push(network, [...values]);
      return `(p."socialHandles" ->> $${params.length - 1}::text) = ANY($${params.length}::text[])`;
    });
    await sql.exec("SET LOCAL enable_seqscan = on");
    return sql.query<PersonRow>(
      `SELECT ${columns}
         FROM "Person" p
        WHERE p."deletedAt" IS NULL
          AND (p.id = ANY($2::uuid[]) OR EXISTS (SELECT 1 FROM unnest(p.emails) AS e(email) WHERE e.email = ANY($1::text[]))
               ${handleTests.map((test) => `OR ${test}`).join(" ")})
        ORDER BY p."createdAt", p.id`,
      params,
    );
  }

  private async write(sql: SqlRunner, created: Working[], changed: Working[]): Promise<void> {
    if (created.length > 0) {
      const columns = personColumns(created);
      await sql.exec(
        `INSERT INTO "Person" (id, names, emails, phones, "socialHandles", title, "organizationId", "previousIds", "createdAt", "updatedAt")
         SELECT d.id, ${ARRAY_COLUMNS}, d.handles::jsonb, d.title, d.org, '{}'::uuid[], ${SQL_NOW}, ${SQL_NOW}
           FROM ${UNNEST_PEOPLE}`,
        columns,
      );
    }
    if (changed.length > 0) {
      const columns = personColumns(changed);
      await sql.exec(
        `UPDATE "Person" p SET (names, emails, phones, "socialHandles", title, "organizationId") = (SELECT ${ARRAY_COLUMNS}, d.handles::jsonb, d.title, d.org),
                "updatedAt" = ${SQL_NOW}
           FROM ${UNNEST_PEOPLE} WHERE p.id = d.id`,
        columns,
      );
    }
  }

  /** PersonIdentity rows for observations not linked yet (a re-import writes none), as one `unnest` INSERT. */
  private async remember(sql: SqlRunner, observations: readonly IdentityObservation[], results: ResolvedIdentity[], known: Map<string, string>): Promise<void> {
    const ids: string[] = [];
    const personIds: string[] = [];
    const sourceNames: string[] = [];
    const sourceIds: string[] = [];
    const observedAt: Array<string | null> = [];
    observations.forEach((observation, i) => {
      const personId = results[i]?.personId;
      if (observation.sourceId === null || !personId || known.has(identityKey(observation.sourceName, observation.sourceId))) return;
      ids.push(randomUUID());
      personIds.push(personId);
      sourceNames.push(observation.sourceName);
      sourceIds.push(observation.sourceId);
      observedAt.push(observation.observedAt?.toISOString() ?? null);
    });
    if (ids.length === 0) return;
    await sql.exec(
      `INSERT INTO "PersonIdentity" (id, "personId", "sourceName", "sourceId", "observedAt", "createdAt")
       SELECT d.id, d.person_id, d.source_name, d.source_id, d.observed_at::timestamp, ${SQL_NOW}
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[]) AS d(id, person_id, source_name, source_id, observed_at)
       ON CONFLICT ("sourceName", "sourceId") DO NOTHING`,
      [ids, personIds, sourceNames, sourceIds, observedAt],
    );
  }
}

/**
 * People as column arrays for one `unnest` statement (cheaper for PostgreSQL than a JSON document): list
 * columns are joined with the unit separator, which no name, email, phone or handle contains (it is
 * removed from values beforehand, as the control character it is).
 */
const SEPARATOR = "\u001f";
const joinList = (values: readonly string[]) => values.map((value) => value.replaceAll(SEPARATOR, "")).join(SEPARATOR);
const ARRAY_COLUMNS = `string_to_array(d.names, E'\\x1f'), string_to_array(d.emails, E'\\x1f'), string_to_array(d.phones, E'\\x1f')`;
const UNNEST_PEOPLE = `unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::uuid[]) AS d(id, names, emails, phones, handles, title, org)`;

function personColumns(people: readonly Working[]): unknown[] {
  const ids: string[] = [];
  const names: string[] = [];
  const emails: string[] = [];
  const phones: string[] = [];
  const handles: Array<string | null> = [];
  const titles: Array<string | null> = [];
  const orgs: Array<string | null> = [];
  for (const person of people) {
    ids.push(person.id);
    names.push(joinList(person.names));
    emails.push(joinList(person.emails));
    phones.push(joinList(person.phones));
    handles.push(person.socialHandles ? JSON.stringify(person.socialHandles) : null);
    titles.push(person.title ?? null);
    orgs.push(person.organizationId ?? null);
  }
  return [ids, names, emails, phones, handles, titles, orgs];
}

/** Unions the observation into the person; true when anything changed. */
function merge(person: Working, observation: IdentityObservation): boolean {
  let changed = false;
  const union = (target: string[], values: readonly string[]) => {
    for (const value of values) {
      if (!target.includes(value)) {
        target.push(value);
        changed = true;
      }
    }
  };
  union(person.names, observation.names);
  union(person.emails, observation.emails);
  union(person.phones, observation.phones);
  for (const [network, value] of Object.entries(observation.handles)) {
    if (person.socialHandles?.[network] === undefined) {
      person.socialHandles = { ...(person.socialHandles ?? {}), [network]: value };
      changed = true;
    }
  }
  if (!person.title && observation.title) {
    person.title = observation.title;
    changed = true;
  }
  if (!person.organizationId && observation.organizationId) {
    person.organizationId = observation.organizationId;
    changed = true;
  }
  return changed;
}
