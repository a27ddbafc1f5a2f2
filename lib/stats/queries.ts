// Headline counts for the home screen. Soft-deleted people and organizations are excluded, and so are
// edges touching a soft-deleted person: a hidden person's relationships must not inflate the totals.
import "server-only";
import { prisma } from "@/lib/db";

export interface HeadlineCounts {
  people: number;
  organizations: number;
  /** Directed edges between visible people (each relationship is usually stored in both directions). */
  edges: number;
  interactions: number;
}

export async function getHeadlineCounts(): Promise<HeadlineCounts> {
  const [people, organizations, edges, interactions] = await Promise.all([
    prisma.person.count({ where: { deletedAt: null } }),
    prisma.organization.count({ where: { deletedAt: null } }),
    prisma.edge.count({ where: { fromPerson: { deletedAt: null }, toPerson: { deletedAt: null } } }),
    prisma.interaction.count(),
  ]);
  return { people, organizations, edges, interactions };
}
