// What /merges renders, built from the review module (lib/identity/review): the pending queue and the
// merge history, turned into the serializable view models of components/merges/types.ts (ISO dates,
// display names, user names instead of ids) so the page can hand them to client components.
import "server-only";
import type { CandidatePerson, CandidateView as ReviewCandidate, MatchExplanation, MergeHistoryItem } from "@/lib/identity/review";
import { listCandidates, listMergeHistory } from "@/lib/identity/review";
import { prisma } from "@/lib/db";
import { isAppError } from "@/lib/errors/app-error";
import type { CandidateView, ExplanationView, MergeHistoryView, PersonSideView } from "@/components/merges/types";

type UserRef = { name: string | null; email: string } | null;

const userLabel = (user: UserRef): string | null => (user ? user.name?.trim() || user.email : null);

export function toExplanationView(explanation: MatchExplanation | null | undefined): ExplanationView | null {
  if (!explanation || !Array.isArray(explanation.contributions)) return null;
  return {
    priorWeight: explanation.priorWeight,
    steps: explanation.contributions.map((contribution) => ({
      label: contribution.comparisonLabel,
      description: contribution.description,
      level: contribution.level,
      weight: contribution.weight,
      detail: contribution.detail,
    })),
    matchWeight: explanation.matchWeight,
    probability: explanation.probability,
  };
}

function toSide(person: CandidatePerson): PersonSideView {
  return {
    id: person.id,
    name: person.displayName,
    names: person.names,
    emails: person.emails,
    phones: person.phones,
    organization: person.organization?.name ?? null,
    title: person.title,
    identities: person.identities.map(({ sourceName, sourceId }) => ({ sourceName, sourceId })),
    sources: person.sources,
    recentInteractions: person.recentInteractions.map((interaction) => interaction.timestamp.toISOString()),
    deleted: person.deleted,
  };
}

export function toCandidateView(candidate: ReviewCandidate): CandidateView {
  return {
    id: candidate.id,
    status: candidate.status,
    probability: candidate.probability,
    matchWeight: candidate.matchWeight,
    createdAt: candidate.createdAt.toISOString(),
    proposedBy: userLabel(candidate.proposedBy),
    proposalNote: candidate.proposalNote,
    a: toSide(candidate.personA),
    b: toSide(candidate.personB),
    explanation: toExplanationView(candidate.explanation),
  };
}

export function toHistoryView(item: MergeHistoryItem): MergeHistoryView {
  return {
    id: item.id,
    survivor: { id: item.survivor.id, name: item.survivor.displayName },
    merged: { id: item.merged.id, name: item.merged.displayName },
    method: item.method,
    probability: item.probability,
    explanation: item.explanation,
    mergedBy: userLabel(item.mergedBy),
    createdAt: item.createdAt.toISOString(),
    undoneAt: item.undoneAt?.toISOString() ?? null,
    undoneBy: userLabel(item.undoneBy),
    canUndo: item.canUndo,
    undoBlockedReason: item.undoBlockedReason,
  };
}

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
