// Shapes shared by the import pipeline: the transaction it writes through, what identity resolution
// receives, and the run summary importFile returns (and `npm run import -- --json` prints).
import type { Prisma } from "../../../prisma/generated/client";
import type { SourceFormat } from "../detect-format";
import type { TParseIssue, TSourceName } from "../types";

export type Tx = Prisma.TransactionClient;

/** One person as a source record describes them, ready for identity resolution. */
export interface IdentityObservation {
  sourceName: string;
  /** The record's stable id in the source; null when no identity should be remembered (the importing owner). */
  sourceId: string | null;
  names: string[];
  /** Lowercased. */
  emails: string[];
  phones: string[];
  /** Network → id, stored in Person.socialHandles: { linkedin: "dana-smith", slack: "U123" }. */
  handles: Record<string, string>;
  title?: string;
  organizationId?: string | null;
  observedAt?: Date;
}

export interface ResolvedIdentity {
  personId: string;
  /** The person was created for this observation (or an earlier one of the same batch). */
  created: boolean;
}

export interface ResolveStats {
  peopleCreated: number;
  /** Distinct existing people an observation resolved to. */
  peopleMatched: number;
  /** Distinct existing people that gained a name, email, phone, handle, title or organization. */
  peopleUpdated: number;
}

/**
 * The seam entity resolution plugs into: observations in, one person per observation out, written in the
 * caller's transaction (people and PersonIdentity rows). The default is exact-identifier find-or-create.
 */
export interface IdentityResolver {
  resolve(tx: Tx, observations: readonly IdentityObservation[], stats: ResolveStats): Promise<ResolvedIdentity[]>;
}

export interface ImportFileOptions {
  db: import("../../db/client").Db;
  sourceName: TSourceName;
  /** A file, or for Slack a zip or an export folder. */
  path: string;
  /** The importing person's addresses: mailbox owner, and the other end of LinkedIn connections. */
  ownerEmails?: readonly string[];
  /** The User starting the run (recorded on the run and the audit rows). */
  startedById?: string | null;
  /** The clock for strength scoring and calendar occurrences (tests pin it). */
  now?: Date;
  resolver?: IdentityResolver;
  /** Name shown in the run history; defaults to the path's base name. */
  fileName?: string;
}

export interface ImportSummary {
  runId: string;
  correlationId: string;
  sourceName: TSourceName;
  format: SourceFormat | null;
  fileName: string;
  fileBytes: number;
  status: "success" | "failed" | "cancelled";
  /** Actionable message of a failed run. */
  error: string | null;
  /** Observations and skipped records read from the file. */
  rowsRead: number;
  /** People and interactions created. */
  created: number;
  /** Existing people that gained identifiers. */
  updated: number;
  /** Records that changed nothing (already imported, duplicates, too few participants) plus rows the parser skipped. */
  skipped: number;
  /** Rows read but not written because the run failed or was cancelled before their batch committed. */
  failed: number;
  /** Person records and interaction participants withheld because they are on the erasure suppression list. */
  suppressed: number;
  /** Records this attempt skipped because an earlier attempt of the same run had committed them (0 normally). */
  resumedFrom: number;
  /** This attempt's breakdown (a resumed run's earlier attempts are in created/updated/skipped only). */
  people: { created: number; matched: number };
  organizations: { created: number };
  interactions: { created: number; existing: number };
  /** Directed edges written (two per recomputed pair). */
  edges: { recomputed: number };
  /** The first 200 issues (skip, warn, and the fatal one of a failed run) with positions and reasons. */
  issues: TParseIssue[];
  issueCount: number;
  /** Records dropped on purpose by the parser, by reason (spam, mailing_list, …). */
  filtered: Record<string, number>;
  durationMs: number;
  /** Entity resolution over the people the run touched (worker and CLI runs; absent for importFile). */
  resolution?: ImportResolution | null;
}

export interface ImportResolution {
  autoMerged: number;
  /** Uncertain pairs added to (or rescored in) the review queue. */
  queued: number;
  /** People the run created or changed, resolved against everyone. */
  people: number;
  /** Set when resolution failed; the import itself stays committed. */
  error: string | null;
}
