// GET /api/paths?to=<email|domain|uuid>&from=<team member's email>&k=1..20&maxHops=1..4 – the k best
// warm-intro paths from the signed-in member (or a team member) to a person or to anyone at an
// organization, each hop with its strength and top factors, and the weakest link named. No path within
// the hop limit is a 200 with `paths: []` and the nearest reachable people; an unknown or deleted target
// a 404; k or maxHops out of range a 400 that names the allowed ranges (PathParamsError).
import { z } from "zod";
import { defineRoute } from "@/lib/api/define-route";
import { jsonOk } from "@/lib/api/responses";
import { prisma } from "@/lib/db/client";
import { parseIntroPathParams } from "@/lib/paths/params";
import { resolveSource, resolveTarget, searchIntroPaths } from "@/lib/paths/queries";
import { getSnapshotStore } from "@/lib/paths/snapshot-store";

export const dynamic = "force-dynamic";

// Ranges are checked by parseIntroPathParams, so the 400 carries the allowed ranges in one place.
const ZPathsQuery = z.object({
  to: z.string().trim().min(1, "name a person (email or id) or an organization (domain or id)").max(320),
  from: z.string().trim().email("must be a team member's email").max(320).optional(),
  k: z.coerce.number().optional(),
  maxHops: z.coerce.number().optional(),
});

export const GET = defineRoute({ access: "member", query: ZPathsQuery }, async ({ query, user }) => {
  parseIntroPathParams({ k: query.k, maxHops: query.maxHops }); // absurd parameters fail before any lookup
  const member = user as NonNullable<typeof user>; // member routes always have a user
  const from = await resolveSource(prisma, { personId: member.personId, fromEmail: query.from });
  const to = await resolveTarget(prisma, query.to);
  const result = await searchIntroPaths(prisma, getSnapshotStore(prisma), { from, to, k: query.k, maxHops: query.maxHops });
  return jsonOk(result);
});
