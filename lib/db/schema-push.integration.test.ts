// db:push offline: from the migrated schema to a changed one and back, refusing data loss unless forced.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recreateDatabase } from "../testing/test-database";
import { applyMigrations } from "./migrations";
import { SchemaEngineSession } from "./schema-engine";
import { destructiveStatements, pushSchema } from "./schema-push";

const withDatabase = (url: string, name: string) => Object.assign(new URL(url), { pathname: `/${name}` }).toString();
const scratchUrl = withDatabase(process.env.DATABASE_URL ?? "", "wig_push_check");
const original = readFileSync(join(process.cwd(), "prisma", "schema.prisma"), "utf8");
const snapshot = readFileSync(join(process.cwd(), "prisma", "migrations", "schema.snapshot.prisma"), "utf8");
const changed = original.replace("  title            String?\n", "  title            String?\n  nickname         String?\n");
let engine: SchemaEngineSession;

async function columns(): Promise<string[]> {
  const client = new pg.Client({ connectionString: scratchUrl });
  await client.connect();
  const { rows } = await client.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns WHERE table_name = 'Person' ORDER BY 1`,
  );
  await client.end();
  return rows.map((row) => row.column_name);
}

beforeAll(async () => {
  await recreateDatabase(withDatabase(scratchUrl, "postgres"), "wig_push_check");
  await applyMigrations(scratchUrl);
  engine = await SchemaEngineSession.open(scratchUrl, { path: "schema.prisma", content: original });
});
afterAll(() => engine?.close());

describe("pushSchema", () => {
  it("adds, then refuses to drop without consent, then drops with it", async () => {
    expect(changed).not.toBe(original);
    const unchanged = await pushSchema(scratchUrl, engine, { path: "schema.prisma", content: original }, { snapshot, acceptDataLoss: false });
    expect(unchanged).toMatchObject({ statements: "", executed: false });

    const added = await pushSchema(scratchUrl, engine, { path: "schema.prisma", content: changed }, { snapshot, acceptDataLoss: false });
    expect(added.executed).toBe(true);
    expect(await columns()).toContain("nickname");

    const refused = await pushSchema(scratchUrl, engine, { path: "schema.prisma", content: original }, { snapshot, acceptDataLoss: false });
    expect(refused.executed).toBe(false);
    expect(refused.destructive.join(" ")).toMatch(/DROP COLUMN "nickname"/);
    expect(await columns()).toContain("nickname");

    const forced = await pushSchema(scratchUrl, engine, { path: "schema.prisma", content: original }, { snapshot, acceptDataLoss: true });
    expect(forced.executed).toBe(true);
    expect(await columns()).not.toContain("nickname");
  });
});

describe("destructiveStatements", () => {
  it("flags drops and type changes, not additions", () => {
    const script = `ALTER TABLE "Person" ADD COLUMN "x" TEXT;\nALTER TABLE "Person" DROP COLUMN "y";\nDROP TABLE "Z";\nCREATE INDEX "i" ON "Person"("x");`;
    expect(destructiveStatements(script)).toEqual([`ALTER TABLE "Person" DROP COLUMN "y"`, `DROP TABLE "Z"`]);
  });
});
