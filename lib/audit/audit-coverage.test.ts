// Every module in lib/ that writes to the database must also write an audit row (writeAudit), or be listed
// below with the reason it is exempt. A new mutation without an audit row fails here before review.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const LIB = join(process.cwd(), "lib");

/** Writes that are not mutations of the team's data, or whose audit row is written by their caller. */
const EXEMPT: Record<string, string> = {
  "lib/audit/write-audit.ts": "writes the audit rows themselves",
  "lib/auth/throttle.ts": "sign-in counters; authenticate() writes the audit row in the same transaction",
  "lib/seed/contract-seed.ts": "fixture data for development and tests (it includes the contract's 3 audit rows)",
  "lib/seed/demo/write-demo-network.ts": "generated demo data, not a user's change",
  // Steps of one import run: lib/sources/pipeline/execute-run.ts writes sync.started / sync.resumed /
  // sync.completed / sync.failed / sync.cancelled (with counts); each batch's rows commit with the run's
  // cursor and counts, and the run's outcome row covers them.
  "lib/sources/pipeline/exact-identity-resolver.ts": "a step of an import run (audited by execute-run.ts)",
  "lib/sources/pipeline/organizations.ts": "a step of an import run (audited by execute-run.ts)",
  "lib/sources/pipeline/recompute-edges.ts": "a step of an import run (audited by execute-run.ts)",
  "lib/sources/pipeline/write-batch.ts": "a step of an import run (audited by execute-run.ts)",
  "lib/sources/pipeline/import-batches.ts": "a step of an import run: batches and the run's cursor (audited by execute-run.ts)",
  "lib/identity/merges/rows.ts": "row copies for merge snapshots; merge-people.ts / undo-merge.ts write person.merged / person.merge_undone in the same transactions",
  "lib/privacy/redact-log-columns.ts": "a step of an erasure or purge (erase-person.ts writes person.erased / person.purged)",
  "lib/privacy/suppression-store.ts": "a step of an erasure or purge (erase-person.ts writes person.erased / person.purged with the hashes)",
  // Edge recompute: its callers audit (the import run, strength.override_set / _cleared, strength.recomputed_all).
  "lib/strength/recompute.ts": "a step of an import run, an override or the full recompute job (each audited by its caller)",
  "lib/strength/edge-writer.ts": "writes the edges recompute.ts / recompute-all.ts scored (each audited by its caller)",
  "lib/strength/recompute-all.ts": "the full recompute and the VACUUM after it (strength.recomputed_all, from recompute-job.ts, commits in its transaction)",
  "lib/strength/pair-store.ts": "the stored pair aggregates, a cache of Interaction written and forgotten by recomputes, merges, erasure and deletes (each audited by its caller)",
  "lib/db/sql-runner.ts": "a driver adapter (Prisma or node-postgres) for bulk statements; no writes of its own",
  "lib/db/migrations.ts": "schema changes (recorded in _prisma_migrations)",
  "lib/db/schema-push.ts": "schema changes during development",
  "lib/db/runtime.ts": "no data writes (creates the database itself)",
  "lib/db/connection-url.ts": "no data writes (URL parameter names only)",
};

// Prisma model writes (`tx.person.update(`), raw statements, and SQL text that changes rows.
const WRITE = /\b\w+\.\w+\.(create|createMany|update|updateMany|upsert|delete|deleteMany)\(|\$executeRaw|\bINSERT INTO "|\bUPDATE "|\bDELETE FROM "/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return entry === "generated" || entry === "testing" ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry) && !/\.test\.tsx?$/.test(entry) ? [path] : [];
  });
}

function unauditedWriters(root: string): string[] {
  return sourceFiles(join(root, "lib"))
    .filter((file) => WRITE.test(readFileSync(file, "utf8")) && !readFileSync(file, "utf8").includes("writeAudit("))
    .map((file) => relative(root, file))
    .filter((file) => !(file in EXEMPT));
}

describe("audit coverage", () => {
  it("finds no module that writes data without writing an audit row", () => {
    expect(unauditedWriters(process.cwd())).toEqual([]);
  });

  it("exempts only files that exist and still write", () => {
    for (const file of Object.keys(EXEMPT)) expect(sourceFiles(LIB).map((path) => relative(process.cwd(), path))).toContain(file);
  });
});
