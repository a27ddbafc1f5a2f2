// The factor breakdown of one relationship (both stored directions), for the graph's edge panel and the
// expanded hops of an intro path. Browser-safe.
import { z } from "zod";
import { ZUuid } from "@/lib/api/ids";
import type { TStrengthFactors } from "@/lib/strength/strength-factors.schema";

export const ZEdgeDetailsQuery = z
  .object({ a: ZUuid, b: ZUuid })
  .refine((value) => value.a.toLowerCase() !== value.b.toLowerCase(), { message: "a and b must be two different people", path: ["b"] });
export type TEdgeDetailsQuery = z.infer<typeof ZEdgeDetailsQuery>;

export interface EdgePerson {
  id: string;
  name: string;
  title: string | null;
  organizationName: string | null;
}

export interface EdgeDirection {
  /** One stored Edge row (the strongest relationship type of the pair in this direction). */
  id: string;
  fromId: string;
  toId: string;
  relationshipType: string;
  strength: number;
  /** The validated breakdown; null when none is stored or it is from another model version. */
  factors: TStrengthFactors | null;
  sources: string[];
  channels: string[];
  interactionCount: number;
  firstSeenAt: string | null;
  lastSeenAt: string | null;
}

export interface EdgeDetails {
  a: EdgePerson;
  b: EdgePerson;
  /** a → b first when stored, then b → a. */
  directions: EdgeDirection[];
}
