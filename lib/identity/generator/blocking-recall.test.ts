import { describe, expect, it } from "vitest";
import { blockingRecall } from "./blocking-recall";

describe("blockingRecall", () => {
  it("counts the true pairs blocking proposes", () => {
    const result = blockingRecall([
      { id: "a", entityId: "E1", names: ["Jane Doe"], emails: ["jane@acme.com"] },
      { id: "b", entityId: "E1", names: ["Jane Doe"] },
      // Nothing in common with the others: a true pair blocking cannot propose.
      { id: "c", entityId: "E1", phones: ["+14155550123"] },
      { id: "d", entityId: "E2", names: ["John Roe"] },
    ]);
    expect(result).toEqual({ truePairs: 3, proposed: 1, recall: 1 / 3 });
  });
});
