// Vitest globalSetup for the integration tier: one real PostgreSQL for the whole run.
import type { TestProject } from "vitest/node";
import { startTestDatabase, type TestDatabase } from "./test-database";

let database: TestDatabase | undefined;

export async function setup(project: TestProject): Promise<void> {
  database = await startTestDatabase("wig_integration");
  project.provide("databaseUrl", database.url);
}

export async function teardown(): Promise<void> {
  await database?.stop();
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
