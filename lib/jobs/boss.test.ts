import { describe, expect, it } from "vitest";
import { jobErrorLine } from "./boss";

describe("jobErrorLine", () => {
  it("stays quiet when the server shuts down on purpose (an interrupted command, an operator)", () => {
    const shutdown = Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" });
    expect(jobErrorLine(shutdown)).toBeNull();
  });

  it("logs every other error as one line", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:54329"), { code: "ECONNREFUSED" });
    expect(jobErrorLine(refused)).toBe("[jobs] connect ECONNREFUSED 127.0.0.1:54329");
    expect(jobErrorLine("odd")).toBe("[jobs] odd");
  });
});
