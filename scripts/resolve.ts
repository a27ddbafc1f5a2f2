// npm run resolve -- [--dry-run] [--json] [--export-clusters FILE] [--auto-threshold P] [--review-threshold P] [--region CC]
//   Runs entity resolution over the database (lib/identity/resolve/resolve-people.ts): auto-merges on
//   strong identifiers, queues the uncertain band for review at /merges, drops the rest, and prints a
//   summary. --dry-run computes everything and writes nothing. --export-clusters writes one JSON line per
//   resolved person with the source records (sourceName, sourceId) merged into it, so accuracy can be
//   measured against your own labels. --json prints the summary as one JSON object on the last line.
//   Uses DATABASE_URL, or the embedded PostgreSQL (reusing the one `npm start` runs).
import { once } from "node:events";
import { open, type FileHandle } from "node:fs/promises";
import { newCorrelationId, runInOperation } from "../lib/audit/correlation";
import { createPrismaClient, type Db } from "../lib/db/client";
import { applyMigrations } from "../lib/db/migrations";
import { openDatabase } from "../lib/db/runtime";
import { DEFAULT_THRESHOLDS } from "../lib/identity/matching/thresholds";
import { resolvePeople, type ResolvePeopleResult } from "../lib/identity/resolve/resolve-people";
import { CliUsageError, parseCliArgs, runCli } from "./lib/cli";

const USAGE = "usage: npm run resolve -- [--dry-run] [--json] [--export-clusters FILE] [--auto-threshold P] [--review-threshold P] [--region CC]";
const HELP = [
  USAGE,
  "  --dry-run             compute everything, write nothing to the database",
  "  --export-clusters F   write one JSON line per resolved person with its source records (sourceName, sourceId) to F",
  "  --auto-threshold P    minimum probability (0..1) for an automatic merge on a strong identifier (default 0.99)",
  "  --review-threshold P  minimum probability (0..1) for the review queue at /merges (default 0.49)",
  "  --region CC           default country for phone numbers without a country code, e.g. US",
  "  --json                print the summary as one JSON object on the last line",
].join("\n");

function probabilityOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isFinite(number) || number < 0 || number > 1) throw new CliUsageError(`--${name} must be a probability between 0 and 1 (got "${value}").`);
  return number;
}

const format = (value: number) => value.toLocaleString("en-US");

function printSummary(result: ResolvePeopleResult, correlationId: string): void {
  const title = result.dryRun ? "Resolution dry run (nothing written)" : "Resolution";
  console.log(`${title} over ${format(result.people)} people in ${(result.durationMs / 1000).toFixed(1)} s (operation ${correlationId})`);
  const rows: Array<[string, number, string]> = [
    ["auto-merged", result.autoMerged, result.dryRun ? "merges that would be made" : "merges made (undo them at /merges)"],
    ["queued", result.queued, `review candidates (${format(result.candidatesCreated)} new, ${format(result.candidatesUpdated)} rescored)`],
    ["dropped", result.dropped, "compared pairs below the review threshold"],
  ];
  if (result.candidatesRetired > 0) rows.push(["retired", result.candidatesRetired, "pending candidates no longer queued (now below the threshold, or a person gone): superseded"]);
  if (result.conflicts > 0) rows.push(["conflicts", result.conflicts, "skipped: someone changed these people meanwhile"]);
  const width = Math.max(...rows.map(([, value]) => format(value).length));
  for (const [label, value, note] of rows) console.log(`  ${label.padEnd(12)} ${format(value).padStart(width)}  ${note}`);
  const { loadMs, scoreMs, mergeMs, queueMs } = result.timings;
  console.log(`  time: load ${loadMs} ms · score ${scoreMs} ms · merge ${mergeMs} ms · queue ${queueMs} ms · λ ${result.stats.lambda.toExponential(2)} · ${format(result.stats.candidatePairs)} pairs compared`);
}

/**
 * Opens the --export-clusters file before anything runs: a path that cannot be written is one clear line,
 * not a stack trace after the resolution has already merged people.
 */
async function openExportFile(path: string): Promise<FileHandle> {
  try {
    return await open(path, "w");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === "ENOENT" ? "its folder does not exist" :
      code === "EISDIR" ? "it is a folder" :
      code === "EACCES" || code === "EPERM" || code === "EROFS" ? "permission denied" :
      error instanceof Error ? error.message : String(error);
    throw new CliUsageError(`Cannot write the --export-clusters file ${path}: ${reason}. Nothing was resolved.`);
  }
}

/** One JSON line per resolved person: its id, names, absorbed ids and every source record now in it. */
async function exportClusters(db: Db, file: FileHandle, result: ResolvePeopleResult): Promise<number> {
  const rows = await db.$queryRaw<Array<{ id: string; names: string[]; previousIds: string[]; records: Array<{ sourceName: string; sourceId: string }> }>>`
    SELECT p.id::text, coalesce(to_jsonb(p.names), '[]'::jsonb) AS names, coalesce(to_jsonb(p."previousIds"), '[]'::jsonb) AS "previousIds",
           coalesce(jsonb_agg(jsonb_build_object('sourceName', i."sourceName", 'sourceId', i."sourceId") ORDER BY i."sourceName", i."sourceId")
                    FILTER (WHERE i.id IS NOT NULL), '[]'::jsonb) AS records
      FROM "Person" p LEFT JOIN "PersonIdentity" i ON i."personId" = p.id
     WHERE p."deletedAt" IS NULL AND p."erasedAt" IS NULL
     GROUP BY p.id ORDER BY p.id`;
  // In a dry run nothing was merged: group the people as the run would have.
  const byId = new Map(rows.map((row) => [row.id, row]));
  const groups: string[][] = [];
  const grouped = new Set<string>();
  if (result.dryRun) {
    for (const cluster of result.clusters) {
      groups.push(cluster);
      for (const id of cluster) grouped.add(id);
    }
  }
  for (const row of rows) if (!grouped.has(row.id)) groups.push([row.id]);
  const out = file.createWriteStream();
  for (const group of groups) {
    const members = group.map((id) => byId.get(id)).filter((row) => row !== undefined);
    const [head] = members;
    if (!head) continue;
    const line = {
      personId: head.id,
      names: [...new Set(members.flatMap((row) => row.names))],
      previousIds: [...new Set(members.flatMap((row) => [...row.previousIds, ...(row === head ? [] : [row.id])]))],
      records: members.flatMap((row) => row.records),
    };
    if (!out.write(`${JSON.stringify(line)}\n`)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
  return groups.length;
}

runCli("resolve", async () => {
  const { values, positionals } = parseCliArgs({
    json: { type: "boolean", default: false },
    "dry-run": { type: "boolean", default: false },
    "export-clusters": { type: "string" },
    "auto-threshold": { type: "string" },
    "review-threshold": { type: "string" },
    region: { type: "string" },
  });
  if (positionals.length > 0) throw new CliUsageError(USAGE);
  const autoMerge = probabilityOption(values["auto-threshold"], "auto-threshold");
  const review = probabilityOption(values["review-threshold"], "review-threshold");
  const effective = { autoMerge: autoMerge ?? DEFAULT_THRESHOLDS.autoMerge, review: review ?? DEFAULT_THRESHOLDS.review };
  if (effective.review > effective.autoMerge) {
    throw new CliUsageError(`--review-threshold (${effective.review}) must be at or below --auto-threshold (${effective.autoMerge}).`);
  }
  if (values.region !== undefined && !/^[A-Za-z]{2}$/.test(values.region)) throw new CliUsageError("--region must be a two-letter country code, e.g. US or GB.");
  const json = values.json;
  const notice = (line: string) => (json ? console.error(line) : console.log(line));

  const exportPath = values["export-clusters"];
  const exportFile = exportPath ? await openExportFile(exportPath) : undefined;
  const handle = await openDatabase({ allowShared: true, onNotice: notice });
  const db = createPrismaClient(handle.url);
  const correlationId = newCorrelationId("resolve");
  try {
    const migrations = await applyMigrations(handle.url);
    if (migrations.applied.length > 0) notice(`Applied ${migrations.applied.length} migration(s).`);
    const result = await runInOperation({ correlationId, actorId: null }, () =>
      resolvePeople(db, {
        dryRun: values["dry-run"],
        thresholds: { ...(autoMerge !== undefined ? { autoMerge } : {}), ...(review !== undefined ? { review } : {}) },
        ...(values.region ? { defaultRegion: values.region.toUpperCase() } : {}),
      }),
    );
    let exported: number | null = null;
    if (exportFile && exportPath) {
      exported = await exportClusters(db, exportFile, result);
      notice(`Wrote ${format(exported)} resolved people with their source records to ${exportPath}.`);
    }
    if (!json) printSummary(result, correlationId);
    else {
      const { clusters, ...summary } = result;
      console.log(JSON.stringify({ ...summary, clusterCount: clusters.length, correlationId, exported }));
    }
  } finally {
    await exportFile?.close().catch(() => undefined);
    await db.$disconnect();
    await handle.close();
  }
  return 0;
}, { usage: HELP });
