// The batch loop of a run: parse the file, skip the items earlier attempts committed (SyncRun.cursor), and
// commit every `batchSize` records in ONE transaction with the run's cursor, counts and progress. A batch
// checks the run's cancel flag under a row lock first, so "Cancel" rolls back the batch in flight.
import { writeAudit } from "../../audit/write-audit";
import { getPrivacySettings } from "../../privacy/settings";
import { loadSuppressionSet } from "../../privacy/suppression-store";
import type { Db } from "../../db/client";
import type { TInteractionObservation, TPersonObservation } from "../types";
import { ExactIdentityResolver } from "./exact-identity-resolver";
import { openSource } from "./open-source";
import { readAhead } from "./read-ahead";
import { addIssue, applyCommit, nextCommitted, runColumns, type RunState } from "./run-state";
import type { IdentityResolver } from "./types";
import { addPhaseTime, phaseTotal } from "./phase-timings";
import { emptyBatchStats, writeBatch, type BatchContext } from "./write-batch";

export const DEFAULT_BATCH_SIZE = 5000;

/** WIG_IMPORT_BATCH_SIZE (records per committed batch, 50–50,000) tunes it; tests use small batches. */
function batchSizeFromEnv(): number {
  const value = Number(process.env.WIG_IMPORT_BATCH_SIZE);
  return Number.isInteger(value) && value >= 50 && value <= 50_000 ? value : DEFAULT_BATCH_SIZE;
}
const BATCH_TRANSACTION = { maxWait: 30_000, timeout: 10 * 60_000 } as const;

/** "Cancel" was requested: the batch in flight is rolled back and the run ends `cancelled`. */
export class RunCancelled extends Error {
  override name = "RunCancelled";
}

/** The worker is stopping: the run stays `running` at its last committed batch and is resumed later. */
export class RunInterrupted extends Error {
  override name = "RunInterrupted";
}

export interface BatchLoopOptions {
  runId: string;
  path: string;
  now: Date;
  ownerEmails: readonly string[];
  startedById: string | null;
  resolver?: IdentityResolver;
  batchSize?: number;
  signal?: AbortSignal;
  /** A folder export has no byte total: progress counts records. */
  progressInRecords: boolean;
}

export async function importBatches(db: Db, state: RunState, options: BatchLoopOptions): Promise<void> {
  const batchSize = options.batchSize ?? batchSizeFromEnv();
  const [settings, suppression] = await Promise.all([getPrivacySettings(db), loadSuppressionSet(db)]);
  let ownerEmails = [...new Set(options.ownerEmails.map((email) => email.trim().toLowerCase()).filter(Boolean))];
  if (ownerEmails.length === 0 && options.startedById) {
    const user = await db.user.findUnique({ where: { id: options.startedById }, select: { email: true } });
    if (user) ownerEmails = [user.email.toLowerCase()];
  }
  /** Bytes consumed by the parser (read ahead), and by the items the loop has taken so far. */
  let parsedBytes = 0;
  let bytesRead = 0;
  const source = await openSource(state.sourceName, options.path, {
    ownerEmails,
    now: options.now,
    includeSubjects: settings.storeSubjects,
    onProgress: (progress) => {
      parsedBytes = progress.bytesRead;
      if (progress.done) state.filtered = { ...progress.filtered };
    },
  });
  state.format = source.format;
  ownerEmails = source.ownerEmails.map((email) => email.toLowerCase());
  const ownerKey = ownerEmails[0];
  const resolver = options.resolver ?? new ExactIdentityResolver();
  // Connections.csv's people are the owner's ties (also inside LinkedIn's whole export, whose other file,
  // messages.csv, yields only interactions).
  const connectToOwner = source.format === "linkedin_connections" || source.format === "linkedin_archive";
  if (connectToOwner && !ownerKey && !state.issues.some((issue) => issue.code === "no_owner")) {
    addIssue(state, {
      kind: "issue",
      severity: "warn",
      code: "no_owner",
      reason: "No owner address was given, so connections were imported as people without edges. Import again with --owner <your email> to connect them to you.",
      position: {},
    });
  }

  // The owner is resolved inside the first batch's transaction, so a run cancelled before it writes nothing.
  let owner: BatchContext["owner"] = null;
  let people: TPersonObservation[] = [];
  let interactions: TInteractionObservation[] = [];
  let seen = 0;
  const skipUntil = state.committed.cursor;
  let commitMs = 0;
  const loopStarted = performance.now();

  const commit = async () => {
    if (seen === state.committed.cursor) return;
    if (options.signal?.aborted) throw new RunInterrupted("The worker is stopping; the run resumes from its last batch.");
    const batch = emptyBatchStats();
    const progressDone = options.progressInRecords ? state.committed.rowsRead + state.pendingRows : Math.min(bytesRead, state.fileBytes);
    const next = nextCommitted(state, batch, seen, progressDone);
    let batchOwner = owner;
    const started = performance.now();
    const innerBefore = phaseTotal(["batch.organizations", "batch.people", "batch.interactions"]);
    await db.$transaction(async (tx) => {
      // A batch lost to a crash after its COMMIT returned is simply imported again from the run's previous
      // cursor (interactions and identities are idempotent), so the batch need not wait for the WAL flush.
      await tx.$executeRawUnsafe("SET LOCAL synchronous_commit = off");
      const rows = await tx.$queryRawUnsafe<Array<{ cancelRequestedAt: Date | null }>>(
        `SELECT "cancelRequestedAt" FROM "SyncRun" WHERE id = $1::uuid FOR UPDATE`,
        options.runId,
      );
      if (rows[0]?.cancelRequestedAt) throw new RunCancelled("Cancelled.");
      if (!batchOwner && ownerKey) {
        const [resolved] = await resolver.resolve(tx, [{ sourceName: state.sourceName, sourceId: null, names: [], emails: ownerEmails, phones: [], handles: {} }], batch);
        if (resolved) batchOwner = { personId: resolved.personId, key: ownerKey };
      }
      if (people.length > 0 || interactions.length > 0) {
        await writeBatch(
          { tx, sourceName: state.sourceName, resolver, owner: batchOwner, connectToOwner, now: options.now, stats: batch, suppression, storeSubjects: settings.storeSubjects },
          people,
          interactions,
        );
      }
      // The batch's numbers are only known now: recompute the totals before writing them with the rows.
      Object.assign(next, nextCommitted(state, batch, seen, progressDone));
      await tx.syncRun.update({ where: { id: options.runId }, data: runColumns(state, next) });
      // Every committed batch has its audit row, committed with it (a batch rolled back leaves none).
      await writeAudit(tx, {
        action: "sync.batch_committed",
        entityType: "SyncRun",
        entityId: options.runId,
        metadata: { sourceName: state.sourceName, cursor: next.cursor, ...batch },
      });
    }, BATCH_TRANSACTION);
    const elapsed = performance.now() - started;
    commitMs += elapsed;
    addPhaseTime("batch.bookkeeping", elapsed - (phaseTotal(["batch.organizations", "batch.people", "batch.interactions"]) - innerBefore));
    owner = batchOwner;
    applyCommit(state, next, batch);
    people = [];
    interactions = [];
  };

  // The parser runs up to one batch ahead while a batch commits; bytesRead is the position of each item.
  for await (const ahead of readAhead(source.items, batchSize, () => parsedBytes)) {
    const item = ahead.item;
    bytesRead = ahead.bytesRead;
    seen += 1;
    if (seen <= skipUntil) continue;
    if (item.kind === "issue") {
      addIssue(state, item);
      if (item.severity === "skip") {
        state.pendingRows += 1;
        state.pendingSkips += 1;
      }
      continue;
    }
    state.pendingRows += 1;
    if (item.kind === "person") people.push(item);
    else interactions.push(item);
    if (people.length + interactions.length >= batchSize) await commit();
  }
  addPhaseTime("parse", performance.now() - loopStarted - commitMs);
  await commit();
}
