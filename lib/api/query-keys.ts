// TanStack Query keys in one place, shaped [entity, params], so a mutation can invalidate exactly what it changes.
import type { TEgoFilters } from "@/lib/people/ego-network.types";

export const queryKeys = {
  egoGraph: (personId: string, filters: TEgoFilters) => ["ego-graph", { personId, ...filters }] as const,
  typeahead: (q: string) => ["typeahead", { q }] as const,
  introPaths: (params: { to: string; from: string | null; k: number; maxHops: number }) => ["intro-paths", params] as const,
  edgeDetails: (a: string, b: string) => ["edge-details", { a, b }] as const,
} as const;
