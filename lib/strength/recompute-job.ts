// The full recompute as a background job ("strength.recompute_all"): decay moves every pair's recency as
// time passes and mutual connections shift as edges appear, so a periodic full pass keeps every edge at
// today's value (incremental recomputes only touch the pairs an import, merge or override changed). It runs
// on its own node-postgres connection when DATABASE_URL is set (Prisma's raw API moves the written factors
// ~10× slower), in one transaction, with its strength.recomputed_all audit row (the counts and timings).
import pg from "pg";
import { z } from "zod";
import type { AuditEntry } from "../audit/write-audit";
import type { Db } from "../db/client";
import { parseDatabaseUrl } from "../db/connection-url";
import { defineJob } from "../jobs/define-job";
import { recomputeAllEdges, settleRebuiltTables, type RecomputeAllResult } from "./recompute-all";

export const ZRecomputeAllPayload = z.object({
  /** ISO instant recency is evaluated at; the job's start time when omitted. */
  asOf: z.iso.datetime().optional(),
  batchSize: z.number().int().min(100).max(20_000).optional(),
});
export type TRecomputeAllPayload = z.infer<typeof ZRecomputeAllPayload>;

export interface RunRecomputeAllOptions {
  db: Db;
  asOf: Date;
  batchSize?: number;
  /** Use this connection string for the bulk work (default DATABASE_URL; Prisma when neither is set). */
  databaseUrl?: string;
  correlationId?: string;
  signal?: AbortSignal;
}

export async function runRecomputeAll(options: RunRecomputeAllOptions): Promise<RecomputeAllResult> {
  const url = options.databaseUrl ?? process.env.DATABASE_URL;
  // The audit row commits with the rebuilt edges, or not at all.
  const audit = (result: RecomputeAllResult): AuditEntry => ({
    action: "strength.recomputed_all",
    entityType: "Edge",
    ...(options.correlationId ? { correlationId: options.correlationId } : {}),
    metadata: {
      asOf: options.asOf.toISOString(),
      pairs: result.pairs,
      edges: result.edges,
      aggregateMs: Math.round(result.timings.aggregateMs),
      mutualMs: Math.round(result.timings.mutualMs),
      writeMs: Math.round(result.timings.writeMs),
      swapMs: Math.round(result.timings.swapMs),
    },
  });
  const common = { asOf: options.asOf, batchSize: options.batchSize, signal: options.signal, audit };
  if (!url) {
    const result = await recomputeAllEdges(options.db, common);
    await settleRebuiltTables(options.db);
    return result;
  }
  const parsed = parseDatabaseUrl(url);
  const client = new pg.Client({ connectionString: parsed.connectionString });
  await client.connect();
  try {
    if (parsed.schema) await client.query(`SET search_path TO "${parsed.schema.replaceAll('"', '""')}"`);
    const result = await recomputeAllEdges(client, common);
    await settleRebuiltTables(client);
    return result;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export const recomputeAllJob = defineJob<TRecomputeAllPayload>({
  name: "strength.recompute_all",
  payload: ZRecomputeAllPayload,
  // Nightly at 03:15 UTC, so recency decay never lags by more than a day.
  schedule: { cron: "15 3 * * *", payload: {} },
  retryLimit: 1,
  expireInMinutes: 120,
  async run(payload, context) {
    await runRecomputeAll({
      db: context.db,
      asOf: payload.asOf ? new Date(payload.asOf) : new Date(),
      batchSize: payload.batchSize,
      correlationId: context.correlationId,
      signal: context.signal,
    });
  },
});
