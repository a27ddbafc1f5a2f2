// GET /api/health: the liveness check load balancers and `npm start` use, with the database reachable.
import { expect, test } from "./fixtures/test";

test("GET /api/health reports the app and the database up", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/json");
  expect(await response.json()).toEqual({ status: "ok", database: "up" });
});
