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

describe("WIG_UPLOAD_MAX_BYTES", () => {
  it("defaults to 512 MiB", () => {
    expect(parseServerEnv({}).WIG_UPLOAD_MAX_BYTES).toBe(512 * 1024 * 1024);
  });

  it.each([
    ["1048576", 1048576],
    ["512MB", 512 * 1024 ** 2],
    ["2 GB", 2 * 1024 ** 3],
    ["64k", 64 * 1024],
    ["1.5mb", 1.5 * 1024 ** 2],
  ])("reads %s as %d bytes", (value, bytes) => {
    expect(parseServerEnv({ WIG_UPLOAD_MAX_BYTES: value }).WIG_UPLOAD_MAX_BYTES).toBe(bytes);
  });

  it.each(["0", "-5", "lots", "5TB"])("rejects %s with one line naming the variable", (value) => {
    expect(() => parseServerEnv({ WIG_UPLOAD_MAX_BYTES: value })).toThrow(/^Invalid environment variable WIG_UPLOAD_MAX_BYTES: must be a size in bytes/);
  });
});

describe("WIG_WORKER", () => {
  it('defaults to "on" and accepts "off"', () => {
    expect(parseServerEnv({}).WIG_WORKER).toBe("on");
    expect(parseServerEnv({ WIG_WORKER: "off" }).WIG_WORKER).toBe("off");
  });

  it("rejects anything else with one line", () => {
    expect(() => parseServerEnv({ WIG_WORKER: "no" })).toThrow('Invalid environment variable WIG_WORKER: must be "on" or "off"');
  });
});
