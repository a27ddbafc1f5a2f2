// Which stored directions of a relationship to show. The strength model scores a pair from shared evidence,
// so its two directed edges usually hold the same breakdown: shown twice, the panel only doubled in length.
// A direction is shown on its own when it differs (a member's override on their side, another relationship
// type, a breakdown from another model version).
import type { EdgeDirection } from "@/lib/people/edge-details.types";

export interface DirectionsToShow {
  shown: EdgeDirection[];
  /** The second direction was left out because it is the same as the first. */
  sameBothWays: boolean;
}

/** Everything a reader sees of a direction but its id, ends and computation time. */
function seen(direction: EdgeDirection): string {
  const { factors } = direction;
  return JSON.stringify([
    direction.relationshipType,
    Math.round(direction.strength * 1e6),
    direction.sources,
    direction.channels,
    direction.interactionCount,
    direction.firstSeenAt,
    direction.lastSeenAt,
    factors ? [factors.score, factors.override, factors.factors] : null,
  ]);
}

export function directionsToShow(directions: readonly EdgeDirection[]): DirectionsToShow {
  const [first, second, ...rest] = directions;
  if (first && second && rest.length === 0 && first.fromId === second.toId && first.toId === second.fromId && seen(first) === seen(second)) {
    return { shown: [first], sameBothWays: true };
  }
  return { shown: [...directions], sameBothWays: false };
}
