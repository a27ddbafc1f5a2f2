// GET /api/graph/ego?person=<uuid>&limit=2..2000&hops=1|2&minStrength=0..1&source=&channel=&window=&path=<ids>
// – the ego network drawn by the graph screen, filtered in SQL, with an intro path's people forced in.
import { defineRoute } from "@/lib/api/define-route";
import { jsonOk, notFound } from "@/lib/api/responses";
import { getEgoNetwork } from "@/lib/people/ego-network";
import { ZEgoQuery } from "@/lib/people/ego-network.types";

export const dynamic = "force-dynamic";

export const GET = defineRoute({ access: "member", query: ZEgoQuery }, async ({ query }) => {
  const { person, path, ...filters } = query;
  const graph = await getEgoNetwork(person, { ...filters, path });
  // Deleted and unknown people answer the same way, so the endpoint does not reveal who was erased.
  if (!graph) return notFound("No person with this id.");
  return jsonOk(graph);
});
