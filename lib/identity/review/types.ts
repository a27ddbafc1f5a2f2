// Inputs (zod, validated by every review function) and the shapes the review queue screens receive.
import { z } from "zod";
import { AppError } from "../../errors/app-error";
import type { MatchExplanation } from "../matching/explain-match";

export const CANDIDATE_STATUSES = ["pending", "approved", "rejected", "superseded"] as const;

export const ZListCandidatesInput = z.object({
  status: z.enum(CANDIDATE_STATUSES).default("pending"),
  limit: z.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).nullish(),
});
export type TListCandidatesInput = z.input<typeof ZListCandidatesInput>;

export const ZCandidateActionInput = z.object({ candidateId: z.uuid(), actorId: z.uuid() });
export type TCandidateActionInput = z.input<typeof ZCandidateActionInput>;

export const ZPreviewBulkApproveInput = z.object({ minProbability: z.number().min(0).max(1) });
export type TPreviewBulkApproveInput = z.input<typeof ZPreviewBulkApproveInput>;

export const ZBulkApproveInput = z.object({
  minProbability: z.number().min(0).max(1),
  actorId: z.uuid(),
  /** The count the admin saw in the preview: if the queue changed since, nothing is merged. */
  expectedCount: z.number().int().min(0).optional(),
});
export type TBulkApproveInput = z.input<typeof ZBulkApproveInput>;

export const ZProposeMergeInput = z.object({
  personAId: z.uuid(),
  personBId: z.uuid(),
  note: z.string().trim().max(1_000).optional(),
  proposedById: z.uuid(),
});
export type TProposeMergeInput = z.input<typeof ZProposeMergeInput>;

export const ZListMergeHistoryInput = z.object({
  limit: z.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).nullish(),
});
export type TListMergeHistoryInput = z.input<typeof ZListMergeHistoryInput>;

export interface IdentityView {
  sourceName: string;
  sourceId: string;
  observedAt: Date | null;
}

export interface InteractionView {
  timestamp: Date;
  channel: string;
  sourceName: string;
}

/** One side of the side-by-side comparison. */
export interface CandidatePerson {
  id: string;
  /** names[0], or the first email when the person has no name. */
  displayName: string;
  names: string[];
  emails: string[];
  phones: string[];
  socialHandles: Record<string, string>;
  title: string | null;
  organization: { id: string; name: string; domain: string | null } | null;
  /** PersonIdentity rows: which source record was resolved into this person. */
  identities: IdentityView[];
  /** Distinct source names of the identities. */
  sources: string[];
  /** The last 5 interactions whose participants include one of the person's emails or handles, newest first. */
  recentInteractions: InteractionView[];
  createdAt: Date;
  /** Soft-deleted or erased since the candidate was made (only outside the pending list). */
  deleted: boolean;
}

export interface CandidateView {
  id: string;
  status: (typeof CANDIDATE_STATUSES)[number];
  probability: number;
  matchWeight: number;
  /** |probability − 0.5|: the queue is sorted by it, most uncertain first. */
  uncertainty: number;
  /** The waterfall: priorWeight, one contribution per comparison (label, level, weight), matchWeight, probability. */
  explanation: MatchExplanation;
  personA: CandidatePerson;
  personB: CandidatePerson;
  proposedBy: { id: string; name: string | null; email: string } | null;
  proposalNote: string | null;
  decidedBy: { id: string; name: string | null; email: string } | null;
  decidedAt: Date | null;
  /** When an admin last skipped it (a skipped candidate goes to the back of the queue). */
  skippedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface CandidatePage {
  items: CandidateView[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
  /** All candidates with this status (pending: both people still visible). */
  total: number;
}

export interface MergeHistoryItem {
  id: string;
  method: string;
  probability: number | null;
  explanation: string;
  survivor: { id: string; displayName: string };
  merged: { id: string; displayName: string };
  candidateId: string | null;
  mergedBy: { id: string; name: string | null; email: string } | null;
  createdAt: Date;
  undoneAt: Date | null;
  undoneBy: { id: string; name: string | null; email: string } | null;
  /** Whether undoMerge would be accepted now, and if not why (already undone; a later merge first). */
  canUndo: boolean;
  undoBlockedReason: string | null;
}

export interface MergeHistoryPage {
  items: MergeHistoryItem[];
  nextCursor: string | null;
}

export interface BulkApproveResult {
  /** Pending candidates at or above the threshold when the run started. */
  considered: number;
  approved: number;
  /** Skipped because an earlier merge of the run (or someone else) already changed one side. */
  skipped: number;
  mergeIds: string[];
  conflicts: Array<{ candidateId: string; message: string }>;
}

export interface ProposeMergeResult {
  candidateId: string;
  probability: number;
  /** True when the pair was already waiting in the queue (the existing candidate is returned). */
  alreadyQueued: boolean;
}

export const encodeCursor = (values: unknown[]): string => Buffer.from(JSON.stringify(values)).toString("base64url");
export function decodeCursor(cursor: string): unknown[] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(value)) return value;
  } catch {
    // fall through
  }
  throw new AppError("BAD_REQUEST", "That page cursor is not valid; reload the list.");
}
