import { describe, expect, it } from "vitest";
import { currentOperation, isValidCorrelationId, newCorrelationId, runInOperation } from "./correlation";

describe("correlation ids", () => {
  it("generates ids in the contract's <prefix>-<timestamp>-<random> style that validate", () => {
    const id = newCorrelationId("merge");
    expect(id).toMatch(/^merge-\d{13}-[0-9a-f]{8}$/);
    expect(isValidCorrelationId(id)).toBe(true);
  });

  it.each(["", "short", "has space in it", "x".repeat(200), "<script>alert(1)</script>"])("rejects %j", (value) => {
    expect(isValidCorrelationId(value)).toBe(false);
  });

  it("carries the operation through async work", async () => {
    expect(currentOperation()).toBeUndefined();
    const seen = await runInOperation({ correlationId: "req-12345678", actorId: "u1" }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return currentOperation();
    });
    expect(seen).toEqual({ correlationId: "req-12345678", actorId: "u1" });
  });
});
