// Review module shapes (lib/identity/review) -> the serializable view models of components/merges/types.ts:
// ISO dates, display names, user names instead of ids, the explanation as waterfall steps. Pure.
import type { CandidatePerson, CandidateView as ReviewCandidate, MatchExplanation, MergeHistoryItem } from "@/lib/identity/review";
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
