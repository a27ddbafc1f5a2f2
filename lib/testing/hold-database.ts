// A stand-in CLI for integration tests: opens the database exactly as the CLIs do (runCli, openDatabase
// with allowShared) and prints "ready <kind>"; each "query" line on stdin runs a query on its own
// connection ("query ok" / "query failed: …"); it finishes normally when stdin ends (or on a signal).
import { createInterface } from "node:readline";
import pg from "pg";
import { openDatabase } from "../db/runtime";
import { runCli } from "../../scripts/lib/cli";

async function query(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const { rows } = await client.query<{ name: string }>("SELECT current_database() AS name");
    return `query ok ${rows[0]?.name}`;
  } catch (error) {
    return `query failed: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

runCli("hold-database", async () => {
  const handle = await openDatabase({ allowShared: true, onNotice: (line) => console.log(line) });
  console.log(`ready ${handle.kind}`);
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    if (line.trim() === "query") console.log(await query(handle.url));
  }
  return 0;
});
