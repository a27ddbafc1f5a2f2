// Intro-path queries against the database: resolve who and what (email, domain or id), run the pure
// search on the process's snapshot (snapshot-store.ts), and dress the result with names, titles,
// organizations and each hop's factor breakdown (explain-path.ts). Shared by GET /api/paths and
// `npm run paths`.
// No `import "server-only"`: `npm run paths` (plain Node) uses this module too; it takes the client as an argument.
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { explainPath, type ExplainedHop, type HopFactor } from "./explain-path";
import { findIntroPaths } from "./find-intro-paths";
import type { GraphSnapshot } from "./graph-snapshot";
import { TARGET_NO_MATCH, type IntroTarget, type NoPath } from "./intro-path.types";
import { parseIntroPathParams } from "./params";
import type { SnapshotStore } from "./snapshot-store";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface PersonSummary {
  id: string;
  name: string;
  title: string | null;
  organization: { id: string; name: string } | null;
}

export type ResolvedTarget =
  | { kind: "person"; person: PersonSummary }
  | { kind: "organization"; organization: { id: string; name: string; domain: string | null } };

export interface PathHopView {
  index: number;
  from: PersonSummary;
  to: PersonSummary;
  strength: number;
  topFactors: HopFactor[];
  lastSeenAt: string | null;
  sources: string[];
  interactionCount: number | null;
}

export interface PathView {
  score: number;
  people: PersonSummary[];
  hops: PathHopView[];
  weakestLink: { index: number; from: PersonSummary; to: PersonSummary; strength: number; lacking: Array<{ key: string; label: string; normalized: number }>; sentence: string };
}

export interface PathsResponse {
  from: PersonSummary;
  target: ResolvedTarget;
  k: number;
  maxHops: number;
  paths: PathView[];
  noPath: (Omit<NoPath, "nearest"> & { message: string; nearest: Array<{ person: PersonSummary; hopsFromSource: number; strengthToTarget: number | null }> }) | null;
}

const personSelect = { id: true, names: true, emails: true, title: true, organization: { select: { id: true, name: true, deletedAt: true } } } as const;

type PersonRow = { id: string; names: string[]; emails: string[]; title: string | null; organization: { id: string; name: string; deletedAt: Date | null } | null };

/** A deleted organization is not named (its people stay, without it). */
function summarize(row: PersonRow): PersonSummary {
  const organization = row.organization && row.organization.deletedAt === null ? { id: row.organization.id, name: row.organization.name } : null;
  return { id: row.id, name: row.names[0] ?? row.emails[0] ?? row.id, title: row.title, organization };
}

/** A person by id or email, or an organization by id or domain; deleted ones are not found (404). */
export async function resolveTarget(db: Db, input: string): Promise<ResolvedTarget> {
  const value = input.trim();
  const notFound = () => new AppError("NOT_FOUND", `No person or organization matches "${value}".`, { fields: { to: [UUID.test(value) ? "not found" : TARGET_NO_MATCH] } });
  if (value === "") throw notFound();
  if (UUID.test(value)) {
    const person = await db.person.findFirst({ where: { id: value, deletedAt: null }, select: personSelect });
    if (person) return { kind: "person", person: summarize(person) };
    const organization = await db.organization.findFirst({ where: { id: value, deletedAt: null }, select: { id: true, name: true, domain: true } });
    if (organization) return { kind: "organization", organization };
    throw notFound();
  }
  if (value.includes("@")) {
    const person = await db.person.findFirst({ where: { emails: { has: value.toLowerCase() }, deletedAt: null }, select: personSelect, orderBy: { createdAt: "asc" } });
    if (person) return { kind: "person", person: summarize(person) };
    throw notFound();
  }
  const domain = value.toLowerCase().replace(/^www\./, "");
  const organization = await db.organization.findFirst({ where: { domain, deletedAt: null }, select: { id: true, name: true, domain: true } });
  if (organization) return { kind: "organization", organization };
  throw notFound();
}

/**
 * Where paths start: the signed-in member's own person, or (with `fromEmail`) any team member's, the
 * team being the people linked to a User. No linked person → 409 that says what to do.
 */
export async function resolveSource(db: Db, input: { personId: string | null; fromEmail?: string | undefined }): Promise<PersonSummary> {
  if (input.fromEmail !== undefined && input.fromEmail.trim() !== "") {
    const email = input.fromEmail.trim().toLowerCase();
    const person = await db.person.findFirst({
      where: { deletedAt: null, users: { some: {} }, OR: [{ emails: { has: email } }, { users: { some: { email } } }] },
      select: personSelect,
    });
    if (!person) throw new AppError("NOT_FOUND", `No team member with the email ${email} has a person in the graph.`, { fields: { from: ["not a team member"] } });
    return summarize(person);
  }
  if (input.personId === null) {
    throw new AppError(
      "CONFLICT",
      "Your account is not linked to a person in the graph, so paths have no starting point. Import a source that contains your email address (it links automatically), or pass from=<a team member's email>.",
    );
  }
  const person = await db.person.findFirst({ where: { id: input.personId, deletedAt: null }, select: personSelect });
  if (!person) throw new AppError("CONFLICT", "The person linked to your account has been deleted or merged away. Ask an admin to link your account again, or pass from=<a team member's email>.");
  return summarize(person);
}

/** The visible people among these ids: one deleted or erased since the snapshot was checked is left out. */
async function summariesFor(db: Db, ids: Iterable<string>): Promise<Map<string, PersonSummary>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.person.findMany({ where: { id: { in: unique }, deletedAt: null, erasedAt: null }, select: personSelect });
  return new Map(rows.map((row) => [row.id, summarize(row)]));
}

/** Stored strengthFactors per directed pair; with several relationship types, the strongest row's. */
async function factorsFor(db: Db, pairs: Array<{ from: string; to: string }>): Promise<Map<string, unknown>> {
  if (pairs.length === 0) return new Map();
  const rows = await db.edge.findMany({
    where: { OR: pairs.map((pair) => ({ fromPersonId: pair.from, toPersonId: pair.to })) },
    select: { fromPersonId: true, toPersonId: true, strength: true, strengthFactors: true },
    orderBy: { strength: "asc" },
  });
  // Ascending, so the strongest row of a pair is written last and wins.
  return new Map(rows.map((row) => [`${row.fromPersonId}>${row.toPersonId}`, row.strengthFactors as unknown]));
}

export interface SearchPathsInput {
  /** Resolved already (resolveSource / resolveTarget), or raw strings. */
  from: PersonSummary;
  to: ResolvedTarget;
  k?: number | undefined;
  maxHops?: number | undefined;
}

export async function searchIntroPaths(db: Db, store: SnapshotStore, input: SearchPathsInput): Promise<PathsResponse> {
  const params = parseIntroPathParams({ k: input.k, maxHops: input.maxHops }); // 400 before any work
  const target: IntroTarget = input.to.kind === "person" ? { kind: "person", personId: input.to.person.id } : { kind: "organization", organizationId: input.to.organization.id };
  const search = async (snapshot: GraphSnapshot) => {
    if (!snapshot.indexOf.has(input.from.id)) {
      throw new AppError("CONFLICT", "Your person was added moments ago and is not in the path index yet; try again in a few seconds.");
    }
    if (target.kind === "person" && !snapshot.indexOf.has(target.personId)) {
      throw new AppError("NOT_FOUND", "This person was added moments ago and is not in the path index yet; try again in a few seconds.", { fields: { to: ["not indexed yet"] } });
    }
    const found = findIntroPaths(snapshot, { from: input.from.id, to: target, ...params });
    const ids = new Set<string>();
    for (const path of found.paths) for (const id of path.people) ids.add(id);
    for (const near of found.noPath?.nearest ?? []) ids.add(near.personId);
    const visible = await summariesFor(db, ids);
    return { found, visible, complete: [...ids].every((id) => visible.has(id)) };
  };
  // The snapshot is checked for changes every few seconds, so a person deleted within that window is still
  // in it: then check it now and search again. Whoever is deleted during this very request is left out below.
  let { found: result, visible: people, complete } = await search(await store.get());
  if (!complete) ({ found: result, visible: people } = await search(await store.checkNow()));
  const visiblePaths = result.paths.filter((path) => path.people.every((id) => people.has(id)));
  const pairs = visiblePaths.flatMap((path) => path.hops.map((hop) => ({ from: hop.from, to: hop.to })));
  const factors = await factorsFor(db, pairs);
  const person = (id: string): PersonSummary => people.get(id) ?? { id, name: id, title: null, organization: null };

  const paths: PathView[] = visiblePaths.map((path) => {
    const explained = explainPath({ path, factorsFor: (from, to) => factors.get(`${from}>${to}`) ?? null });
    const hop = (h: ExplainedHop): PathHopView => ({
      index: h.index,
      from: person(h.from),
      to: person(h.to),
      strength: h.strength,
      topFactors: h.topFactors,
      lastSeenAt: h.lastSeenAt,
      sources: h.sources,
      interactionCount: h.interactionCount,
    });
    const weakest = explained.weakestLink;
    const names = `${person(weakest.from).name} → ${person(weakest.to).name}`;
    return {
      score: explained.score,
      people: path.people.map(person),
      hops: explained.hops.map(hop),
      weakestLink: {
        index: weakest.index,
        from: person(weakest.from),
        to: person(weakest.to),
        strength: weakest.strength,
        lacking: weakest.lacking,
        sentence: weakest.sentence.replace(`hop ${weakest.index + 1} (`, `hop ${weakest.index + 1}, ${names} (`),
      },
    };
  });

  let noPath: PathsResponse["noPath"] = null;
  if (result.noPath) {
    const what = input.to.kind === "person" ? input.to.person.name : `anyone at ${input.to.organization.name}`;
    const message =
      result.noPath.reason === "organization-has-no-members"
        ? `${input.to.kind === "organization" ? input.to.organization.name : "This organization"} has no current members in the graph.`
        : `No path to ${what} within ${params.maxHops} hop${params.maxHops === 1 ? "" : "s"}${
            result.noPath.targetHopsFromSource !== null ? ` (the nearest is ${result.noPath.targetHopsFromSource} hops away)` : ""
          }.`;
    noPath = {
      reason: result.noPath.reason,
      targetHopsFromSource: result.noPath.targetHopsFromSource,
      message,
      nearest: result.noPath.nearest.filter((near) => people.has(near.personId)).map((near) => ({ person: person(near.personId), hopsFromSource: near.hopsFromSource, strengthToTarget: near.strengthToTarget })),
    };
  }
  return { from: input.from, target: input.to, k: params.k, maxHops: params.maxHops, paths, noPath };
}
