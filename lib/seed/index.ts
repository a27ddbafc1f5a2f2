// Seeding entry points for `npm run seed`, `npm run seed:demo`, `migrate:reset` and the first `npm start`.
//   seedDatabase(url)                 the contract seed (3 orgs, 8 people, 8 edges, 5 interactions, 4 sync states, 3 audit logs)
//   seedDatabase(url, { demo: true }) the contract seed plus the generated demo network (~2,100 people, 20,000 interactions),
//                                     its sources' past import runs, then identity resolution over it (its duplicate
//                                     records: merges and review candidates)
// Both are re-runnable: fixed ids, upserts for the contract rows, ON CONFLICT DO NOTHING for the demo rows.
import pg from "pg";
import { newCorrelationId, runInOperation } from "../audit/correlation";
import { createPrismaClient } from "../db/client";
import { parseDatabaseUrl } from "../db/connection-url";
import { resolvePeople } from "../identity/resolve/resolve-people";
import { writeContractSeed } from "./contract-seed";
import { generateDemoNetwork } from "./demo/generate-demo-network";
import { generateDemoSyncRuns } from "./demo/generate-sync-runs";
import { DEMO_ADMIN_EMAIL } from "./demo/team";
import { writeDemoNetwork, writeDemoSyncRuns, type TableWriteResult } from "./demo/write-demo-network";
import { writeDemoUsers } from "./demo-users";

export { DEMO_ADMIN_EMAIL, DEMO_MEMBER_EMAIL, DEMO_TEAM_EMAILS } from "./demo/team";
export { CONTRACT_SEED_COUNTS } from "./contract-seed";

export interface SeedOptions {
  /** Also write the generated demo network. */
  demo?: boolean;
}

const count = (value: number): string => value.toLocaleString("en-US");
const describe = (label: string, { total, inserted }: TableWriteResult): string =>
  `${count(total)} ${label}${inserted === total ? "" : ` (${count(inserted)} new)`}`;

/** Seeds the database and returns a one-line summary of what the seed holds (and what was new). */
export async function seedDatabase(databaseUrl: string, options: SeedOptions = {}): Promise<string> {
  const prisma = createPrismaClient(databaseUrl);
  let contract: string;
  try {
    const counts = await writeContractSeed(prisma);
    contract =
      `contract seed: ${counts.organizations} organizations, ${counts.people} people, ${counts.edges} edges, ` +
      `${counts.interactions} interactions, ${counts.syncStates} sync states, ${counts.auditLogs} audit logs`;
  } finally {
    await prisma.$disconnect();
  }
  if (!options.demo) return contract;

  const network = generateDemoNetwork();
  const written = await writeDemoNetwork(databaseUrl, network);
  const client = createPrismaClient(databaseUrl);
  let usersCreated: number;
  let syncRuns: TableWriteResult;
  let resolution = "";
  try {
    usersCreated = await writeDemoUsers(client);
    const admin = await client.user.findUnique({ where: { email: DEMO_ADMIN_EMAIL }, select: { id: true } });
    syncRuns = await writeDemoSyncRuns(databaseUrl, generateDemoSyncRuns(network), admin?.id ?? null);
    // The demo holds duplicate records (demo/generate-duplicates.ts): resolve them as an import resolves
    // the people it wrote, once, when they are first written, so the merge review queue and its history
    // have something in them. Scoped to those records: a database with real data besides the demo sees no
    // merge or candidate it did not ask for.
    if (written.people.inserted > 0) {
      const personIds = network.duplicates.map((duplicate) => duplicate.personId);
      const result = await runInOperation({ correlationId: newCorrelationId("seed"), actorId: null }, () => resolvePeople(client, { personIds }));
      resolution = `; identity resolution: ${result.autoMerged} merged automatically, ${result.queued} queued for review at /merges`;
    }
  } finally {
    await client.$disconnect();
  }
  const demo = [
    describe("organizations", written.organizations),
    describe("people", written.people),
    describe("interactions", written.interactions),
    describe("source identities", written.identities),
    describe("edges", written.edges),
    describe("past import runs", syncRuns),
  ].join(", ");
  return `${contract}; demo network: ${demo}; ${usersCreated} demo sign-in account(s) created (see the README)${resolution}`;
}

/** True when the database has no Person rows at all (soft-deleted ones count as rows). */
export async function isDatabaseEmpty(databaseUrl: string): Promise<boolean> {
  const parsed = parseDatabaseUrl(databaseUrl);
  const client = new pg.Client({ connectionString: parsed.connectionString });
  await client.connect();
  try {
    const table = parsed.schema ? `"${parsed.schema.replaceAll('"', '""')}"."Person"` : `"Person"`;
    const { rows } = await client.query<{ present: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${table}) AS present`);
    return rows[0]?.present !== true;
  } finally {
    await client.end().catch(() => undefined);
  }
}
