"use client";
// One hook per query (keys from lib/api/query-keys): the ego network of a person from GET /api/graph/ego.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { queryKeys } from "@/lib/api/query-keys";
import { EGO_NODE_CAP, type EgoGraph } from "@/lib/people/ego-network.types";

async function fetchEgoGraph(personId: string, limit: number, signal: AbortSignal): Promise<EgoGraph> {
  const params = new URLSearchParams({ person: personId, limit: String(limit) });
  const response = await fetch(`/api/graph/ego?${params}`, { signal, headers: { Accept: "application/json" } });
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => null);
    const message =
      typeof body === "object" && body !== null && "error" in body && typeof (body as { error: { message?: unknown } }).error.message === "string"
        ? (body as { error: { message: string } }).error.message
        : `The graph could not be loaded (HTTP ${response.status}).`;
    throw new Error(message);
  }
  return (await response.json()) as EgoGraph;
}

export function useEgoGraph(personId: string, limit = EGO_NODE_CAP) {
  return useQuery({
    queryKey: queryKeys.egoGraph(personId, limit),
    queryFn: ({ signal }) => fetchEgoGraph(personId, limit, signal),
    // Keep the previous network on screen while the next one loads, instead of flashing an empty canvas.
    placeholderData: keepPreviousData,
  });
}
