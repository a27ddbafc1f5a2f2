"use client";
// The live half of the sync dashboard. One TanStack Query on GET /api/sync/status, polled every second
// while a run is queued or running (or a run this tab started has not been seen finishing), and not at all
// otherwise. When the set of active runs changes (a run starts, moves from queued to running, or finishes)
// the server-rendered parts (sources, history) are refreshed with router.refresh(): no page reload.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type { RunProgress } from "@/lib/sync/queries";

export const SYNC_STATUS_KEY = ["sync-status"] as const;
const POLL_MS = 1_000;

interface SyncStatusResponse {
  active: RunProgress[];
  checkedAt: string;
}

interface SyncLive {
  active: RunProgress[];
  /** Polls until this run has been seen finished, then refreshes the page data. */
  watch(runId: string): void;
  /** Refetch the live status now and re-render the server components. */
  refresh(): void;
  /** The last poll failed (shown as a quiet notice; polling continues). */
  stale: boolean;
}

const SyncLiveContext = createContext<SyncLive | null>(null);

export function useSyncLive(): SyncLive {
  const value = useContext(SyncLiveContext);
  if (!value) throw new Error("useSyncLive needs a <SyncLiveProvider> above it.");
  return value;
}

async function fetchStatus(): Promise<SyncStatusResponse> {
  const response = await fetch("/api/sync/status", { headers: { Accept: "application/json" }, cache: "no-store" });
  if (!response.ok) throw new Error(`The sync status answered ${response.status}.`);
  return (await response.json()) as SyncStatusResponse;
}

const signature = (runs: readonly RunProgress[]) =>
  runs
    .map((run) => `${run.id}:${run.status}:${run.cancelRequested ? "c" : ""}`)
    .sort()
    .join(",");

export function SyncLiveProvider({ initialActive, children }: { initialActive: RunProgress[]; children: ReactNode }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  // Runs this tab started or acted on, with when: a poll answered after that moment settles each one.
  const [watched, setWatched] = useState<readonly { id: string; since: number }[]>([]);

  const query = useQuery({
    queryKey: SYNC_STATUS_KEY,
    queryFn: fetchStatus,
    initialData: { active: initialActive, checkedAt: new Date(0).toISOString() },
    staleTime: 0,
    refetchInterval: (current) => ((current.state.data?.active.length ?? 0) > 0 || watched.length > 0 ? POLL_MS : false),
    refetchIntervalInBackground: false,
    retry: false,
  });
  const active = query.data.active;

  // Re-render the server components whenever the set of active runs changes.
  const lastSignature = useRef(signature(initialActive));
  useEffect(() => {
    const next = signature(active);
    if (next !== lastSignature.current) {
      lastSignature.current = next;
      router.refresh();
    }
  }, [active, router]);

  // A watched run missing from a poll answered after the watch began has finished (or was never
  // queued): stop watching it and refresh, even if it finished before any poll saw it active.
  const answeredAt = query.dataUpdatedAt;
  useEffect(() => {
    if (watched.length === 0) return;
    const open = watched.filter((entry) => answeredAt <= entry.since || active.some((run) => run.id === entry.id));
    if (open.length !== watched.length) {
      setWatched(open);
      router.refresh();
    }
  }, [active, watched, answeredAt, router]);

  const watch = useCallback(
    (runId: string) => {
      setWatched((current) => [...current.filter((entry) => entry.id !== runId), { id: runId, since: Date.now() }]);
      void queryClient.invalidateQueries({ queryKey: SYNC_STATUS_KEY });
    },
    [queryClient],
  );
  const refresh = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: SYNC_STATUS_KEY });
    router.refresh();
  }, [queryClient, router]);

  const value = useMemo<SyncLive>(() => ({ active, watch, refresh, stale: query.isError }), [active, watch, refresh, query.isError]);
  return <SyncLiveContext.Provider value={value}>{children}</SyncLiveContext.Provider>;
}
