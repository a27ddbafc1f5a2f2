// GET /api/graph/edge?a=<uuid>&b=<uuid> – one relationship's strength and factor breakdown (raw, score,
// weight, contribution, evidence) in both stored directions; 404 when either person is hidden or unlinked.
import { defineRoute } from "@/lib/api/define-route";
import { jsonOk, notFound } from "@/lib/api/responses";
import { getEdgeDetails } from "@/lib/people/edge-details";
import { ZEdgeDetailsQuery } from "@/lib/people/edge-details.types";

export const dynamic = "force-dynamic";

export const GET = defineRoute({ access: "member", query: ZEdgeDetailsQuery }, async ({ query }) => {
  const details = await getEdgeDetails(query.a, query.b);
  if (!details) return notFound("No relationship between these two people.");
  return jsonOk(details);
});
