// importFile: one export file (or Slack folder) → people, organizations, interactions and edges, with a
// SyncRun row, the source's SyncState and audit rows. Synchronous (the job queue will call this).
//
// Atomicity: the run's data writes and its success bookkeeping commit in ONE transaction; any failure
// (wrong format, a SourceFormatError mid-stream, a database error) rolls them back, and a second
// transaction records only the failed run, SyncState.lastError and the `sync.failed` audit row.
import { stat } from "node:fs/promises";
import { basename } from "node:path";
import type { Prisma } from "../../../prisma/generated/client";
import { currentOperation, newCorrelationId, runInOperation } from "../../audit/correlation";
import { writeAudit } from "../../audit/write-audit";
import { isSourceFormatError, SourceFormatError } from "../errors";
import { ZSourceName, type TInteractionObservation, type TParseIssue, type TPersonObservation } from "../types";
import { ExactIdentityResolver } from "./exact-identity-resolver";
import { openSource } from "./open-source";
import { recomputeEdges } from "./recompute-edges";
import type { ImportFileOptions, ImportSummary, Tx } from "./types";
import { writeBatch, type BatchContext, type BatchStats } from "./write-batch";

const BATCH_SIZE = 1000;
const MAX_STORED_ISSUES = 200;
/** One transaction per file: generous, because a large mbox is written in one go. */
const TRANSACTION_OPTIONS = { maxWait: 30_000, timeout: 60 * 60_000 } as const;

interface RunState {
  format: ImportSummary["format"];
  rowsRead: number;
  parserSkips: number;
  issues: TParseIssue[];
  issueCount: number;
  filtered: Record<string, number>;
  stats: BatchStats;
  edges: number;
}

export async function importFile(options: ImportFileOptions): Promise<ImportSummary> {
  const started = performance.now();
  const sourceName = ZSourceName.parse(options.sourceName);
  const now = options.now ?? new Date();
  const info = await stat(options.path).catch((error: unknown) => {
    throw new SourceFormatError("not_found", `Cannot read ${options.path}: ${(error as Error).message}.`, { cause: error });
  });
  const fileName = options.fileName ?? basename(options.path);
  const fileBytes = info.isDirectory() ? 0 : info.size;
  const { db } = options;
  const startedById = options.startedById ?? null;
  // Inside a request or job, the run joins its operation; on its own (the CLI) it is one.
  const correlationId = currentOperation()?.correlationId ?? newCorrelationId("sync");

  return runInOperation({ correlationId, actorId: startedById }, async () => {
    const runId = await db.$transaction(async (tx) => {
      const run = await tx.syncRun.create({
        data: { sourceName, status: "running", startedAt: now, startedById, fileName, fileBytes: BigInt(fileBytes), correlationId },
        select: { id: true },
      });
      await tx.syncState.upsert({
        where: { sourceName },
        create: { sourceName, status: "running", lastSyncAt: now },
        update: { status: "running", lastSyncAt: now },
      });
      await writeAudit(tx, { action: "sync.started", entityType: "SyncRun", entityId: run.id, metadata: { sourceName, fileName, fileBytes } });
      return run.id;
    });

    const state: RunState = {
      format: null,
      rowsRead: 0,
      parserSkips: 0,
      issues: [],
      issueCount: 0,
      filtered: {},
      stats: { peopleCreated: 0, peopleMatched: 0, peopleUpdated: 0, organizationsCreated: 0, interactionsCreated: 0, interactionsExisting: 0, interactionsUnusable: 0 },
      edges: 0,
    };
    const summarize = (status: ImportSummary["status"], error: string | null): ImportSummary => {
      const { stats } = state;
      const failed = status === "failed";
      return {
        runId,
        correlationId,
        sourceName,
        format: state.format,
        fileName,
        fileBytes,
        status,
        error,
        rowsRead: state.rowsRead,
        created: failed ? 0 : stats.peopleCreated + stats.interactionsCreated,
        updated: failed ? 0 : stats.peopleUpdated,
        skipped: failed ? 0 : state.parserSkips + stats.interactionsExisting + stats.interactionsUnusable,
        failed: failed ? state.rowsRead : 0,
        people: failed ? { created: 0, matched: 0 } : { created: stats.peopleCreated, matched: stats.peopleMatched },
        organizations: { created: failed ? 0 : stats.organizationsCreated },
        interactions: failed ? { created: 0, existing: 0 } : { created: stats.interactionsCreated, existing: stats.interactionsExisting },
        edges: { recomputed: failed ? 0 : state.edges },
        issues: state.issues,
        issueCount: state.issueCount,
        filtered: state.filtered,
        durationMs: Math.round(performance.now() - started),
      };
    };

    try {
      await db.$transaction(async (tx) => {
        await runImport(tx, options, sourceName, now, state);
        const summary = summarize("success", null);
        await tx.syncRun.update({ where: { id: runId }, data: { ...runColumns(summary), status: "success", finishedAt: new Date() } });
        await tx.syncState.update({
          where: { sourceName },
          data: {
            status: "success",
            lastSuccessAt: now,
            lastError: null,
            cursor: JSON.stringify({ runId, fileName, fileBytes, rowsRead: summary.rowsRead }),
          },
        });
        await writeAudit(tx, { action: "sync.completed", entityType: "SyncRun", entityId: runId, metadata: auditCounts(summary) });
      }, TRANSACTION_OPTIONS);
      return summarize("success", null);
    } catch (error) {
      const message = failureMessage(error, fileName);
      if (isSourceFormatError(error)) addIssue(state, error.toIssue());
      const summary = summarize("failed", message);
      await db.$transaction(async (tx) => {
        await tx.syncRun.update({ where: { id: runId }, data: { ...runColumns(summary), status: "failed", error: message, finishedAt: new Date() } });
        await tx.syncState.update({ where: { sourceName }, data: { status: "failed", lastError: message } });
        await writeAudit(tx, { action: "sync.failed", entityType: "SyncRun", entityId: runId, metadata: { ...auditCounts(summary), error: message } });
      });
      return summary;
    }
  });
}

async function runImport(tx: Tx, options: ImportFileOptions, sourceName: ImportSummary["sourceName"], now: Date, state: RunState): Promise<void> {
  let ownerEmails = [...new Set((options.ownerEmails ?? []).map((email) => email.trim().toLowerCase()).filter(Boolean))];
  if (ownerEmails.length === 0 && options.startedById) {
    const user = await tx.user.findUnique({ where: { id: options.startedById }, select: { email: true } });
    if (user) ownerEmails = [user.email.toLowerCase()];
  }
  const source = await openSource(sourceName, options.path, {
    ownerEmails,
    now,
    onProgress: (progress) => {
      if (progress.done) state.filtered = { ...progress.filtered };
    },
  });
  state.format = source.format;
  ownerEmails = source.ownerEmails.map((email) => email.toLowerCase());

  const resolver = options.resolver ?? new ExactIdentityResolver();
  let owner: BatchContext["owner"] = null;
  const ownerKey = ownerEmails[0];
  if (ownerKey) {
    const [resolved] = await resolver.resolve(tx, [{ sourceName, sourceId: null, names: [], emails: ownerEmails, phones: [], handles: {} }], state.stats);
    if (resolved) owner = { personId: resolved.personId, key: ownerKey };
  }
  const connectToOwner = source.format === "linkedin_connections";
  if (connectToOwner && !owner) {
    addIssue(state, {
      kind: "issue",
      severity: "warn",
      code: "no_owner",
      reason: "No owner address was given, so connections were imported as people without edges. Import again with --owner <your email> to connect them to you.",
      position: {},
    });
  }
  const context: BatchContext = { tx, sourceName, resolver, owner, connectToOwner, now, stats: state.stats, touchedPairs: new Set() };

  let people: TPersonObservation[] = [];
  let interactions: TInteractionObservation[] = [];
  const flush = async () => {
    if (people.length === 0 && interactions.length === 0) return;
    await writeBatch(context, people, interactions);
    people = [];
    interactions = [];
  };
  for await (const item of source.items) {
    if (item.kind === "issue") {
      addIssue(state, item);
      if (item.severity === "skip") {
        state.parserSkips += 1;
        state.rowsRead += 1;
      }
      continue;
    }
    state.rowsRead += 1;
    if (item.kind === "person") people.push(item);
    else interactions.push(item);
    if (people.length + interactions.length >= BATCH_SIZE) await flush();
  }
  await flush();
  state.edges = await recomputeEdges(tx, context.touchedPairs, now);
}

function addIssue(state: RunState, issue: TParseIssue): void {
  state.issueCount += 1;
  if (state.issues.length < MAX_STORED_ISSUES) state.issues.push(issue);
}

function runColumns(summary: ImportSummary) {
  return {
    rowsRead: summary.rowsRead,
    created: summary.created,
    updated: summary.updated,
    skipped: summary.skipped,
    failed: summary.failed,
    issues: summary.issues as unknown as Prisma.InputJsonValue,
  };
}

function auditCounts(summary: ImportSummary) {
  return {
    sourceName: summary.sourceName,
    fileName: summary.fileName,
    rowsRead: summary.rowsRead,
    created: summary.created,
    updated: summary.updated,
    skipped: summary.skipped,
    failed: summary.failed,
    peopleCreated: summary.people.created,
    interactionsCreated: summary.interactions.created,
    edgesRecomputed: summary.edges.recomputed,
    issueCount: summary.issueCount,
  };
}

/** A sentence a person can act on: the parser's own message for bad files, the cause for anything else. */
function failureMessage(error: unknown, fileName: string): string {
  if (isSourceFormatError(error)) return `${fileName}: ${error.message}`;
  const message = error instanceof Error ? error.message : String(error);
  return `${fileName}: the import failed and nothing was saved (${message}). Try again; if it keeps failing, report this message.`;
}
