// Typeahead latency on 100k people: `npm run bench:search -- [--people N] [--queries N] [--json]`.
// Starts a dedicated database (embedded PostgreSQL under $WIG_DATA_DIR/bench-search-postgres, or a fresh
// database `wig_bench_search` on DATABASE_URL's server), applies the migrations (so the trigram indexes
// are the production ones), loads N people (default 100,000) with realistic, colliding names, emails at
// 10,000 organizations and 1% soft-deleted, then times the exact queries GET /api/search runs
// (lib/search/typeahead.ts: people and organizations in parallel, limit 10) for a mix of what people
// type: 2–6 letter prefixes of names, full names, email fragments, domains, organization names and misses.
// Prints p50/p95/p99 overall and per kind; `--json` adds one JSON line at the end. Target: p95 < 50 ms.
import { performance } from "node:perf_hooks";
import pg from "pg";
import { createPrismaClient } from "../../lib/db/client";
import { searchTypeahead } from "../../lib/search/typeahead";
import { join } from "node:path";
import { ensureDatabase, startEmbeddedDatabase } from "../../lib/db/embedded";
import { applyMigrations } from "../../lib/db/migrations";
import { dataDirectory } from "../../lib/db/runtime";
import { freePort, startTestDatabase } from "../../lib/testing/test-database";

const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? Number(args[index + 1]) : fallback;
};
const PEOPLE = flag("people", 100_000);
const QUERIES = flag("queries", 600);
const ORGS = Math.max(10, Math.round(PEOPLE / 10));
const JSON_OUT = args.includes("--json");
/** Keep the loaded database between runs (embedded only): skips the ~1 minute load when it is already there. */
const REUSE = args.includes("--reuse");

// Deterministic PRNG (mulberry32), so every run loads the same data and asks the same questions.
let seed = 20261126;
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

const FIRST = "James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara Richard Susan Joseph Jessica Thomas Sarah Charles Karen Daniel Lisa Matthew Nancy Anthony Betty Mark Sandra Donald Margaret Steven Ashley Paul Kimberly Andrew Emily Joshua Donna Kenneth Michelle Kevin Carol Brian Amanda George Melissa Timothy Deborah Ronald Stephanie Jason Rebecca Edward Sharon Jeffrey Laura Ryan Cynthia Jacob Dorothy Gary Amy Nicholas Kathleen Eric Angela Jonathan Shirley Stephen Emma Larry Brenda Justin Pamela Scott Nicole Brandon Anna Benjamin Samantha Samuel Katherine Gregory Christine Alexander Debra Patrick Rachel Frank Carolyn Raymond Janet Jack Maria Dennis Olivia Jerry Heather Tyler Helen Aaron Catherine Jose Diane Adam Julie Nathan Victoria Henry Joyce Zachary Lauren Douglas Kelly Peter Christina Kyle Ruth Noah Joan Ethan Virginia Jeremy Judith Walter Evelyn Christian Hannah Keith Andrea Roger Megan Terry Cheryl Austin Jacqueline Sean Madison Gerald Teresa Carl Abigail Harold Sophia Dylan Martha Arthur Sara Lawrence Gloria Jordan Janice Jesse Kathryn Bryan Ann Billy Isabella Bruce Judy Gabriel Charlotte Joe Julia Logan Grace Alan Amber Juan Alice Albert Jean Willie Denise Elijah Frances Wayne Danielle Randy Marilyn Vincent Natalie Mason Beverly Roy Diana Ralph Brittany Bobby Theresa Russell Kayla Bradley Alexis Philip Doris Eugene Lori Dana Priya Wei Yuki Omar Fatima Lars Ingrid Mateo Lucia Arjun Aisha Chen Sven Noor Kenji".split(" ");
const LAST = "Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Gomez Phillips Evans Turner Diaz Parker Cruz Edwards Collins Reyes Stewart Morris Morales Murphy Cook Rogers Gutierrez Ortiz Morgan Cooper Peterson Bailey Reed Kelly Howard Ramos Kim Cox Ward Richardson Watson Brooks Chavez Wood James Bennett Gray Mendoza Ruiz Hughes Price Alvarez Castillo Sanders Patel Myers Long Ross Foster Jimenez Powell Jenkins Perry Russell Sullivan Bell Coleman Butler Henderson Barnes Gonzales Fisher Vasquez Simmons Romero Jordan Patterson Alexander Hamilton Graham Reynolds Griffin Wallace Moreno West Cole Hayes Bryant Herrera Gibson Ellis Tran Medina Aguilar Stevens Murray Ford Castro Marshall Owens Harrison Fernandez McDonald Woods Washington Kennedy Wells Vargas Henry Chen Freeman Webb Tucker Guzman Burns Crawford Olson Simpson Porter Hunter Gordon Mendez Silva Shaw Snyder Mason Dixon Munoz Hunt Hicks Holmes Palmer Wagner Black Robertson Boyd Rose Stone Salazar Fox Warren Mills Meyer Rice Schmidt Garza Daniels Ferguson Nichols Stephens Soto Weaver Ryan Gardner Payne Grant Dunn Kelley Spencer Hawkins Arnold Pierce Hansen Peters Santos Hart Bradley Knight Elliott Cunningham Duncan Armstrong Hudson Carroll Lane Riley Andrews Alvarado Ray Delgado Berry Perkins Hoffman Johnston Matthews Pena Richards Contreras Willis Carpenter Lawrence Sandoval Okafor Yamamoto Kowalski Lindqvist Oyelaran Nakamura Bergstrom Castellanos Zhang Haddad".split(" ");
const SYLLABLES = "al an ar be bri ca co da de fi ga hel io ka lu ma mo na no pa pi qua ra ri sa so ta te tri va ve xo ya ze zu".split(" ");
const SUFFIX = ["Labs", "Systems", "Capital", "Health", "Partners", "AI", "Bank", "Works", "Cloud", "Studio", ""];

function orgName(): { name: string; domain: string } {
  const stem = Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(SYLLABLES)).join("");
  const name = `${stem.charAt(0).toUpperCase()}${stem.slice(1)} ${pick(SUFFIX)}`.trim();
  return { name, domain: `${stem}${Math.floor(random() * 1000)}.com` };
}

async function load(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    if (REUSE) {
      const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Person"`);
      if (rows[0]?.n === PEOPLE) {
        const people = (await client.query<{ name: string }>(`SELECT names[1] AS name FROM "Person" ORDER BY id`)).rows.map((row) => {
          const [first = "", last = ""] = row.name.split(" ");
          return { first, last };
        });
        const orgs = (await client.query<{ name: string; domain: string }>(`SELECT name, domain FROM "Organization" ORDER BY id`)).rows;
        return { people, domains: orgs.map((org) => org.domain), orgNames: orgs.map((org) => org.name) };
      }
      await client.query(`TRUNCATE "Person", "Organization" CASCADE`);
    }
    const orgs = Array.from({ length: ORGS }, orgName);
    const orgIds: string[] = [];
    for (let start = 0; start < orgs.length; start += 5000) {
      const batch = orgs.slice(start, start + 5000);
      const result = await client.query<{ id: string }>(
        `INSERT INTO "Organization"(id, name, domain, "updatedAt")
         SELECT gen_random_uuid(), n, d, now() FROM unnest($1::text[], $2::text[]) AS t(n, d)
         ON CONFLICT (domain) DO NOTHING RETURNING id`,
        [batch.map((org) => org.name), batch.map((org) => org.domain)],
      );
      orgIds.push(...result.rows.map((row) => row.id));
    }
    const domains = (await client.query<{ id: string; domain: string }>(`SELECT id, domain FROM "Organization"`)).rows;
    const people: Array<{ first: string; last: string }> = [];
    for (let start = 0; start < PEOPLE; start += 5000) {
      const size = Math.min(5000, PEOPLE - start);
      const names: string[] = [];
      const emails: string[] = [];
      const orgsOf: Array<string | null> = [];
      const deleted: boolean[] = [];
      for (let i = 0; i < size; i += 1) {
        const first = pick(FIRST);
        const last = pick(LAST);
        people.push({ first, last });
        const org = random() < 0.8 ? pick(domains) : null;
        names.push(`${first} ${last}`);
        emails.push(`${first}.${last}${start + i}@${org ? org.domain : "gmail.com"}`.toLowerCase());
        orgsOf.push(org?.id ?? null);
        deleted.push(random() < 0.01);
      }
      await client.query(
        `INSERT INTO "Person"(id, names, emails, "organizationId", "deletedAt", "updatedAt")
         SELECT gen_random_uuid(), ARRAY[n], ARRAY[e], o, CASE WHEN d THEN now() END, now()
         FROM unnest($1::text[], $2::text[], $3::uuid[], $4::bool[]) AS t(n, e, o, d)`,
        [names, emails, orgsOf, deleted],
      );
    }
    await client.query(`ANALYZE "Person"`);
    await client.query(`ANALYZE "Organization"`);
    return { people, domains: domains.map((row) => row.domain), orgNames: orgs.map((org) => org.name) };
  } finally {
    await client.end();
  }
}

type Kind = "prefix2" | "prefix3-6" | "full-name" | "email" | "domain" | "organization" | "miss";

function queriesFor(data: Awaited<ReturnType<typeof load>>): Array<{ kind: Kind; q: string }> {
  const out: Array<{ kind: Kind; q: string }> = [];
  const kinds: Kind[] = ["prefix2", "prefix3-6", "prefix3-6", "prefix3-6", "full-name", "email", "domain", "organization", "miss"];
  for (let i = 0; i < QUERIES; i += 1) {
    const kind = kinds[i % kinds.length] as Kind;
    const person = pick(data.people);
    const word = random() < 0.6 ? person.first : person.last;
    switch (kind) {
      case "prefix2":
        out.push({ kind, q: word.slice(0, 2) });
        break;
      case "prefix3-6":
        out.push({ kind, q: word.slice(0, 3 + Math.floor(random() * 4)) });
        break;
      case "full-name":
        out.push({ kind, q: `${person.first} ${person.last}` });
        break;
      case "email":
        out.push({ kind, q: `${person.first}.${person.last}`.toLowerCase() });
        break;
      case "domain":
        out.push({ kind, q: pick(data.domains) });
        break;
      case "organization":
        out.push({ kind, q: pick(data.orgNames).split(" ")[0] as string });
        break;
      case "miss":
        out.push({ kind, q: `zqx${Math.floor(random() * 1e6)}` });
        break;
    }
  }
  return out;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}
const round = (value: number) => Math.round(value * 100) / 100;
function summary(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { n: sorted.length, p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), p99: round(percentile(sorted, 99)), max: round(sorted[sorted.length - 1] ?? NaN) };
}

async function startReusable() {
  const embedded = await startEmbeddedDatabase({ dataDir: join(dataDirectory(), "bench-search-postgres"), port: await freePort(), database: "postgres" });
  await ensureDatabase(embedded.url, "wig_bench_search");
  const parsed = new URL(embedded.url);
  parsed.pathname = "/wig_bench_search";
  const url = parsed.toString();
  await applyMigrations(url);
  return { url, stop: () => embedded.stop() };
}

async function main() {
  const started = performance.now();
  const database = REUSE && !process.env.DATABASE_URL ? await startReusable() : await startTestDatabase("wig_bench_search", { instance: "bench-search-postgres" });
  const db = createPrismaClient(database.url);
  try {
    const data = await load(database.url);
    const loadMs = Math.round(performance.now() - started);
    const queries = queriesFor(data);
    for (const { q } of queries.slice(0, 30)) await searchTypeahead(db, q, 10); // warm the pool and the cache
    const byKind = new Map<Kind, number[]>();
    const all: number[] = [];
    let empty = 0;
    const slowest: Array<{ q: string; ms: number }> = [];
    for (const { kind, q } of queries) {
      const t0 = performance.now();
      const hits = await searchTypeahead(db, q, 10);
      const ms = performance.now() - t0;
      if (hits.length === 0 && kind !== "miss") empty += 1;
      all.push(ms);
      slowest.push({ q, ms: round(ms) });
      byKind.set(kind, [...(byKind.get(kind) ?? []), ms]);
    }
    const result = {
      benchmark: "search-typeahead",
      people: PEOPLE,
      organizations: ORGS,
      loadMs,
      overall: summary(all),
      byKind: Object.fromEntries([...byKind].map(([kind, samples]) => [kind, summary(samples)])),
      unexpectedEmpty: empty,
      targetP95Ms: 50,
      pass: summary(all).p95 < 50,
    };
    console.log(`Typeahead on ${PEOPLE.toLocaleString("en")} people / ${ORGS.toLocaleString("en")} organizations (loaded in ${(loadMs / 1000).toFixed(1)} s)`);
    console.log(`  overall      p50 ${result.overall.p50} ms  p95 ${result.overall.p95} ms  p99 ${result.overall.p99} ms  (n=${result.overall.n})`);
    for (const [kind, stats] of Object.entries(result.byKind)) {
      console.log(`  ${kind.padEnd(12)} p50 ${stats.p50} ms  p95 ${stats.p95} ms  p99 ${stats.p99} ms  max ${stats.max} ms`);
    }
    slowest.sort((a, b) => b.ms - a.ms);
    console.log(`  slowest: ${slowest.slice(0, 5).map((entry) => `"${entry.q}" ${entry.ms} ms`).join(", ")}`);
    console.log(`  target p95 < 50 ms: ${result.pass ? "PASS" : "FAIL"}`);
    if (JSON_OUT) console.log(JSON.stringify(result));
    if (!result.pass) process.exitCode = 1;
  } finally {
    await db.$disconnect();
    await database.stop();
  }
}

await main();
