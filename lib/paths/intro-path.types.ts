// What an intro-path search returns: plain data, ids not indices, ready for the API and the screens.

export type IntroTarget = { kind: "person"; personId: string } | { kind: "organization"; organizationId: string };

export interface PathHop {
  from: string;
  to: string;
  strength: number;
}

export interface IntroPath {
  /** Person ids from the source to the target (or the organization member reached). */
  people: string[];
  hops: PathHop[];
  /** Product of the hop strengths, in (0, 1]. */
  score: number;
  /** Σ −log(strength): what the search minimized (score = e^−cost up to rounding). */
  cost: number;
  /** The hop with the lowest strength (the first one on ties) and its position in `hops`. */
  weakestLink: PathHop & { index: number };
}

export interface NearestPerson {
  personId: string;
  /** Fewest hops from the source, beyond the hop limit (or the limit itself for the target's neighbours). */
  hopsFromSource: number;
  /** For a person target: this neighbour's edge strength to the target. */
  strengthToTarget: number | null;
}

export interface NoPath {
  /** "organization-has-no-members": no current member besides the source (the caller knows whether it exists). */
  reason: "no-path-within-hop-limit" | "organization-has-no-members";
  /** Fewest hops to the target (person) or to any member (organization), if reachable within the probe depth. */
  targetHopsFromSource: number | null;
  /** Organization members (or the target's in-neighbours) closest to the source, nearest first. */
  nearest: NearestPerson[];
}

export interface IntroPathResult {
  from: string;
  target: IntroTarget;
  k: number;
  maxHops: number;
  /** Best first; fewer than k when fewer exist. */
  paths: IntroPath[];
  /** Set exactly when `paths` is empty. */
  noPath: NoPath | null;
  /** How the search ran and how many edges it scanned (for benchmarks and logs). */
  search: { direction: "forward" | "backward"; finishing: "table" | "scan"; scanned: number };
}

/** The field message of the 400 for a search whose target is where it starts (the screen words it kindly). */
export const TARGET_IS_SOURCE = "is where the paths start";

/**
 * The field message of the 404 for a target typed as an email address or a domain that nobody in the graph
 * has (the screen says how to find them), as opposed to an id that is gone ("not found": deleted or merged).
 */
export const TARGET_NO_MATCH = "matches nobody in the graph";
