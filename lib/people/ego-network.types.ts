// The ego-network payload shared by GET /api/graph/ego and the graph screen (safe to import in the browser).
import { z } from "zod";
import { ZUuid } from "@/lib/api/ids";

/** Nodes drawn at most, the centre included: Cytoscape stays fluid well past this, people's eyes do not. */
export const EGO_NODE_CAP = 150;

export const ZEgoQuery = z.object({
  person: ZUuid,
  limit: z.coerce.number().int().min(2).max(EGO_NODE_CAP).default(EGO_NODE_CAP),
});
export type TEgoQuery = z.infer<typeof ZEgoQuery>;

export interface EgoNode {
  id: string;
  name: string;
  title: string | null;
  organizationName: string | null;
  /** Links to other nodes in this view (1 + mutual connections with the centre, for neighbours). */
  degree: number;
  /** Strongest edge between this node and the centre, either direction (1 for the centre). */
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
  /** Visible neighbours of the centre before the cap. */
  totalNeighbours: number;
  truncated: boolean;
}
