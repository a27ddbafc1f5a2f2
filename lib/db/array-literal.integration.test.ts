// The array literals of lib/db/array-literal.ts, read back by a real PostgreSQL exactly as the bulk
// statements cast them.
import { describe, expect, it } from "vitest";
import { quotedArrayLiteral, textListsLiteral, tokenArrayLiteral } from "./array-literal";
import { prisma } from "./client";

describe("array literals in PostgreSQL", () => {
  it("casts token arrays to uuid[], float8[], timestamp[] and text[] with nulls kept", async () => {
    const [row] = await prisma.$queryRawUnsafe<Array<{ ids: string[]; numbers: number[]; instants: Array<Date | null>; texts: Array<string | null> }>>(
      `SELECT $1::uuid[]::text[] AS ids, $2::float8[] AS numbers, $3::timestamp[] AS instants, $4::text[] AS texts`,
      tokenArrayLiteral(["5f1c0e52-3a4b-4c5d-8e9f-0a1b2c3d4e5f"]),
      tokenArrayLiteral([0.5, -3, 1e-7, 123456789.125]),
      tokenArrayLiteral(["2026-11-01T12:34:56.789Z", null]),
      tokenArrayLiteral(["AAE+/w==", "null", null]),
    );
    expect(row?.ids).toEqual(["5f1c0e52-3a4b-4c5d-8e9f-0a1b2c3d4e5f"]);
    expect(row?.numbers).toEqual([0.5, -3, 1e-7, 123456789.125]);
    expect(row?.instants).toEqual([new Date("2026-11-01T12:34:56.789Z"), null]);
    expect(row?.texts).toEqual(["AAE+/w==", "null", null]);
  });

  it("splits each row's list back into the same strings, quoted ones included", async () => {
    const lists = [["gmail", "slack"], [], ["NULL"], ["my source", 'say "hi"', "a,b\\c", "{x}"]];
    const rows = await prisma.$queryRawUnsafe<Array<{ list: string[] }>>(
      `SELECT string_to_array(x, E'\\x1f') AS list FROM unnest($1::text[]) WITH ORDINALITY AS t(x, n) ORDER BY n`,
      textListsLiteral(lists),
    );
    expect(rows.map((row) => row.list)).toEqual(lists);
  });

  it("reads a quoted literal back as the same strings, whatever they hold", async () => {
    const keys = ["ann@example.com", "NULL", 'say "hi"', "a,b\\c", "{x}", "slack:U1 2"];
    const [row] = await prisma.$queryRawUnsafe<Array<{ keys: string[] }>>(`SELECT $1::text[] AS keys`, quotedArrayLiteral(keys));
    expect(row?.keys).toEqual(keys);
  });
});
