// The k best warm-intro paths from one person to a person or to anyone currently at an organization,
// maximizing the product of edge strengths (minimizing Σ −log s) over simple paths of at most maxHops.
// Pure over a GraphSnapshot: validate → resolve ids → pick the cheaper side to expand → exact bounded
// search (bounded-search.ts) → ids and strengths, or a useful "no path" answer.
//
// For an organization target a path ends at the first member it reaches: going through one member to
// reach another is never better (strengths ≤ 1) and would only repeat the same introduction.
import { AppError } from "../errors/app-error";
import type { FoundPath } from "./bounded-search";
import type { GraphSnapshot } from "./graph-snapshot";
import { TARGET_IS_SOURCE, type IntroPath, type IntroPathResult, type IntroTarget, type PathHop } from "./intro-path.types";
import { findNearestReachable } from "./nearest-reachable";
import { parseIntroPathParams } from "./params";
import { runPathSearch } from "./run-path-search";
import { scratchFor } from "./search-scratch";

export interface FindIntroPathsInput {
  from: string;
  to: IntroTarget;
  k?: number;
  maxHops?: number;
  /** Which side to expand; "auto" (default) picks the cheaper. Tests and benchmarks force one. */
  direction?: "auto" | "forward" | "backward";
  /** How paths finish (run-path-search.ts); "auto" (default) by organization size. For tests and benchmarks. */
  finishing?: "auto" | "table" | "scan";
  /**
   * When nothing fits the hop limit, probe further for the nearest reachable people (default true).
   * The probe is a breadth-first search that can touch most of the graph, so callers that only need
   * paths (benchmarks, batch jobs) turn it off.
   */
  nearest?: boolean;
}

function resolvePerson(snapshot: GraphSnapshot, id: string, role: "from" | "to"): number {
  const index = snapshot.indexOf.get(id);
  if (index === undefined || snapshot.excluded[index] === 1) {
    throw new AppError("NOT_FOUND", `${role === "from" ? "Source" : "Target"} person ${id} is not in the graph`, { fields: { [role]: ["not found"] } });
  }
  return index;
}

function toIntroPath(snapshot: GraphSnapshot, found: FoundPath): IntroPath {
  const people = found.nodes.map((node) => snapshot.ids[node] as string);
  const hops: PathHop[] = found.strengths.map((strength, index) => ({ from: people[index] as string, to: people[index + 1] as string, strength }));
  let weakest = 0;
  for (let index = 1; index < found.strengths.length; index += 1) {
    if ((found.strengths[index] as number) < (found.strengths[weakest] as number)) weakest = index;
  }
  const score = found.strengths.reduce((product, strength) => product * strength, 1);
  return { people, hops, score, cost: found.cost, weakestLink: { ...(hops[weakest] as PathHop), index: weakest } };
}

export function findIntroPaths(snapshot: GraphSnapshot, input: FindIntroPathsInput): IntroPathResult {
  const { k, maxHops } = parseIntroPathParams(input);
  const source = resolvePerson(snapshot, input.from, "from");
  let endpoints: Int32Array;
  let personTarget: number | null = null;
  if (input.to.kind === "person") {
    personTarget = resolvePerson(snapshot, input.to.personId, "to");
    if (personTarget === source) {
      throw new AppError("BAD_REQUEST", "The target is the person the paths start from: pick someone else to reach.", { fields: { to: [TARGET_IS_SOURCE] } });
    }
    endpoints = Int32Array.of(personTarget);
  } else {
    const members = snapshot.membersByOrganization.get(input.to.organizationId) ?? new Int32Array(0);
    endpoints = members.filter((member) => member !== source);
  }
  const base = { from: input.from, target: input.to, k, maxHops };
  if (endpoints.length === 0) {
    const search = { direction: "forward" as const, finishing: "table" as const, scanned: 0 };
    return { ...base, paths: [], noPath: { reason: "organization-has-no-members", targetHopsFromSource: null, nearest: [] }, search };
  }

  const outcome = runPathSearch(snapshot, {
    source,
    endpoints,
    personTarget: personTarget !== null,
    k,
    maxHops,
    direction: input.direction ?? "auto",
    finishing: input.finishing ?? "auto",
  });
  const search = { direction: outcome.direction, finishing: outcome.finishing, scanned: outcome.scanned };
  if (outcome.paths.length > 0) return { ...base, paths: outcome.paths.map((found) => toIntroPath(snapshot, found)), noPath: null, search };
  if (input.nearest === false) return { ...base, paths: [], noPath: { reason: "no-path-within-hop-limit", targetHopsFromSource: null, nearest: [] }, search };
  const nearest = findNearestReachable(snapshot, scratchFor(snapshot), { source, targets: endpoints, personTarget: personTarget !== null });
  return { ...base, paths: [], noPath: { reason: "no-path-within-hop-limit", targetHopsFromSource: nearest.targetHops, nearest: nearest.nearest }, search };
}
