// What an import left in the database, for the pipeline's integration tests: counts and whole rows of
// every table an import writes.
import { prisma } from "../../../db/client";

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
