// GET /api/graph/ego?person=<uuid>&limit=<2..150> – the 1-hop ego network drawn by the graph screen.
import { parseQuery } from "@/lib/api/parse-query";
import { errorResponse, jsonOk, notFound } from "@/lib/api/responses";
import { getEgoNetwork } from "@/lib/people/ego-network";
import { ZEgoQuery } from "@/lib/people/ego-network.types";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const query = parseQuery(request, ZEgoQuery);
  if (!query.ok) return query.response;
  try {
    const graph = await getEgoNetwork(query.data.person, query.data.limit);
    // Deleted and unknown people answer the same way, so the endpoint does not reveal who was erased.
    if (!graph) return notFound("No person with this id.");
    return jsonOk(graph);
  } catch (error) {
    return errorResponse(error, "GET /api/graph/ego");
  }
}
