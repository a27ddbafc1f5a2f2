import { describe, expect, it } from "vitest";
import { EnvError, parseServerEnv } from "./env";

describe("parseServerEnv", () => {
  it("applies defaults and treats empty strings as unset", () => {
    const env = parseServerEnv({ DATABASE_URL: "", PORT: "" });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PORT).toBe(3000);
    expect(env.WIG_EMBEDDED_PG_PORT).toBe(54329);
  });

  it("accepts postgres and postgresql URLs", () => {
    expect(parseServerEnv({ DATABASE_URL: "postgres://u:p@db:5432/wig" }).DATABASE_URL).toBe("postgres://u:p@db:5432/wig");
  });

  it.each([
    [{ DATABASE_URL: "mysql://u@h/db" }, /^Invalid environment variable DATABASE_URL: must be a URL like postgresql:/],
    [{ DATABASE_URL: "not a url" }, /DATABASE_URL/],
    [{ PORT: "99999" }, /^Invalid environment variable PORT:/],
    [{ AUTH_SECRET: "short" }, /^Invalid environment variable AUTH_SECRET: must be at least 32 characters/],
    [{ NODE_ENV: "staging" }, /^Invalid environment variable NODE_ENV:/],
  ])("rejects %o with one line naming the variable", (source, message) => {
    expect(() => parseServerEnv(source)).toThrow(EnvError);
    expect(() => parseServerEnv(source)).toThrow(message);
  });
});
