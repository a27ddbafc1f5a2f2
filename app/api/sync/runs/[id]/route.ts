// GET /api/sync/runs/<id> – admin only: one import run's status, progress, counts, error and row issues.
// For scripts and for watching one run; the dashboard polls /api/sync/status.
import { defineRoute } from "@/lib/api/define-route";
import { isUuid } from "@/lib/api/ids";
import { jsonOk, notFound } from "@/lib/api/responses";
import { prisma } from "@/lib/db/client";
import { getRunStatus } from "@/lib/sync/queries";

export const dynamic = "force-dynamic";

export const GET = defineRoute<undefined, undefined, { id: string }>({ access: "admin" }, async ({ params }) => {
  const run = isUuid(params.id) ? await getRunStatus(prisma, params.id) : null;
  if (!run) return notFound("There is no import run with this id.");
  return jsonOk(run);
});
