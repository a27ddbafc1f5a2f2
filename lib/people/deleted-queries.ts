// Reads for the admin privacy screen: the one place soft-deleted people and organizations are listed.
// Nothing else may import these into a member-facing screen.
import "server-only";
import { prisma } from "@/lib/db";

export async function listDeletedPeople(take = 200) {
  const where = { deletedAt: { not: null } };
  const [rows, total] = await Promise.all([
    prisma.person.findMany({
      where,
      orderBy: [{ deletedAt: "desc" }, { id: "asc" }],
      take,
      select: { id: true, names: true, emails: true, title: true, deletedAt: true },
    }),
    prisma.person.count({ where }),
  ]);
  return { rows, total };
}

export async function listDeletedOrganizations(take = 200) {
  const where = { deletedAt: { not: null } };
  const [rows, total] = await Promise.all([
    prisma.organization.findMany({
      where,
      orderBy: [{ deletedAt: "desc" }, { id: "asc" }],
      take,
      select: { id: true, name: true, domain: true, deletedAt: true, _count: { select: { people: true } } },
    }),
    prisma.organization.count({ where }),
  ]);
  return { rows, total };
}
