// For the pipeline's integration tests: the run's date and owner, a scratch folder per test, and what an
// import left in the database (counts and whole rows of every table an import writes).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach } from "vitest";
import { prisma } from "../../../db/client";

export const NOW = new Date("2026-10-01T00:00:00Z");
export const OWNER = "alex.owner@gmail.com";

/** A scratch folder a test makes with `make()`, removed after each test. */
export function scratchFolders() {
  let current: string | undefined;
  afterEach(() => {
    if (current) rmSync(current, { recursive: true, force: true });
    current = undefined;
  });
  return {
    make: (): string => {
      current = mkdtempSync(join(tmpdir(), "wig-import-"));
      return current;
    },
  };
}

export async function dataCounts() {
  const [people, organizations, interactions, edges, identities] = await Promise.all([
    prisma.person.count(),
    prisma.organization.count(),
    prisma.interaction.count(),
    prisma.edge.count(),
    prisma.personIdentity.count(),
  ]);
  return { people, organizations, interactions, edges, identities };
}

export async function dataRows() {
  const byId = { orderBy: { id: "asc" } } as const;
  return {
    people: await prisma.person.findMany(byId),
    organizations: await prisma.organization.findMany(byId),
    interactions: await prisma.interaction.findMany(byId),
    edges: await prisma.edge.findMany(byId),
    identities: await prisma.personIdentity.findMany(byId),
  };
}

export const NOTHING = { people: 0, organizations: 0, interactions: 0, edges: 0, identities: 0 };
