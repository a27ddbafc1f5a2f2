"use client";
// The typeahead query: debounced, one request per settled keystroke, previous hits kept while typing.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { fetchJson } from "@/components/api/fetch-json";
import { queryKeys } from "@/lib/api/query-keys";
import type { TypeaheadResponse } from "@/lib/search/typeahead.types";

export const TYPEAHEAD_DEBOUNCE_MS = 150;

export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export function useTypeahead(input: string) {
  const q = useDebounced(input.trim().slice(0, 100), TYPEAHEAD_DEBOUNCE_MS);
  return useQuery({
    queryKey: queryKeys.typeahead(q),
    queryFn: ({ signal }) => fetchJson<TypeaheadResponse>(`/api/search?${new URLSearchParams({ q, limit: "10" })}`, signal),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}
