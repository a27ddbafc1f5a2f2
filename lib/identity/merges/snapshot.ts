// What a Merge row keeps so the merge can be undone exactly (Merge.snapshot). "before" holds verbatim
// copies of every row the merge changes or deletes; "after" holds the state the merge left, so undo can
// tell rows that changed later (which it must not clobber) from rows still as the merge left them.
import type { Row } from "./rows";

export const SNAPSHOT_VERSION = 1;

export interface MergeSnapshot {
  version: typeof SNAPSHOT_VERSION;
  before: {
    survivor: Row;
    merged: Row;
    /** Every edge from or to either person. */
    edges: Row[];
    /** PersonIdentity rows of both people. */
    identities: Row[];
    /** Users linked to either person: id and personId only (no secrets are copied). */
    users: Array<{ id: string; personId: string }>;
    overrides: Row[];
    blocklist: Row[];
    /** Merge candidates involving either person. */
    candidates: Row[];
  };
  after: {
    survivor: Row;
    /** Edges of the survivor as the merge left them: id → updatedAt. */
    edges: Record<string, string>;
    /** Candidates the merge changed (approved or superseded): id → updatedAt. */
    candidates: Record<string, string>;
  };
  /** Rows of the merged person the merge re-pointed to the survivor (ids). */
  moved: { identities: string[]; users: string[]; overrides: string[]; blocklist: string[] };
  /** Rows the merge deleted because the survivor already had one for the same user. */
  deleted: { overrides: Row[]; blocklist: Row[] };
  /** The "same person" decision this merge recorded, if it created one. */
  createdDecisionId: string | null;
}

export function parseSnapshot(value: unknown): MergeSnapshot {
  const snapshot = value as Partial<MergeSnapshot> | null;
  if (!snapshot || snapshot.version !== SNAPSHOT_VERSION || !snapshot.before || !snapshot.after) {
    throw new Error("This merge has no usable snapshot (made before undo existed)");
  }
  return snapshot as MergeSnapshot;
}
