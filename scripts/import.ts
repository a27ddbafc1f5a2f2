// npm run import -- <source> <file-or-folder> [--owner <email>]... [--skip-resolve] [--json]
//   Imports an export exactly as the sync dashboard does: queueImport creates the run (sync.queued) and
//   sends the import.run job, and this process then executes that run itself (runImportJobNow, the job's
//   handler), so the run, its batches, SyncState and audit rows are the same. A running worker that picks
//   the job up waits for this process and finds the run done; if this process dies, a worker resumes it.
//   After a successful run, entity resolution runs over the people it touched (as the worker does);
//   --skip-resolve leaves that to a later `npm run resolve`.
//   A folder is one Slack or LinkedIn export unpacked, or for the other sources a folder of export files
//   imported one by one. LinkedIn's data export zip is read whole (its Connections.csv and messages.csv).
//   --json prints the summary as one JSON object on the last line (for a folder of files: the runs under
//   `runs`, with status, sourceName and the summed row counts at the top level, where one file's summary
//   has them). Uses DATABASE_URL, or the embedded PostgreSQL (reusing the one `npm start` runs).
import { existsSync, readdirSync, statSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { z } from "zod";
import { createPrismaClient } from "../lib/db/client";
import { applyMigrations } from "../lib/db/migrations";
import { openDatabase } from "../lib/db/runtime";
import { getSenderBoss, stopSenderBoss } from "../lib/jobs/boss";
import { isAppError } from "../lib/errors/app-error";
import { importJob } from "../lib/sources/jobs/import-job";
import { runImportJobNow } from "../lib/sources/jobs/run-import-job";
import { queueImport } from "../lib/sources/jobs/runs";
import type { ImportSummary } from "../lib/sources/pipeline";
import { ZSourceName, type TSourceName } from "../lib/sources/types";
import { CliUsageError, parseCliArgs, runCli } from "./lib/cli";
import { useStoredAuthSecret } from "./lib/stored-secret";

const USAGE = "usage: npm run import -- <source> <file-or-folder> [--owner <email>] [--skip-resolve] [--json]";
const HELP = [
  USAGE,
  `  <source>          one of: ${ZSourceName.options.join(", ")}`,
  "  <file-or-folder>  an export file (LinkedIn: Connections.csv, messages.csv or the whole data export zip); a folder is one",
  "                    Slack or LinkedIn export unpacked, or for the other sources a folder of files imported one by one",
  "  --owner <email>   whose export this is (repeatable): their connections become their ties, mail is read from their side",
  "  --skip-resolve    leave entity resolution over the touched people to a later `npm run resolve`",
  "  --json            print the run summary as one JSON object on the last line",
].join("\n");

function filesToImport(source: TSourceName, path: string): string[] {
  if (!existsSync(path)) throw new CliUsageError(`No such file or folder: ${path}`);
  // Slack's and LinkedIn's exports are folders of many files, read as one export (lib/sources/io/export-archive.ts).
  if (!statSync(path).isDirectory() || source === "slack" || source === "linkedin") return [path];
  const files = readdirSync(path, { withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.startsWith("."))
    .map((entry) => join(path, entry.name))
    .sort();
  if (files.length === 0) throw new CliUsageError(`The folder ${path} holds no files to import.`);
  return files;
}

/**
 * A folder of files, as one JSON object: the run summaries under `runs`, and at the top level the keys a
 * single file's summary has that add up (status, sourceName and the row counts), so a script reads
 * `status` and the counts the same way whichever it imported.
 */
function folderSummary(sourceName: string, summaries: readonly ImportSummary[]) {
  const sum = (key: "rowsRead" | "created" | "updated" | "skipped" | "failed" | "suppressed") => summaries.reduce((total, summary) => total + summary[key], 0);
  return {
    status: summaries.some((summary) => summary.status !== "success") ? ("failed" as const) : ("success" as const),
    sourceName,
    files: summaries.length,
    rowsRead: sum("rowsRead"),
    created: sum("created"),
    updated: sum("updated"),
    skipped: sum("skipped"),
    failed: sum("failed"),
    suppressed: sum("suppressed"),
    runs: summaries,
  };
}

function printSummary(summary: ImportSummary): void {
  const seconds = (summary.durationMs / 1000).toFixed(1);
  if (summary.status !== "success") {
    const kept = summary.created + summary.updated + summary.skipped > 0 ? `; ${summary.rowsRead - summary.failed} rows were imported before it stopped` : "; nothing was saved";
    console.log(`Import of ${summary.fileName} as ${summary.sourceName} ${summary.status === "cancelled" ? "was cancelled" : "failed"} after ${seconds} s${kept}.`);
  } else {
    console.log(`Imported ${summary.fileName} as ${summary.sourceName} (${summary.format ?? "unknown format"}) in ${seconds} s.`);
    console.log(
      `  rows read ${summary.rowsRead} · created ${summary.created} · updated ${summary.updated} · skipped ${summary.skipped} · failed ${summary.failed} · suppressed ${summary.suppressed}`,
    );
    if (summary.resumedFrom > 0) console.log(`  resumed after ${summary.resumedFrom} records committed by an earlier attempt`);
    console.log(`  people: ${summary.people.created} created, ${summary.people.matched} matched · organizations: ${summary.organizations.created} created`);
    console.log(`  interactions: ${summary.interactions.created} created, ${summary.interactions.existing} already imported · edges recomputed: ${summary.edges.recomputed}`);
    if (summary.resolution) {
      const { autoMerged, queued, people, error } = summary.resolution;
      console.log(error ? `  ${error}` : `  resolution over ${people} people: ${autoMerged} merged on strong identifiers, ${queued} pairs queued for review at /merges`);
    }
    const filtered = Object.entries(summary.filtered).filter(([, count]) => count > 0);
    if (filtered.length > 0) console.log(`  filtered on purpose: ${filtered.map(([reason, count]) => `${reason} ${count}`).join(", ")}`);
  }
  const shown = summary.issues.filter((issue) => issue.severity !== "fatal").slice(0, 20);
  if (shown.length > 0) {
    console.log(`  issues (${summary.issueCount}):`);
    for (const issue of shown) console.log(`    ${issue.severity} ${issue.code}: ${issue.reason}`);
    if (summary.issueCount > shown.length) console.log(`    … ${summary.issueCount - shown.length} more in the run history (run ${summary.runId}).`);
  }
}

runCli("import", async () => {
  const { values, positionals } = parseCliArgs({
    owner: { type: "string", multiple: true },
    json: { type: "boolean", default: false },
    "skip-resolve": { type: "boolean", default: false },
  });
  const [sourceArg, pathArg, ...extra] = positionals;
  if (!sourceArg || !pathArg || extra.length > 0) throw new CliUsageError(USAGE);
  const source = ZSourceName.safeParse(sourceArg);
  if (!source.success) throw new CliUsageError(`Unknown source "${sourceArg}". Use one of: ${ZSourceName.options.join(", ")}.`);
  // Checked here for one clear line (the run's own validation would report it as a field map).
  const badOwner = (values.owner ?? []).find((owner) => !z.email().safeParse(owner).success);
  if (badOwner !== undefined) throw new CliUsageError(`--owner must be an email address, got "${badOwner}".`);
  const files = filesToImport(source.data, pathArg);
  const json = values.json;
  const notice = (line: string) => (json ? console.error(line) : console.log(line));

  useStoredAuthSecret();
  const handle = await openDatabase({ allowShared: true, onNotice: notice });
  // Run locks and the job sender read DATABASE_URL: point it at the database in use (embedded or not).
  process.env.DATABASE_URL = handle.url;
  const db = createPrismaClient(handle.url);
  const summaries: ImportSummary[] = [];
  try {
    const migrations = await applyMigrations(handle.url);
    if (migrations.applied.length > 0) notice(`Applied ${migrations.applied.length} migration(s).`);
    const boss = await getSenderBoss(handle.url);
    for (const path of files) {
      const absolute = resolve(path);
      const queued = await queueImport(
        db,
        {
          sourceName: source.data,
          filePath: absolute,
          fileName: basename(absolute),
          fileBytes: statSync(absolute).isDirectory() ? 0 : statSync(absolute).size,
          startedById: null,
          options: values.owner && values.owner.length > 0 ? { ownerEmails: values.owner } : {},
        },
        { boss },
      ).catch((error: unknown) => {
        if (isAppError(error)) throw new CliUsageError(error.fields ? `${error.message} ${JSON.stringify(error.fields)}` : error.message);
        throw error;
      });
      const summary = await runImportJobNow(db, queued.runId, { databaseUrl: handle.url, resolve: !values["skip-resolve"] });
      // The run is done: the queued job would only find it finished (a worker may already hold it).
      await boss.cancel(importJob.name, queued.jobId).catch(() => undefined);
      summaries.push(summary);
      if (!json) printSummary(summary);
    }
  } finally {
    await stopSenderBoss().catch(() => undefined);
    await db.$disconnect();
    await handle.close();
  }

  const failures = summaries.filter((summary) => summary.status !== "success");
  if (json) {
    const [only] = summaries;
    console.log(JSON.stringify(summaries.length === 1 && only ? only : folderSummary(source.data, summaries)));
  } else if (summaries.length > 1) {
    const total = folderSummary(source.data, summaries);
    console.log(
      `${total.files} files: ${total.files - failures.length} imported, ${failures.length} failed · rows read ${total.rowsRead} · created ${total.created} · updated ${total.updated} · skipped ${total.skipped} · failed ${total.failed} · suppressed ${total.suppressed}`,
    );
  }
  for (const failure of failures) console.error(`import: ${failure.error}`);
  return failures.length > 0 ? 1 : 0;
}, { usage: HELP });
