import { describe, expect, it } from "vitest";
import { retargetIndex } from "./edge-rebuild";

describe("retargetIndex", () => {
  it("renames an index definition onto the replacement table", () => {
    expect(retargetIndex(`CREATE UNIQUE INDEX "Edge_pkey" ON public."Edge" USING btree (id)`, "wig_rebuild_i0")).toBe(
      `CREATE UNIQUE INDEX "wig_rebuild_i0" ON "Edge_rebuild" USING btree (id)`,
    );
    expect(retargetIndex(`CREATE INDEX "Edge_from_to_covering_idx" ON "my schema"."Edge" USING btree ("fromPersonId", "toPersonId") INCLUDE (strength)`, "t")).toBe(
      `CREATE INDEX "t" ON "Edge_rebuild" USING btree ("fromPersonId", "toPersonId") INCLUDE (strength)`,
    );
    expect(() => retargetIndex("CREATE TABLE x", "t")).toThrow(/cannot read/);
  });
});
