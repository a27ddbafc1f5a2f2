// npm run paths -- --from <email> --to <email|domain|uuid> [--k N] [--max-hops N] [--json]
//   The k best warm-intro paths, computed by the same code as GET /api/paths (lib/paths/queries.ts) on a
//   snapshot loaded from the database. Prints each path as a chain with its strengths and weakest link,
//   or with --json one JSON object on the last line. Unknown people or organizations and bad parameters
//   exit 1 with one line. Pending migrations are applied first. Uses DATABASE_URL, or the embedded PostgreSQL (reusing the one `npm start` runs).
import { createPrismaClient } from "../lib/db/client";
import { applyMigrations } from "../lib/db/migrations";
import { openDatabase } from "../lib/db/runtime";
import { isAppError } from "../lib/errors/app-error";
import { parseIntroPathParams, PATH_LIMITS } from "../lib/paths/params";
import { resolveSource, resolveTarget, searchIntroPaths, type PathsResponse, type PersonSummary } from "../lib/paths/queries";
import { SnapshotStore } from "../lib/paths/snapshot-store";
import { CliUsageError, parseCliArgs, runCli } from "./lib/cli";

const USAGE = "usage: npm run paths -- --from <email> --to <email|domain|uuid> [--k N] [--max-hops N] [--json]";
const HELP = [
  USAGE,
  "  --from <email>    the team member the paths start from (a person linked to a WIG account)",
  "  --to <target>     a person's email, an organization's domain, or a person or organization id",
  `  --k N             how many paths (${PATH_LIMITS.k.min}..${PATH_LIMITS.k.max}, default ${PATH_LIMITS.k.default})`,
  `  --max-hops N      longest path (${PATH_LIMITS.maxHops.min}..${PATH_LIMITS.maxHops.max}, default ${PATH_LIMITS.maxHops.default})`,
  "  --json            print the result as one JSON object on the last line",
].join("\n");

function integer(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(value)) throw new CliUsageError(`--${name} must be a number, got "${raw}".`);
  return value;
}

const label = (person: PersonSummary) => (person.organization ? `${person.name} (${person.organization.name})` : person.name);

function print(result: PathsResponse): void {
  const target = result.target.kind === "person" ? label(result.target.person) : `anyone at ${result.target.organization.name}`;
  console.log(`Paths from ${label(result.from)} to ${target} (k ${result.k}, up to ${result.maxHops} hops):`);
  if (result.noPath) {
    console.log(`  ${result.noPath.message}`);
    if (result.noPath.nearest.length > 0) {
      console.log("  Nearest reachable:");
      for (const near of result.noPath.nearest) {
        const strength = near.strengthToTarget === null ? "" : `, strength to target ${near.strengthToTarget.toFixed(2)}`;
        console.log(`    ${label(near.person)}: ${near.hopsFromSource} hops${strength}`);
      }
    }
    return;
  }
  result.paths.forEach((path, index) => {
    const chain = [path.people[0]?.name ?? "?", ...path.hops.map((hop) => `─${hop.strength.toFixed(2)}→ ${hop.to.name}`)].join(" ");
    console.log(`  ${index + 1}. score ${path.score.toFixed(3)}  ${chain}`);
    for (const hop of path.hops) {
      const factors = hop.topFactors.map((factor) => `${factor.label.toLowerCase()} ${factor.normalized.toFixed(2)}`).join(", ");
      if (factors) console.log(`       ${hop.from.name} → ${hop.to.name}: ${factors}`);
    }
    console.log(`     ${path.weakestLink.sentence}`);
  });
}

runCli("paths", async () => {
  const { values, positionals } = parseCliArgs({
    from: { type: "string" },
    to: { type: "string" },
    k: { type: "string" },
    "max-hops": { type: "string" },
    json: { type: "boolean", default: false },
  });
  if (positionals.length > 0 || !values.from || !values.to) throw new CliUsageError(USAGE);
  const k = integer("k", values.k);
  const maxHops = integer("max-hops", values["max-hops"]);
  const json = values.json;
  const notice = (line: string) => (json ? console.error(line) : console.log(line));
  const expected = (error: unknown) => {
    throw isAppError(error) && error.status < 500 ? new CliUsageError(error.message) : error;
  };
  try {
    parseIntroPathParams({ k, maxHops });
  } catch (error) {
    expected(error);
  }

  const handle = await openDatabase({ allowShared: true, onNotice: notice });
  const db = createPrismaClient(handle.url);
  try {
    // As every other database CLI does: a new or not yet upgraded database gets its migrations first.
    const migrations = await applyMigrations(handle.url);
    if (migrations.applied.length > 0) notice(`Applied ${migrations.applied.length} migration(s).`);
    const from = await resolveSource(db, { personId: null, fromEmail: values.from }).catch(expected);
    const to = await resolveTarget(db, values.to).catch(expected);
    const store = new SnapshotStore({ db, refreshIntervalMs: Number.POSITIVE_INFINITY });
    const result = await searchIntroPaths(db, store, { from, to, k, maxHops }).catch(expected);
    if (json) console.log(JSON.stringify(result));
    else print(result);
  } finally {
    await db.$disconnect();
    await handle.close();
  }
}, { usage: HELP });
