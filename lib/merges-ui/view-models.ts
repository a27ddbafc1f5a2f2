// What /merges renders, built from the review module (lib/identity/review): the pending queue and the
// merge history as view models (lib/merges-ui/to-view.ts), with cursor paging that survives a stale link.
import "server-only";
import { listCandidates, listMergeHistory } from "@/lib/identity/review";
import { prisma } from "@/lib/db";
import { isAppError } from "@/lib/errors/app-error";
import type { CandidateView, MergeHistoryView } from "@/components/merges/types";
import { toCandidateView, toHistoryView } from "./to-view";

export interface QueuePage {
  candidates: CandidateView[];
  total: number;
  /** The cursor of the next page, null on the last one. */
  nextCursor: string | null;
  /** The cursor in the URL was not valid (a stale or edited link): the first page is shown instead. */
  cursorInvalid: boolean;
}

export interface HistoryPage {
  rows: MergeHistoryView[];
  nextCursor: string | null;
  cursorInvalid: boolean;
}

const isBadCursor = (error: unknown): boolean => isAppError(error) && error.code === "BAD_REQUEST";

export async function loadReviewQueue(limit: number, cursor?: string): Promise<QueuePage> {
  try {
    const page = await listCandidates(prisma, { status: "pending", limit, cursor: cursor ?? null });
    return { candidates: page.items.map(toCandidateView), total: page.total, nextCursor: page.nextCursor, cursorInvalid: false };
  } catch (error) {
    if (!cursor || !isBadCursor(error)) throw error;
    return { ...(await loadReviewQueue(limit)), cursorInvalid: true };
  }
}

export async function loadMergeHistory(limit: number, cursor?: string): Promise<HistoryPage> {
  try {
    const page = await listMergeHistory(prisma, { limit, cursor: cursor ?? null });
    return { rows: page.items.map(toHistoryView), nextCursor: page.nextCursor, cursorInvalid: false };
  } catch (error) {
    if (!cursor || !isBadCursor(error)) throw error;
    return { ...(await loadMergeHistory(limit)), cursorInvalid: true };
  }
}
