import { describe, expect, it } from "vitest";
import { explainConnectionError } from "./connection-errors";

const url = "postgresql://u:pw@db:5433/wig";
const withCode = (code: string) => Object.assign(new Error("boom"), { code });

describe("explainConnectionError", () => {
  it.each([
    ["ECONNREFUSED", /connection refused/],
    ["ENOTFOUND", /host name does not resolve/],
    ["28P01", /rejected the credentials/],
    ["3D000", /no such database/],
  ])("explains %s in one line", (code, message) => {
    const text = explainConnectionError(withCode(code), url);
    expect(text).toMatch(message);
    expect(text).toContain("db:5433/wig");
    expect(text).not.toContain("\n");
    expect(text).not.toContain("pw");
  });

  it("finds the code inside an AggregateError (IPv4 + IPv6 attempts)", () => {
    const error = Object.assign(new AggregateError([withCode("ECONNREFUSED")], "all failed"));
    expect(explainConnectionError(error, url)).toMatch(/connection refused/);
  });

  it("falls back to the first line of an unknown error", () => {
    expect(explainConnectionError(new Error("odd\nstack"), url)).toBe("Cannot use PostgreSQL at db:5433/wig: odd");
  });
});
