"use client";
// One hook per query (keys from lib/api/query-keys): the ego network of a person from GET /api/graph/ego,
// with the screen's filters and the intro path to keep in view.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/components/api/fetch-json";
import { queryKeys } from "@/lib/api/query-keys";
import type { EgoGraph, TEgoFilters } from "@/lib/people/ego-network.types";

export function egoGraphUrl(personId: string, filters: TEgoFilters, path: readonly string[]): string {
  const params = new URLSearchParams({
    person: personId,
    limit: String(filters.limit),
    hops: String(filters.hops),
    minStrength: String(filters.minStrength),
    window: filters.window,
  });
  if (filters.source) params.set("source", filters.source);
  if (filters.channel) params.set("channel", filters.channel);
  if (path.length > 0) params.set("path", path.join(","));
  return `/api/graph/ego?${params}`;
}

export function useEgoGraph(personId: string, filters: TEgoFilters, path: readonly string[] = []) {
  return useQuery({
    queryKey: [...queryKeys.egoGraph(personId, filters), { path: path.join(",") }],
    queryFn: ({ signal }) => fetchJson<EgoGraph>(egoGraphUrl(personId, filters, path), signal),
    // Keep the previous network on screen while the next one loads, instead of flashing an empty canvas.
    placeholderData: keepPreviousData,
  });
}
