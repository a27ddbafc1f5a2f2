"use client";
// The factor breakdown of one relationship, fetched when a hop or an edge is opened (GET /api/graph/edge).
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/components/api/fetch-json";
import { queryKeys } from "@/lib/api/query-keys";
import type { EdgeDetails } from "@/lib/people/edge-details.types";

export function useEdgeDetails(a: string | null, b: string | null) {
  return useQuery({
    queryKey: queryKeys.edgeDetails(a ?? "", b ?? ""),
    queryFn: ({ signal }) => fetchJson<EdgeDetails>(`/api/graph/edge?${new URLSearchParams({ a: a ?? "", b: b ?? "" })}`, signal),
    enabled: a !== null && b !== null,
    staleTime: 30_000,
  });
}
