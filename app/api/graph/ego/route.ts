// GET /api/graph/ego?person=<uuid>&limit=<2..150> – the 1-hop ego network drawn by the graph screen.
import { defineRoute } from "@/lib/api/define-route";
import { jsonOk, notFound } from "@/lib/api/responses";
import { getEgoNetwork } from "@/lib/people/ego-network";
import { ZEgoQuery } from "@/lib/people/ego-network.types";

export const dynamic = "force-dynamic";

export const GET = defineRoute({ access: "member", query: ZEgoQuery }, async ({ query }) => {
  const graph = await getEgoNetwork(query.person, query.limit);
  // Deleted and unknown people answer the same way, so the endpoint does not reveal who was erased.
  if (!graph) return notFound("No person with this id.");
  return jsonOk(graph);
});
