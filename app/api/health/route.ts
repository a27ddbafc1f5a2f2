// GET /api/health – liveness plus database reachability, for load balancers and `npm start` checks.
// Public on purpose: it reveals nothing but "up" or "down".
import { defineRoute } from "@/lib/api/define-route";
import { jsonOk } from "@/lib/api/responses";
import { isDatabaseHealthy } from "@/lib/db";

export const dynamic = "force-dynamic";

export const GET = defineRoute({ access: "public" }, async () => {
  const up = await isDatabaseHealthy();
  return jsonOk(up ? { status: "ok", database: "up" } : { status: "error", database: "down" }, { status: up ? 200 : 503 });
});
