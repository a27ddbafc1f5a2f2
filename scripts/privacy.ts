// npm run privacy -- <command>: the operator's side of issue 7, running the same lib/privacy code and writing
// the same audit rows as /admin/privacy (each command is one operation with its own correlation id).
//   erase --email <address> [--yes]      erase a person (asks for their name or ERASE unless --yes)
//   export --email <address>             everything held on them, as JSON on stdout (> file.json)
//   purge [--dry-run] [--json]           run the retention policies now (or only count what would go)
//   delete --email <address> [--reason]  soft delete (restorable)
//   restore --email <address>            undo a soft delete
// Expected failures (unknown email, already erased, out-of-range settings) print one line and exit 1.
import { createInterface } from "node:readline/promises";
import { newCorrelationId, runInOperation } from "../lib/audit/correlation";
import { createPrismaClient, type Db } from "../lib/db/client";
import { applyMigrations } from "../lib/db/migrations";
import { openDatabase } from "../lib/db/runtime";
import { isAppError } from "../lib/errors/app-error";
import { erasePerson, ERASE_CONFIRMATION_WORD } from "../lib/privacy/erase-person";
import { findPersonIdByEmail, prepareExport, streamPersonExport } from "../lib/privacy/export-person";
import { runRetention, type RetentionResult } from "../lib/privacy/retention";
import { restorePerson, softDeletePerson } from "../lib/privacy/soft-delete";
import { CliUsageError, parseCliArgs, runCli } from "./lib/cli";

const USAGE = [
  "usage: npm run privacy -- erase --email <address> [--yes]",
  "       npm run privacy -- export --email <address> > person.json",
  "       npm run privacy -- purge [--dry-run] [--json]",
  "       npm run privacy -- delete --email <address> [--reason <text>]",
  "       npm run privacy -- restore --email <address>",
].join("\n");

/** The options each command reads; any other option is a mistake to report, not to ignore (`purge --email x` would purge everything). */
const COMMAND_OPTIONS: Record<string, readonly string[]> = {
  erase: ["email", "yes"],
  export: ["email"],
  purge: ["dry-run", "json"],
  delete: ["email", "reason"],
  restore: ["email"],
};

/** Expected failures become one line and exit 1; bugs keep their stack. */
function expected(error: unknown): never {
  throw isAppError(error) && error.status < 500 ? new CliUsageError(error.message) : error;
}

async function ask(question: string): Promise<string> {
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await prompt.question(question);
  } finally {
    prompt.close();
  }
}

async function writeOut(chunk: string): Promise<void> {
  if (!process.stdout.write(chunk)) await new Promise<void>((resolve) => process.stdout.once("drain", () => resolve()));
}

function printRetention(result: RetentionResult): void {
  const verb = result.dryRun ? "would purge" : "purged";
  console.log(`Retention ${result.dryRun ? "preview (dry run, nothing changed)" : "run"} at ${result.now}:`);
  console.log(`  soft-deleted people (after ${result.settings.softDeletedPurgeDays} days): ${verb} ${result.softDeletedPeople.count}`);
  console.log(
    result.interactions.enabled
      ? `  interactions (older than ${result.settings.interactionRetentionMonths} months): ${verb} ${result.interactions.count}`
      : "  interactions: kept (retention off)",
  );
  console.log(
    result.auditLogs.enabled ? `  audit rows (older than ${result.settings.auditRetentionMonths} months): ${verb} ${result.auditLogs.count}` : "  audit rows: kept (retention off)",
  );
}

async function run(
  db: Db,
  command: string,
  values: { email?: string; yes: boolean; "dry-run": boolean; json: boolean; reason?: string },
  correlationId: string,
): Promise<void> {
  // Where to find this command's rows in /admin/audit (filter by operation).
  const audit = `Audit: operation ${correlationId}.`;
  const needEmail = () => {
    if (!values.email) throw new CliUsageError(`${command} needs --email <address>.\n${USAGE}`);
    return values.email;
  };
  switch (command) {
    case "erase": {
      const personId = await findPersonIdByEmail(db, needEmail()).catch(expected);
      const person = await db.person.findUniqueOrThrow({ where: { id: personId }, select: { names: true, emails: true } });
      const name = person.names[0] ?? "this person";
      let confirm = ERASE_CONFIRMATION_WORD;
      if (!values.yes) {
        if (!process.stdin.isTTY) throw new CliUsageError("Erasure cannot be undone: run it in a terminal to confirm, or pass --yes.");
        console.error(`Erase ${name} (${person.emails.join(", ")}, ${personId})? This cannot be undone.`);
        confirm = await ask(`Type their name or ${ERASE_CONFIRMATION_WORD} to confirm: `);
      }
      const result = await erasePerson(db, { personId, confirm }).catch(expected);
      console.log(`Erased person ${personId}: ${result.counts.suppressionKeys} identifiers suppressed, ${result.counts.edgesDeleted} edges, ${result.counts.interactionsDeleted} interactions deleted, ${result.counts.interactionsScrubbed} group interactions scrubbed. ${audit}`);
      return;
    }
    case "export": {
      const personId = await findPersonIdByEmail(db, needEmail()).catch(expected);
      await prepareExport(db, { personId }).catch(expected);
      for await (const chunk of streamPersonExport(db, personId)) await writeOut(chunk);
      // stderr: stdout is the export itself.
      console.error(audit);
      return;
    }
    case "purge": {
      const result = await runRetention(db, { dryRun: values["dry-run"], now: new Date() }).catch(expected);
      if (values.json) console.log(JSON.stringify(result.dryRun ? result : { ...result, correlationId }));
      else {
        printRetention(result);
        if (!result.dryRun) console.log(audit);
      }
      return;
    }
    case "delete": {
      const personId = await findPersonIdByEmail(db, needEmail()).catch(expected);
      await softDeletePerson(db, { personId, ...(values.reason ? { reason: values.reason } : {}) }).catch(expected);
      console.log(`Deleted person ${personId} (restorable with: npm run privacy -- restore --email ${values.email}). ${audit}`);
      return;
    }
    case "restore": {
      const personId = await findPersonIdByEmail(db, needEmail()).catch(expected);
      await restorePerson(db, { personId }).catch(expected);
      console.log(`Restored person ${personId}. ${audit}`);
      return;
    }
    default:
      throw new CliUsageError(USAGE);
  }
}

runCli("privacy", async () => {
  const { values, positionals } = parseCliArgs({
    email: { type: "string" },
    yes: { type: "boolean", default: false },
    "dry-run": { type: "boolean", default: false },
    json: { type: "boolean", default: false },
    reason: { type: "string" },
  });
  const [command, ...rest] = positionals;
  const allowed = command !== undefined && Object.hasOwn(COMMAND_OPTIONS, command) ? COMMAND_OPTIONS[command] : undefined;
  if (!command || rest.length > 0 || !allowed) throw new CliUsageError(USAGE);
  const given = Object.keys(values).filter((key) => values[key as keyof typeof values] !== undefined && values[key as keyof typeof values] !== false);
  const stray = given.filter((key) => !allowed.includes(key));
  if (stray.length > 0) {
    throw new CliUsageError(`${command} does not take ${stray.map((key) => `--${key}`).join(", ")}. Options for ${command}: ${allowed.length > 0 ? allowed.map((key) => `--${key}`).join(", ") : "none"}.`);
  }
  // Notices go to stderr so `export > file.json` stays valid JSON.
  const handle = await openDatabase({ allowShared: true, onNotice: (line) => console.error(line) });
  const db = createPrismaClient(handle.url);
  try {
    // As every other database CLI does: a new or not yet upgraded database gets its migrations first.
    const migrations = await applyMigrations(handle.url);
    if (migrations.applied.length > 0) console.error(`Applied ${migrations.applied.length} migration(s).`);
    const correlationId = newCorrelationId("cli-privacy");
    await runInOperation({ correlationId, actorId: null }, () => run(db, command, values, correlationId));
  } finally {
    await db.$disconnect();
    await handle.close();
  }
}, { usage: USAGE });
