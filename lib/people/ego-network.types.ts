// The ego-network payload and filters shared by GET /api/graph/ego and the graph screen (browser-safe).
import { z } from "zod";
import { ZUuid } from "@/lib/api/ids";

/** Default number of nodes drawn, the centre included: readable at a glance. */
export const EGO_NODE_CAP = 150;
/** The largest view the cap control offers: measured interactive at 2,000 nodes / 5,000 edges. */
export const EGO_NODE_MAX = 2000;
export const EGO_CAP_CHOICES = [50, 150, 500, 1000, 2000] as const;

/** Time windows on an edge's last interaction, in days ("all" = no window). */
export const EGO_WINDOWS = { "30d": 30, "90d": 90, "1y": 365, "3y": 1095, all: null } as const;
export type TEgoWindow = keyof typeof EGO_WINDOWS;

export const EGO_CHANNELS = ["email", "meeting", "call", "message", "linkedin", "other"] as const;

/** Comma-separated UUIDs (an intro path to highlight): at most 6 people (a 4-hop path plus spare). */
const ZIdList = z
  .string()
  .trim()
  .max(6 * 37)
  .transform((value, context) => {
    const ids = value === "" ? [] : value.split(",").map((id) => id.trim());
    if (ids.length > 6 || ids.some((id) => !ZUuid.safeParse(id).success)) {
      context.addIssue({ code: "custom", message: "must be up to 6 comma-separated UUIDs" });
      return z.NEVER;
    }
    return ids;
  });

export const ZEgoFilters = z.object({
  limit: z.coerce.number().int().min(2).max(EGO_NODE_MAX).default(EGO_NODE_CAP),
  hops: z.coerce.number().int().min(1).max(2).default(1),
  minStrength: z.coerce.number().min(0).max(1).default(0),
  source: z.string().trim().min(1).max(64).optional(),
  channel: z.enum(EGO_CHANNELS).optional(),
  window: z.enum(Object.keys(EGO_WINDOWS) as [TEgoWindow, ...TEgoWindow[]]).default("all"),
});
export type TEgoFilters = z.infer<typeof ZEgoFilters>;

export const ZEgoQuery = ZEgoFilters.extend({
  person: ZUuid,
  /** People who must be in the view whatever the cap and filters (the intro path being highlighted). */
  path: ZIdList.optional(),
});
export type TEgoQuery = z.infer<typeof ZEgoQuery>;

export const DEFAULT_EGO_FILTERS: TEgoFilters = { limit: EGO_NODE_CAP, hops: 1, minStrength: 0, window: "all" };

export interface EgoNode {
  id: string;
  name: string;
  title: string | null;
  organizationName: string | null;
  /** Links to other nodes in this view. */
  degree: number;
  /** 1 for direct neighbours, 2 for friends of friends, 0 for the centre; null for a path person farther out. */
  hops: number | null;
  /** Strongest edge to the centre (direct neighbours), or the best two-hop product (1 for the centre). */
  strengthToCenter: number;
  isCenter: boolean;
}

export interface EgoEdge {
  /** "<a>:<b>" with a < b: both stored directions of a pair are drawn as one line. */
  id: string;
  source: string;
  target: string;
  /** The stronger of the two directions. */
  strength: number;
}

export interface EgoGraph {
  centerId: string;
  nodes: EgoNode[];
  edges: EgoEdge[];
  /** Visible direct neighbours of the centre (after filters, before the cap). */
  totalNeighbours: number;
  /** Direct neighbours drawn. */
  shownNeighbours: number;
  /** At two hops: friends of friends reachable through the drawn direct ties (after filters, before the cap). */
  totalSecondDegree: number;
  /** Friends of friends drawn. */
  shownSecondDegree: number;
  /** Some direct ties or friends of friends were left out by the cap. */
  truncated: boolean;
  /** Source names present on the centre's edges, for the source filter. */
  sources: string[];
}
