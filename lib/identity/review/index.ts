// The review queue's server API (/merges calls these; authorization is the caller's, every function takes
// the acting user). Inputs are zod-validated; failures are AppErrors with messages fit to show.
export { listCandidates, getCandidate } from "./list-candidates";
export { approveCandidate, rejectCandidate, skipCandidate, type ApproveResult } from "./decide-candidate";
export { previewBulkApprove, bulkApprove } from "./bulk-approve";
export { proposeMerge } from "./propose-merge";
export { listMergeHistory } from "./merge-history";
export { undoMerge, type UndoMergeResult, type TUndoMergeInput } from "../merges/undo-merge";
export { mergePeople, type MergePeopleResult, type TMergePeopleInput } from "../merges/merge-people";
export { resolvePeople, type ResolvePeopleResult, type TResolvePeopleInput } from "../resolve/resolve-people";
export type * from "./types";
export type { MatchExplanation, ComparisonContribution } from "../matching/explain-match";
