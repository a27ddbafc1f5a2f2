// GET /api/sync/status – admin only: the queued and running imports with their live progress (bytes or
// records done out of the total, rows so far). The sync dashboard polls it while anything is active.
import { defineRoute } from "@/lib/api/define-route";
import { jsonOk } from "@/lib/api/responses";
import { prisma } from "@/lib/db/client";
import { listActiveRuns } from "@/lib/sync/queries";

export const dynamic = "force-dynamic";

export const GET = defineRoute({ access: "admin" }, async () => {
  return jsonOk({ active: await listActiveRuns(prisma), checkedAt: new Date().toISOString() });
});
