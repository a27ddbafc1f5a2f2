// The offline migration runner behaves like `prisma migrate deploy`.
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { beforeEach, describe, expect, it } from "vitest";
import { recreateDatabase } from "../testing/test-database";
import { applyMigrations, checksumOf, MIGRATIONS_DIR, readMigrations } from "./migrations";
import { SchemaEngineSession } from "./schema-engine";

const withDatabase = (url: string, name: string) => Object.assign(new URL(url), { pathname: `/${name}` }).toString();
const adminUrl = withDatabase(process.env.DATABASE_URL ?? "", "postgres");
const scratchUrl = withDatabase(process.env.DATABASE_URL ?? "", "wig_migrations_check");

async function query<T extends pg.QueryResultRow>(sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: scratchUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

beforeEach(() => recreateDatabase(adminUrl, "wig_migrations_check"));

describe("applyMigrations", () => {
  it("records every migration in _prisma_migrations with Prisma's sha256 checksum, once", async () => {
    const migrations = readMigrations();
    expect(migrations.length).toBeGreaterThanOrEqual(2);
    const first = await applyMigrations(scratchUrl);
    expect(first.applied).toEqual(migrations.map((migration) => migration.name));
    const second = await applyMigrations(scratchUrl);
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toHaveLength(migrations.length);

    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((row) => row.migration_name)).toEqual(migrations.map((migration) => migration.name));
    for (const [index, row] of rows.entries()) {
      expect(row.checksum).toBe(checksumOf(migrations[index]!.sql));
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).not.toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it("agrees with Prisma's own migrate-deploy logic: Prisma applies them to an empty database, and ours then has nothing to do", async () => {
    const engine = await SchemaEngineSession.open(scratchUrl, { path: "schema.prisma", content: readFileSync(join(process.cwd(), "prisma", "schema.prisma"), "utf8") });
    try {
      expect(await engine.applyMigrationsLikePrismaDeploy(MIGRATIONS_DIR, readMigrations())).toEqual(readMigrations().map((m) => m.name));
    } finally {
      engine.close();
    }
    expect((await applyMigrations(scratchUrl)).applied).toEqual([]);
  });

  it("leaves nothing for Prisma's own migrate-deploy logic to apply (the tools interoperate)", async () => {
    await applyMigrations(scratchUrl);
    const engine = await SchemaEngineSession.open(scratchUrl, { path: "schema.prisma", content: readFileSync(join(process.cwd(), "prisma", "schema.prisma"), "utf8") });
    try {
      expect(await engine.applyMigrationsLikePrismaDeploy(MIGRATIONS_DIR, readMigrations())).toEqual([]);
    } finally {
      engine.close();
    }
  });

  it("rolls a failing migration back whole and names it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "wig-migrations-"));
    for (const [name, sql] of [
      ["20260101000000_ok", `CREATE TABLE "Good" (id int);`],
      ["20260102000000_broken", `CREATE TABLE "Half" (id int);\nSELECT * FROM "does_not_exist";`],
    ] as const) {
      mkdirSync(join(dir, name));
      writeFileSync(join(dir, name, "migration.sql"), sql);
    }
    await expect(applyMigrations(scratchUrl, readMigrations(dir))).rejects.toThrow(/20260102000000_broken failed and was rolled back/);
    const tables = await query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
    expect(tables.map((table) => table.tablename)).toEqual(["Good", "_prisma_migrations"]);
    const recorded = await query<{ migration_name: string }>(`SELECT migration_name FROM "_prisma_migrations"`);
    expect(recorded.map((row) => row.migration_name)).toEqual(["20260101000000_ok"]);
  });
});
