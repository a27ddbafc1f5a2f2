import { describe, expect, it } from "vitest";
import { isDatabaseHealthy, prisma } from "./index";

describe("database health", () => {
  it("reports a reachable database as healthy", async () => {
    expect(await isDatabaseHealthy()).toBe(true);
    expect(await prisma.person.count()).toBeGreaterThanOrEqual(0);
  });
});
