// schema.prisma and prisma/migrations must describe the same database. We build one database from the
// migrations (the integration database) and one straight from schema.prisma (Prisma's own engine, as
// `db push` would), then compare their catalogs. Objects only migrations can express are listed in
// sql-only-objects.ts: ignored in the comparison, and required to exist.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { indexNames, readCatalog } from "../testing/catalog";
import { recreateDatabase } from "../testing/test-database";
import { SchemaEngineSession } from "./schema-engine";
import { SQL_ONLY_EXTENSIONS, SQL_ONLY_INDEXES } from "./sql-only-objects";

const migrationsUrl = process.env.DATABASE_URL ?? "";
const withDatabase = (url: string, name: string) => {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
};
const adminUrl = withDatabase(migrationsUrl, "postgres");
const schemaUrl = withDatabase(migrationsUrl, "wig_schema_check");
const schema = { path: "schema.prisma", content: readFileSync(join(process.cwd(), "prisma", "schema.prisma"), "utf8") };
let engine: SchemaEngineSession;

beforeAll(async () => {
  await recreateDatabase(adminUrl, "wig_schema_check");
  engine = await SchemaEngineSession.open(schemaUrl, schema);
  const script = await engine.diffScript("empty", schema);
  const client = new pg.Client({ connectionString: schemaUrl });
  await client.connect();
  await client.query(script);
  await client.end();
});

afterAll(async () => {
  engine?.close();
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS wig_schema_check WITH (FORCE)`);
  await client.end();
});

describe("schema.prisma and the migrations", () => {
  it("produce the same tables, columns, constraints, indexes and enums", async () => {
    const fromMigrations = await readCatalog(migrationsUrl, SQL_ONLY_INDEXES);
    const fromSchema = await readCatalog(schemaUrl);
    expect(fromMigrations.columns).toEqual(fromSchema.columns);
    expect(fromMigrations.constraints).toEqual(fromSchema.constraints);
    expect(fromMigrations.indexes).toEqual(fromSchema.indexes);
    expect(fromMigrations.enums).toEqual(fromSchema.enums);
    expect(fromMigrations.extensions.filter((name) => !SQL_ONLY_EXTENSIONS.includes(name))).toEqual(fromSchema.extensions);
    expect(fromSchema.columns.length).toBeGreaterThan(50);
  });

  it("include the SQL-only objects the schema cannot declare", async () => {
    const names = await indexNames(migrationsUrl);
    for (const index of SQL_ONLY_INDEXES) expect(names).toContain(index);
  });

  it("keep the snapshot `npm run migrate` diffs against in step with schema.prisma", async () => {
    const snapshot = readFileSync(join(process.cwd(), "prisma", "migrations", "schema.snapshot.prisma"), "utf8");
    const pending = await engine.diffScript({ path: "schema.prisma", content: snapshot }, schema);
    expect(pending.trim()).toMatch(/^(-- This is an empty migration\.?)?$/);
  });
});
