// npm run migrate | migrate:deploy | migrate:reset | db:push — Prisma's migrate workflow, offline.
//   migrate [--name <name>]   create a migration from schema changes (diff against the schema of the last
//                             migration, by Prisma's WebAssembly schema engine), then apply pending ones
//   migrate:deploy            apply pending migrations (production)
//   migrate:reset --force     drop everything, re-apply all migrations, re-seed
//   db:push [--force]         make the database match schema.prisma without a migration (prototyping only;
//                             see lib/db/schema-push.ts for how it knows the current schema offline)
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { applyMigrations, MIGRATIONS_DIR, resetDatabaseSchema, type MigrationResult } from "../../lib/db/migrations";
import { openDatabase } from "../../lib/db/runtime";
import { SchemaEngineSession } from "../../lib/db/schema-engine";
import { pushSchema } from "../../lib/db/schema-push";
import { CliUsageError, parseCliArgs, runCli } from "../lib/cli";
import { seedDatabase } from "../../lib/seed";

const SCHEMA_PATH = join(process.cwd(), "prisma", "schema.prisma");
/** schema.prisma as of the newest migration: what `migrate` diffs against (introspection is not available offline). */
export const SNAPSHOT_PATH = join(MIGRATIONS_DIR, "schema.snapshot.prisma");

function report(result: MigrationResult): void {
  for (const name of result.applied) console.log(`  applied  ${name}`);
  for (const name of result.modified) console.warn(`  warning  ${name} was edited after it was applied (checksum differs)`);
  if (result.applied.length === 0) console.log(`Database is up to date (${result.alreadyApplied.length} migrations applied).`);
  else console.log(`Applied ${result.applied.length} migration(s).`);
}

const USAGE = [
  "usage: npm run migrate -- [--name <name>]   create a migration from changes to prisma/schema.prisma and apply it",
  "       npm run migrate:deploy               apply pending migrations",
  "       npm run migrate:reset -- --force [--skip-seed]   drop everything, re-apply all migrations, re-seed",
  "       npm run db:push [-- --force]         make the database match schema.prisma without a migration",
].join("\n");

function timestamp(): string {
  return new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

runCli("migrate", async () => {
  const { values, positionals } = parseCliArgs({
    name: { type: "string" },
    force: { type: "boolean", default: false },
    "skip-seed": { type: "boolean", default: false },
  });
  const mode = positionals[0];
  if (!mode || !["dev", "deploy", "reset", "push"].includes(mode)) {
    throw new CliUsageError(USAGE);
  }
  const db = await openDatabase({ allowShared: true, onNotice: (line) => console.log(line) });
  try {
    if (mode === "deploy") {
      report(await applyMigrations(db.url));
      return;
    }
    if (mode === "reset") {
      if (!values.force) throw new CliUsageError("migrate:reset drops every table and its data. Run it again with `-- --force` to confirm.");
      await resetDatabaseSchema(db.url);
      report(await applyMigrations(db.url));
      if (!values["skip-seed"]) {
        const summary = await seedDatabase(db.url);
        console.log(`Seeded: ${summary}`);
      }
      return;
    }
    const schema = { path: "schema.prisma", content: readFileSync(SCHEMA_PATH, "utf8") };
    const engine = await SchemaEngineSession.open(db.url, schema);
    try {
      if (mode === "push") {
        const snapshot = existsSync(SNAPSHOT_PATH) ? readFileSync(SNAPSHOT_PATH, "utf8") : undefined;
        const pushed = await pushSchema(db.url, engine, schema, { snapshot, acceptDataLoss: values.force });
        if (pushed.statements === "") {
          console.log("The database already matches schema.prisma.");
        } else if (!pushed.executed) {
          for (const statement of pushed.destructive) console.warn(`  would lose data: ${statement.split("\n")[0]}`);
          throw new CliUsageError("db:push would lose data (see above). Re-run with `-- --force` to accept.");
        } else {
          console.log(pushed.statements);
          console.log("db:push applied the statements above. Use `npm run migrate` for anything you share.");
        }
        return;
      }
      const previous = existsSync(SNAPSHOT_PATH) ? { path: "schema.prisma", content: readFileSync(SNAPSHOT_PATH, "utf8") } : "empty";
      const sql = (await engine.diffScript(previous, schema)).trim();
      const isEmpty = sql === "" || /^-- This is an empty migration\.?$/.test(sql);
      if (!isEmpty) {
        const name = (values.name ?? "change").toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "") || "change";
        const folder = join(MIGRATIONS_DIR, `${timestamp()}_${name}`);
        mkdirSync(folder, { recursive: true });
        writeFileSync(join(folder, "migration.sql"), `${sql}\n`);
        writeFileSync(SNAPSHOT_PATH, schema.content);
        if (!existsSync(join(MIGRATIONS_DIR, "migration_lock.toml"))) {
          writeFileSync(join(MIGRATIONS_DIR, "migration_lock.toml"), '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n');
        }
        console.log(`Created ${folder}/migration.sql`);
      } else {
        console.log("schema.prisma has no changes since the last migration.");
      }
      report(await applyMigrations(db.url));
    } finally {
      engine.close();
    }
  } finally {
    await db.close();
  }
}, { usage: USAGE });
