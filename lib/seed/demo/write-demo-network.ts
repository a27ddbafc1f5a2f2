// Writes a generated demo network with plain `pg`, fast and all-or-nothing: rows go in chunks as one JSON
// parameter each, expanded server-side by json_populate_recordset (one round trip per few thousand rows,
// no 65k-parameter limit), inside ONE transaction so a crash never leaves half a demo. Every INSERT is
// ON CONFLICT DO NOTHING on deterministic ids, so a second run inserts nothing and duplicates nothing.
import pg from "pg";
import { parseDatabaseUrl } from "../../db/connection-url";
import type { DemoSyncRun } from "./generate-sync-runs";
import type { DemoNetwork } from "./types";

const CHUNK_SIZE = 5_000;

export interface TableWriteResult {
  total: number;
  inserted: number;
}

export interface DemoWriteResult {
  organizations: TableWriteResult;
  people: TableWriteResult;
  interactions: TableWriteResult;
  identities: TableWriteResult;
  edges: TableWriteResult;
}

interface InsertSpec {
  table: "Organization" | "Person" | "Interaction" | "PersonIdentity" | "Edge" | "SyncRun";
  /** Columns copied from the JSON rows (their keys match the column names). */
  columns: readonly string[];
  /** Columns filled by an SQL expression instead: timestamps and empty arrays Prisma would otherwise write. */
  computed: Readonly<Record<string, string>>;
  /** Extra condition on the incoming row `r`: rows failing it are not inserted. */
  where?: string;
}

const quote = (identifier: string): string => `"${identifier}"`;

async function insertRows(client: pg.Client, spec: InsertSpec, rows: readonly { id: string }[]): Promise<TableWriteResult> {
  const table = quote(spec.table);
  const targets = [...spec.columns, ...Object.keys(spec.computed)].map(quote).join(", ");
  const values = [...spec.columns.map((column) => `r.${quote(column)}`), ...Object.values(spec.computed)].join(", ");
  const sql = `INSERT INTO ${table} (${targets})
    SELECT ${values} FROM json_populate_recordset(NULL::${table}, $1::json) AS r
    ${spec.where ? `WHERE ${spec.where}` : ""}
    ON CONFLICT DO NOTHING`;
  let inserted = 0;
  for (let start = 0; start < rows.length; start += CHUNK_SIZE) {
    const chunk = rows.slice(start, start + CHUNK_SIZE);
    // On a re-run every row is already there: an index-only id check is far cheaper than shipping and
    // parsing the chunk's JSON only for ON CONFLICT to discard it.
    const present = await client.query<{ count: number }>(`SELECT count(*)::int AS count FROM ${table} WHERE id = ANY($1::uuid[])`, [
      chunk.map((row) => row.id),
    ]);
    if (present.rows[0]?.count === chunk.length) continue;
    // JSON.stringify turns Dates into ISO-8601 UTC strings, which PostgreSQL reads into timestamp(3) as UTC.
    const result = await client.query(sql, [JSON.stringify(chunk)]);
    inserted += result.rowCount ?? 0;
  }
  return { total: rows.length, inserted };
}

const NOW = { updatedAt: "now()" };

/**
 * An organization whose domain already exists under another id (created by an import, say) is not
 * inserted again: its people are attached to the existing row instead.
 */
async function resolveOrganizationIds(client: pg.Client, network: DemoNetwork): Promise<Map<string, string>> {
  const { rows } = await client.query<{ id: string; domain: string }>(
    `SELECT id::text AS id, domain FROM "Organization" WHERE domain = ANY($1::text[])`,
    [network.organizations.map((organization) => organization.domain)],
  );
  const existingByDomain = new Map(rows.map((row) => [row.domain, row.id]));
  return new Map(network.organizations.map((organization) => [organization.id, existingByDomain.get(organization.domain) ?? organization.id]));
}

async function connect(databaseUrl: string): Promise<pg.Client> {
  const parsed = parseDatabaseUrl(databaseUrl);
  const client = new pg.Client({ connectionString: parsed.connectionString });
  await client.connect();
  if (parsed.schema) await client.query(`SET search_path TO ${quote(parsed.schema.replaceAll('"', '""'))}`);
  return client;
}

/** The demo's finished import runs (generate-sync-runs.ts), started by `startedById` (the demo admin). */
export async function writeDemoSyncRuns(databaseUrl: string, runs: readonly DemoSyncRun[], startedById: string | null): Promise<TableWriteResult> {
  const client = await connect(databaseUrl);
  try {
    const columns = ["id", "sourceName", "status", "startedAt", "finishedAt", "createdAt", "rowsRead", "created", "updated", "skipped", "failed",
      "suppressed", "error", "fileName", "fileBytes", "options", "cursor", "progressDone", "progressTotal", "progressUnit", "correlationId", "startedById"];
    return await insertRows(client, { table: "SyncRun", columns, computed: NOW }, runs.map((run) => ({ ...run, startedById })));
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function writeDemoNetwork(databaseUrl: string, network: DemoNetwork): Promise<DemoWriteResult> {
  const client = await connect(databaseUrl);
  try {
    await client.query("BEGIN");
    const organizations = await insertRows(client, { table: "Organization", columns: ["id", "name", "domain", "metadata"], computed: NOW }, network.organizations);
    const organizationIds = await resolveOrganizationIds(client, network);
    const personColumns = ["id", "names", "emails", "phones", "socialHandles", "title", "organizationId", "metadata"];
    const duplicateIds = new Set(network.duplicates.map((duplicate) => duplicate.personId));
    const withOrganization = (people: typeof network.people) =>
      people.map((person) => ({ ...person, organizationId: person.organizationId && (organizationIds.get(person.organizationId) ?? person.organizationId) }));
    const people = await insertRows(
      client,
      { table: "Person", columns: personColumns, computed: { previousIds: "'{}'::uuid[]", ...NOW } },
      withOrganization(network.people.filter((person) => !duplicateIds.has(person.id))),
    );
    // Duplicate records arrive after the people they duplicate: resolution keeps the oldest row of a
    // merge as the survivor, and every row of this transaction would otherwise share now()'s instant.
    const duplicates = await insertRows(
      client,
      { table: "Person", columns: personColumns, computed: { previousIds: "'{}'::uuid[]", createdAt: "clock_timestamp()", ...NOW } },
      withOrganization(network.people.filter((person) => duplicateIds.has(person.id))),
    );
    const interactions = await insertRows(
      client,
      { table: "Interaction", columns: ["id", "sourceId", "sourceName", "timestamp", "participants", "channel", "direction", "metadata"], computed: {} },
      network.interactions,
    );
    // Not for a person soft-deleted or erased since: a re-run must not bring back what erasure removed.
    const livePerson = (column: string) => `NOT EXISTS (SELECT 1 FROM "Person" p WHERE p.id = r."${column}" AND (p."deletedAt" IS NOT NULL OR p."erasedAt" IS NOT NULL))`;
    const identities = await insertRows(
      client,
      { table: "PersonIdentity", columns: ["id", "personId", "sourceName", "sourceId", "observedAt"], computed: {}, where: livePerson("personId") },
      network.identities,
    );
    const edges = await insertRows(
      client,
      {
        table: "Edge",
        columns: ["id", "fromPersonId", "toPersonId", "relationshipType", "strength", "strengthFactors", "sources", "channels",
          "firstSeenAt", "lastSeenAt", "interactionCount"],
        computed: NOW,
        // A re-run must not bring back the edges of a person merged away, soft-deleted or erased since.
        where: `${livePerson("fromPersonId")} AND ${livePerson("toPersonId")}`,
      },
      network.edges,
    );
    await client.query("COMMIT");
    return { organizations, people: { total: people.total + duplicates.total, inserted: people.inserted + duplicates.inserted }, interactions, identities, edges };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}
