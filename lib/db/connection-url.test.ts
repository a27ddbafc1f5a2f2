import { describe, expect, it } from "vitest";
import { describeDatabaseUrl, parseDatabaseUrl } from "./connection-url";

describe("parseDatabaseUrl", () => {
  it("maps Prisma's pooling options onto pg and strips them from the URL", () => {
    const parsed = parseDatabaseUrl("postgresql://u:secret@db.internal:6543/wig?connection_limit=5&pool_timeout=3&schema=tenant&sslmode=require");
    expect(parsed.pool.max).toBe(5);
    expect(parsed.pool.connectionTimeoutMillis).toBe(3000);
    expect(parsed.schema).toBe("tenant");
    expect(parsed.connectionString).toBe("postgresql://u:secret@db.internal:6543/wig?sslmode=require");
    expect(parsed.display).toBe("db.internal:6543/wig");
  });

  it("uses sensible defaults", () => {
    const parsed = parseDatabaseUrl("postgresql://u@localhost/wig");
    expect(parsed.pool.max).toBe(10);
    expect(parsed.display).toBe("localhost:5432/wig");
  });

  it("rejects a non-numeric connection_limit", () => {
    expect(() => parseDatabaseUrl("postgresql://u@h/db?connection_limit=lots")).toThrow(/connection_limit must be a whole number/);
  });

  it("never shows the password", () => {
    expect(describeDatabaseUrl("postgresql://u:hunter2@h:1/db")).not.toContain("hunter2");
  });
});
