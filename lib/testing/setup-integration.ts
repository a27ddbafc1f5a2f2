// Runs in each integration test file before it loads: points the app's shared client at the test database.
import { afterAll, inject } from "vitest";
import { disconnectDatabase } from "../db/client";

process.env.DATABASE_URL = inject("databaseUrl");

afterAll(async () => {
  await disconnectDatabase();
});
