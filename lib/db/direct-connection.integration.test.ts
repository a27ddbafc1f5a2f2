// directConnectionOf: the node-postgres connection under a Prisma transaction, on a real PostgreSQL.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "../testing/reset-database";
import { bulkClientOf, bulkSqlOf } from "../sources/pipeline/bulk-sql";
import { createPrismaClient, directConnectionOf, prisma } from "./client";
import { sqlRunner } from "./sql-runner";

beforeEach(resetDatabase);

const other = createPrismaClient(process.env.DATABASE_URL as string);
afterAll(() => other.$disconnect());

describe("directConnectionOf", () => {
  it("returns the transaction's own connection: it sees the uncommitted rows and its writes roll back with it", async () => {
    await expect(
      prisma.$transaction(async (tx) => {
        await tx.organization.create({ data: { name: "Uncommitted Co", domain: "uncommitted.example" } });
        const connection = await directConnectionOf(tx);
        expect(connection).not.toBeNull();
        const seen = await connection?.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Organization" WHERE domain = 'uncommitted.example'`);
        expect(seen?.rows[0]?.n).toBe(1);
        await connection?.query(`INSERT INTO "Organization" (id, name, "updatedAt") VALUES (gen_random_uuid(), 'Direct Co', now())`);
        // Outside the transaction neither row exists yet.
        expect(await other.organization.count({ where: { name: { in: ["Uncommitted Co", "Direct Co"] } } })).toBe(0);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await prisma.organization.count({ where: { name: { in: ["Uncommitted Co", "Direct Co"] } } })).toBe(0);
  });

  it("finds each transaction's own connection when two run at once", async () => {
    const names = await Promise.all(
      ["First", "Second"].map((name) =>
        prisma.$transaction(async (tx) => {
          await tx.$executeRawUnsafe(`SELECT set_config('wig.test_name', $1, true)`, name);
          const connection = await directConnectionOf(tx);
          const seen = await connection?.query<{ name: string }>(`SELECT current_setting('wig.test_name', true) AS name`);
          return seen?.rows[0]?.name;
        }),
      ),
    );
    expect(names).toEqual(["First", "Second"]);
  });
});

describe("sqlRunner and bulkSqlOf", () => {
  const insertTwo = `INSERT INTO "Organization" (id, name, "updatedAt") SELECT gen_random_uuid(), n, now() FROM unnest($1::text[]) AS n`;

  it("counts the rows a statement wrote, through Prisma and through node-postgres alike", async () => {
    await prisma.$transaction(async (tx) => {
      expect(await sqlRunner(tx).execute(insertTwo, [["Prisma One", "Prisma Two"]])).toBe(2);
      const connection = await directConnectionOf(tx);
      expect(connection).not.toBeNull();
      if (connection) expect(await sqlRunner(connection).execute(insertTwo, [["Direct One", "Direct Two"]])).toBe(2);
      expect(await sqlRunner(tx).execute(`UPDATE "Organization" SET domain = 'x.example' WHERE name LIKE 'Nobody%'`)).toBe(0);
    });
    expect(await prisma.organization.count()).toBe(4);
  });

  it("finds a transaction's connection once, and runs bulk statements inside that transaction", async () => {
    await expect(
      prisma.$transaction(async (tx) => {
        const client = await bulkClientOf(tx);
        expect(client).not.toBe(tx);
        expect(await bulkClientOf(tx)).toBe(client);
        const runner = await bulkSqlOf(tx);
        await runner.exec(insertTwo, [["Bulk One", "Bulk Two"]]);
        // The transaction itself sees the runner's rows: same connection, same transaction.
        expect(await tx.organization.count({ where: { name: { startsWith: "Bulk" } } })).toBe(2);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await prisma.organization.count({ where: { name: { startsWith: "Bulk" } } })).toBe(0);
  });
});
