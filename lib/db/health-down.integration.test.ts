// Health when PostgreSQL goes away: a private embedded server is started, used, then stopped.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "./embedded";
import { dataDirectory } from "./runtime";
import { freePort } from "../testing/test-database";
import { disconnectDatabase, isDatabaseHealthy } from "./client";

const sharedUrl = process.env.DATABASE_URL;
let server: EmbeddedDatabase;

beforeAll(async () => {
  server = await startEmbeddedDatabase({ dataDir: join(dataDirectory(), "health-postgres"), port: await freePort(), database: "wig_health" });
  await disconnectDatabase();
  process.env.DATABASE_URL = server.url;
});

afterAll(async () => {
  await disconnectDatabase();
  process.env.DATABASE_URL = sharedUrl;
  await server?.stop();
});

describe("isDatabaseHealthy and GET /api/health", () => {
  it("report up while PostgreSQL runs and down (503) once it is stopped", async () => {
    const { GET } = await import("../../app/api/health/route");
    expect(await isDatabaseHealthy()).toBe(true);
    const up = await GET(new Request("http://localhost/api/health"));
    expect(up.status).toBe(200);
    expect(await up.json()).toEqual({ status: "ok", database: "up" });

    await server.stop();
    expect(await isDatabaseHealthy()).toBe(false);
    const down = await GET(new Request("http://localhost/api/health"));
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ database: "down" });
  });
});
