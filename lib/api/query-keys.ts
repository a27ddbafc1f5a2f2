// TanStack Query keys in one place, shaped [entity, params], so a mutation can invalidate exactly what it changes.
export const queryKeys = {
  egoGraph: (personId: string, limit: number) => ["ego-graph", { personId, limit }] as const,
} as const;
