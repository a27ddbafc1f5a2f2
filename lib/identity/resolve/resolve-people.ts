// Entity resolution over the database: what `npm run resolve` runs and what the import pipeline calls after
// an import (with the people the run touched). Loads every visible person, runs the pure pipeline
// (resolveIdentities: block, score, cluster, review candidates) with the remembered human decisions, then
//   - auto-merges each consistent cluster (strong identifier above the auto threshold; a cluster with two
//     LinkedIn profiles or a "different people" pair is never auto-merged), each merge its own transaction;
//   - queues the uncertain band as pending MergeCandidates (new, or rescored if still pending; a pair that
//     was rejected or is marked different is never queued again);
//   - drops the rest.
// With personIds, the whole population is still scored (a new record must be compared with everyone) but
// only clusters and candidates involving those people are acted on. Merged people are never split.
import { z } from "zod";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import type { Prisma } from "../../../prisma/generated/client";
import { AppError, isAppError } from "../../errors/app-error";
import { loadCurrentDecisions } from "../decisions/pair-decisions";
import { mergePeople, mergePeopleInOneTransaction, orderedPair } from "../merges/merge-people";
import type { ResolvedLink, ResolutionStats } from "../matching/resolve-identities";
import { resolveIdentities } from "../matching/resolve-identities";
import { DEFAULT_THRESHOLDS } from "../matching/thresholds";
import { formatProbability } from "../format-probability";
import { identityRecordFromPerson } from "../normalize/record-from-person";
import type { IdentityRecord } from "../normalize/normalize-record";

/** Auto-merges in flight at once (each holds one pooled connection). */
const MERGE_CONCURRENCY = 4;

export const ZResolvePeopleInput = z.object({
  personIds: z.array(z.uuid()).max(1_000_000).optional(),
  thresholds: z.object({ autoMerge: z.number().min(0).max(1).optional(), review: z.number().min(0).max(1).optional() }).optional(),
  /** Compute everything, write nothing. */
  dryRun: z.boolean().default(false),
  /** Default region for phone numbers without a country code. */
  defaultRegion: z.string().length(2).optional(),
});
export type TResolvePeopleInput = z.input<typeof ZResolvePeopleInput>;

export interface PlannedMerge {
  survivorId: string;
  mergedId: string;
  probability: number;
  explanation: string;
  /** "review" when a remembered human "same person" decision joined them. */
  method: "auto" | "review";
}

export interface ResolvePeopleResult {
  /** Merges made (or, in a dry run, that would be made). */
  autoMerged: number;
  /** Pending candidates created or rescored. */
  queued: number;
  /** Compared pairs neither merged nor queued. */
  dropped: number;
  durationMs: number;
  people: number;
  candidatesCreated: number;
  candidatesUpdated: number;
  /** Pending candidates (not member proposals) this run no longer queues: marked superseded. */
  candidatesRetired: number;
  /** Merges or candidates skipped because someone changed the people meanwhile. */
  conflicts: number;
  /** Groups of live people that are (or in a dry run would be) one person after the run, size ≥ 2. */
  clusters: string[][];
  stats: ResolutionStats;
  dryRun: boolean;
  timings: { loadMs: number; scoreMs: number; mergeMs: number; queueMs: number };
}

interface PersonRow {
  id: string;
  names: string[];
  emails: string[];
  phones: string[];
  socialHandles: unknown;
  title: string | null;
  createdAt: Date;
  orgName: string | null;
  orgDomain: string | null;
}

function describeLink(link: ResolvedLink | undefined): Omit<PlannedMerge, "survivorId" | "mergedId"> {
  if (!link) return { probability: 1, explanation: "Auto-merged: same cluster of strong identifiers.", method: "auto" };
  const reasons = link.explanation.contributions.filter((item) => item.weight > 0).map((item) => (item.detail ? `${item.description} (${item.detail})` : item.description));
  const kind = link.decidedBy === "human" ? "Confirmed the same person earlier" : `Auto-merged on ${link.strongIdentifier ?? "strong identifiers"}`;
  return { probability: link.probability, explanation: `${kind}, probability ${formatProbability(link.probability)}: ${reasons.join("; ")}`.slice(0, 2_000), method: link.decidedBy === "human" ? "review" : "auto" };
}

export async function resolvePeople(db: Db, rawInput: TResolvePeopleInput = {}): Promise<ResolvePeopleResult> {
  const parsed = ZResolvePeopleInput.safeParse(rawInput);
  if (!parsed.success) throw new AppError("BAD_REQUEST", "Invalid resolution options.", { fields: z.flattenError(parsed.error).fieldErrors });
  const { personIds, dryRun, defaultRegion } = parsed.data;
  const thresholds = { ...DEFAULT_THRESHOLDS, ...parsed.data.thresholds };
  // A review threshold above the auto-merge one would queue nothing the model is unsure of and merge what
  // it should ask about: a mistake, not a setting.
  if (thresholds.review > thresholds.autoMerge) {
    throw new AppError(
      "BAD_REQUEST",
      `The review threshold (${thresholds.review}) is above the auto-merge threshold (${thresholds.autoMerge}); it must be at or below it.`,
      { fields: { "thresholds.review": ["must be at or below the auto-merge threshold"] } },
    );
  }
  const started = performance.now();

  const people = await db.$queryRaw<PersonRow[]>`
    SELECT p.id::text, p.names, p.emails, p.phones, p."socialHandles", p.title, p."createdAt", o.name AS "orgName", o.domain AS "orgDomain"
      FROM "Person" p LEFT JOIN "Organization" o ON o.id = p."organizationId" AND o."deletedAt" IS NULL
     WHERE p."deletedAt" IS NULL AND p."erasedAt" IS NULL
     ORDER BY p."createdAt", p.id`;
  const decisions = await loadCurrentDecisions(db);
  const existing = await db.$queryRaw<Array<{ id: string; personAId: string; personBId: string; status: string; proposed: boolean }>>`
    SELECT id::text, "personAId"::text, "personBId"::text, status::text, "proposedById" IS NOT NULL AS proposed FROM "MergeCandidate"`;
  // A rejected candidate is a "different" decision even if its MergeDecision row is missing.
  const different = [...decisions.different, ...existing.filter((row) => row.status === "rejected").map((row) => [row.personAId, row.personBId] as [string, string])];
  const loaded = performance.now();

  const records: IdentityRecord[] = people.map((person) =>
    identityRecordFromPerson({ ...person, organization: person.orgName ? { name: person.orgName, domain: person.orgDomain } : null }),
  );
  const result = resolveIdentities(records, {
    thresholds,
    decisions: { same: decisions.same, different },
    ...(defaultRegion ? { phone: { defaultRegion: defaultRegion.toUpperCase() as never } } : {}),
  });
  const scored = performance.now();

  const scope = personIds ? new Set(personIds) : null;
  const inScope = (ids: readonly string[]) => !scope || ids.some((id) => scope.has(id));
  const order = new Map(people.map((person, index) => [person.id, index]));
  const clusters = result.clusters.filter((cluster) => inScope(cluster.recordIds));

  // Each cluster merges into its oldest person (people are loaded oldest first).
  const survivorOf = new Map<string, string>();
  const planned: PlannedMerge[] = [];
  for (const cluster of clusters) {
    const members = [...cluster.recordIds].sort((x, y) => (order.get(x) ?? 0) - (order.get(y) ?? 0));
    const [survivorId, ...rest] = members;
    if (!survivorId) continue;
    for (const id of members) survivorOf.set(id, survivorId);
    for (const mergedId of rest) {
      const link = cluster.links.find((item) => item.a === mergedId || item.b === mergedId);
      planned.push({ survivorId, mergedId, ...describeLink(link) });
    }
  }
  let conflicts = 0;
  let autoMerged = 0;
  if (!dryRun) {
    // Clusters are disjoint, so they merge in parallel (a few at a time: each merge is mostly round trips);
    // the merges of one cluster run in order. Two clusters touching the same neighbour's edges may deadlock;
    // the merge transaction retries that.
    const byCluster = new Map<string, PlannedMerge[]>();
    for (const merge of planned) byCluster.set(merge.survivorId, [...(byCluster.get(merge.survivorId) ?? []), merge]);
    const queue = [...byCluster.values()];
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        // A cluster's merges share one transaction (one lock, one commit; each keeps its own snapshot,
        // Merge and audit row). If someone changed one of its people meanwhile, nothing was written and
        // the merges run one by one, so the others still happen.
        try {
          // (awaited first: `autoMerged += await …` would read the counter before the await and lose other workers' merges)
          const done = await mergePeopleInOneTransaction(db, next);
          autoMerged += done.length;
          continue;
        } catch (error) {
          if (!isAppError(error) || (error.code !== "CONFLICT" && error.code !== "NOT_FOUND")) throw error;
        }
        for (const merge of next) {
          try {
            await mergePeople(db, merge);
            autoMerged += 1;
          } catch (error) {
            if (!isAppError(error) || (error.code !== "CONFLICT" && error.code !== "NOT_FOUND")) throw error;
            conflicts += 1;
          }
        }
      }
    };
    await Promise.all(Array.from({ length: MERGE_CONCURRENCY }, worker));
  } else autoMerged = planned.length;
  const merged = performance.now();

  // Review candidates between the people that exist after the merges.
  const existingByPair = new Map(existing.map((row) => [`${row.personAId} ${row.personBId}`, row]));
  const toCreate: Prisma.MergeCandidateCreateManyInput[] = [];
  const toUpdate: Array<{ id: string; probability: number; matchWeight: number; explanation: unknown }> = [];
  const seen = new Set<string>();
  for (const candidate of result.reviewCandidates) {
    if (!inScope([...candidate.recordsA, ...candidate.recordsB])) continue;
    const [a, b] = orderedPair(survivorOf.get(candidate.a) ?? candidate.a, survivorOf.get(candidate.b) ?? candidate.b);
    const key = `${a} ${b}`;
    if (a === b || seen.has(key)) continue;
    seen.add(key);
    // The waterfall ends at the pair's own probability; the queue's probability may be lower when one side
    // resembles several people (competing candidates share it), so both are kept.
    const explanation = { ...candidate.explanation, queueProbability: candidate.probability, reason: candidate.reason };
    const row = existingByPair.get(key);
    if (!row) {
      toCreate.push({ personAId: a, personBId: b, probability: candidate.probability, matchWeight: candidate.explanation.matchWeight, explanation: explanation as unknown as Prisma.InputJsonValue });
    } else if (row.status === "pending" || row.status === "superseded") {
      toUpdate.push({ id: row.id, probability: candidate.probability, matchWeight: candidate.explanation.matchWeight, explanation });
    }
    // rejected: never again; approved: a merged pair is not split by a re-run.
  }
  // A pending candidate this run no longer queues (its pair now scores below the review threshold, or one
  // side is gone) would wait in the queue with a stale score. It is superseded, as a merge supersedes the
  // candidates it makes obsolete, and a later run that queues the pair again reopens it. A member's
  // proposal stays: a person asked for that decision, whatever the model says.
  const toRetire = existing
    .filter((row) => row.status === "pending" && !row.proposed && !seen.has(`${row.personAId} ${row.personBId}`) && inScope([row.personAId, row.personBId]))
    .map((row) => row.id);
  if (!dryRun) {
    await db.$transaction(async (tx) => {
      if (toCreate.length) await tx.mergeCandidate.createMany({ data: toCreate, skipDuplicates: true });
      if (toUpdate.length) {
        await tx.$executeRawUnsafe(
          `UPDATE "MergeCandidate" c SET probability = (u->>'probability')::float8, "matchWeight" = (u->>'matchWeight')::float8,
                  explanation = u->'explanation', status = 'pending', "updatedAt" = (now() AT TIME ZONE 'UTC')
             FROM jsonb_array_elements($1::jsonb) u
            WHERE c.id = (u->>'id')::uuid AND c.status IN ('pending', 'superseded')
              AND (c.probability <> (u->>'probability')::float8 OR c.status <> 'pending')`,
          JSON.stringify(toUpdate),
        );
      }
      if (toRetire.length) {
        await tx.$executeRaw`UPDATE "MergeCandidate" SET status = 'superseded', "updatedAt" = (now() AT TIME ZONE 'UTC')
          WHERE id = ANY(${toRetire}::uuid[]) AND status = 'pending' AND "proposedById" IS NULL`;
      }
      await writeAudit(tx, {
        action: "identity.resolved",
        entityType: "Person",
        metadata: {
          people: people.length,
          autoMerged,
          queued: toCreate.length + toUpdate.length,
          retired: toRetire.length,
          conflicts,
          scoped: personIds ? personIds.length : null,
          thresholds,
        },
      });
    }, { timeout: 300_000, maxWait: 60_000 });
  }
  const queued = toCreate.length + toUpdate.length;
  const finished = performance.now();

  const groups = new Map<string, string[]>();
  for (const [member, survivor] of survivorOf) groups.set(survivor, [...(groups.get(survivor) ?? []), member]);
  return {
    autoMerged,
    queued,
    dropped: Math.max(0, result.stats.candidatePairs - result.stats.autoLinks - result.stats.reviewCandidates),
    durationMs: Math.round(finished - started),
    people: people.length,
    candidatesCreated: toCreate.length,
    candidatesUpdated: toUpdate.length,
    candidatesRetired: toRetire.length,
    conflicts,
    clusters: [...groups.values()],
    stats: result.stats,
    dryRun,
    timings: {
      loadMs: Math.round(loaded - started),
      scoreMs: Math.round(scored - loaded),
      mergeMs: Math.round(merged - scored),
      queueMs: Math.round(finished - merged),
    },
  };
}
