// View models of the review queue (/merges). Plain, serializable data (dates as ISO strings), so the page
// can hand them to client components; lib/merges-ui/view-models.ts builds them from the review module.

export interface ExplanationStepView {
  /** "Email", "Name", … */
  label: string;
  /** Human wording of the level ("Same email address"), or "Not compared: missing on one side". */
  description: string;
  /** Level name ("exact", "jw88", …), null when not compared. */
  level: string | null;
  /** log2 Bayes factor: positive is evidence for a match, negative against. */
  weight: number;
  /** The values compared, when known ("jane@acme.com", "jane doe ↔ jayne doe"). */
  detail: string | null;
}

export interface ExplanationView {
  priorWeight: number;
  steps: ExplanationStepView[];
  matchWeight: number;
  probability: number;
}

export interface IdentityView {
  sourceName: string;
  sourceId: string;
}

export interface PersonSideView {
  id: string;
  name: string;
  names: string[];
  emails: string[];
  phones: string[];
  organization: string | null;
  title: string | null;
  identities: IdentityView[];
  /** Source names that contributed this person ("linkedin", "gmail"). */
  sources: string[];
  /** ISO timestamps of the most recent interactions, newest first. */
  recentInteractions: string[];
  /** Soft-deleted (or erased) since the candidate was found: the pair cannot be merged. */
  deleted: boolean;
}

export type CandidateStatusView = "pending" | "approved" | "rejected" | "superseded";

export interface CandidateView {
  id: string;
  status: CandidateStatusView;
  probability: number;
  matchWeight: number;
  createdAt: string;
  /** Who proposed it (a member), null when the resolver found it. */
  proposedBy: string | null;
  proposalNote: string | null;
  a: PersonSideView;
  b: PersonSideView;
  explanation: ExplanationView | null;
}

export interface MergeHistoryView {
  id: string;
  survivor: { id: string; name: string };
  merged: { id: string; name: string };
  /** "auto", "review", "manual". */
  method: string;
  probability: number | null;
  explanation: string;
  mergedBy: string | null;
  createdAt: string;
  undoneAt: string | null;
  undoneBy: string | null;
  /** Whether an undo would be accepted now; if not, why (a later merge must be undone first, …). */
  canUndo: boolean;
  undoBlockedReason: string | null;
}
