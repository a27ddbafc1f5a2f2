// The team: users whose account is linked to a visible person in the graph. Intro paths can start from
// any of them (GET /api/paths?from=<their email>).
import "server-only";
import { prisma } from "@/lib/db";

export interface TeamMember {
  userId: string;
  email: string;
  name: string;
  personId: string;
}

export async function listTeamMembers(take = 200): Promise<TeamMember[]> {
  const users = await prisma.user.findMany({
    where: { person: { deletedAt: null, erasedAt: null } },
    orderBy: [{ name: "asc" }, { email: "asc" }],
    take,
    select: { id: true, email: true, name: true, personId: true, person: { select: { names: true } } },
  });
  return users.flatMap((user) =>
    user.personId ? [{ userId: user.id, email: user.email, name: user.person?.names[0] ?? user.name ?? user.email, personId: user.personId }] : [],
  );
}
