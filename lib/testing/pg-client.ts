// A node-postgres client on the integration tier's database for one test file: connected before its tests,
// closed after them. For code that takes a plain client (the recomputes) and for reading PostgreSQL's own
// counters inside a transaction the test controls.
import pg from "pg";
import { afterAll, beforeAll } from "vitest";

/** Call at the top of a test file; the returned getter gives the connected client inside tests. */
export function usePgClient(): () => pg.Client {
  let client: pg.Client | undefined;
  beforeAll(async () => {
    client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
  });
  return () => {
    if (!client) throw new Error("usePgClient: the client is connected in beforeAll; use it inside tests.");
    return client;
  };
}
