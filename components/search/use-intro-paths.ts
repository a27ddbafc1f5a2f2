"use client";
// The intro-path search for one target (GET /api/paths): from the signed-in member, or from a team member.
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/components/api/fetch-json";
import { queryKeys } from "@/lib/api/query-keys";
import type { PathsResponse } from "@/lib/paths/queries";

export interface IntroPathsParams {
  to: string;
  /** A team member's email; null = the signed-in member. */
  from: string | null;
  k: number;
  maxHops: number;
}

export function introPathsUrl(params: IntroPathsParams): string {
  const search = new URLSearchParams({ to: params.to, k: String(params.k), maxHops: String(params.maxHops) });
  if (params.from) search.set("from", params.from);
  return `/api/paths?${search}`;
}

export function useIntroPaths(params: IntroPathsParams | null) {
  return useQuery({
    queryKey: queryKeys.introPaths(params ?? { to: "", from: null, k: 0, maxHops: 0 }),
    queryFn: ({ signal }) => fetchJson<PathsResponse>(introPathsUrl(params as IntroPathsParams), signal),
    enabled: params !== null,
    retry: false,
  });
}
