// npm run seed | seed:demo — populate the database with development data.
//   seed          the contract seed: 3 organizations, 8 people, 8 edges, 5 interactions, 4 sync states, 3 audit logs
//   seed --demo   the contract seed plus the generated demo network (~2,100 people, 20,000 interactions, derived edges)
// Uses DATABASE_URL, or the embedded PostgreSQL (reusing the one a running `npm start` owns). Pending
// migrations are applied first; re-running never duplicates rows.
import { applyMigrations } from "../../lib/db/migrations";
import { openDatabase } from "../../lib/db/runtime";
import { seedDatabase } from "../../lib/seed";
import { CliUsageError, parseCliArgs, runCli } from "../lib/cli";

const USAGE = [
  "usage: npm run seed        the contract seed (3 organizations, 8 people, 8 edges, 5 interactions, 4 sync states, 3 audit logs)",
  "       npm run seed:demo   the contract seed plus the demo network (~2,100 people) and its two sign-in accounts",
  "Re-runnable: existing rows are kept, never duplicated.",
].join("\n");

runCli("seed", async () => {
  const { values, positionals } = parseCliArgs({ demo: { type: "boolean", default: false } });
  // `npm run seed demo` would otherwise quietly seed only the contract data.
  if (positionals.length > 0) throw new CliUsageError(`Unexpected argument "${positionals[0]}".\n${USAGE}`);
  const started = performance.now();
  const db = await openDatabase({ allowShared: true, onNotice: (line) => console.log(line) });
  try {
    const migrations = await applyMigrations(db.url);
    if (migrations.applied.length > 0) console.log(`Applied ${migrations.applied.length} migration(s).`);
    console.log(values.demo ? "Seeding the contract data and the demo network…" : "Seeding the contract data…");
    const summary = await seedDatabase(db.url, { demo: values.demo });
    console.log(`Seeded: ${summary}`);
    console.log(`Done in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  } finally {
    await db.close();
  }
}, { usage: USAGE });
