// The demo network as plain data: what generate-demo-network.ts returns and write-demo-network.ts writes.
// Field names match the Prisma models, so rows go to the database without renaming.
import type { InteractionChannel, InteractionDirection, RelationshipType } from "../../../prisma/generated/enums";
import type { TStrengthFactors } from "../../strength/strength-factors.schema";
import type { DuplicateKind } from "./generate-duplicates";
import type { Department } from "./titles";

export interface DemoConfig {
  /** PRNG seed: the same seed gives a byte-identical network. */
  seed: number;
  /** Total people, the team and independents included. */
  peopleCount: number;
  /**
   * Extra Person rows that a second source would have created before resolution ran (duplicates of
   * people above, and namesakes): generate-duplicates.ts. Their interactions count in interactionCount.
   */
  duplicateRecords: number;
  /** Interactions drawn from ties (and the duplicates'); the team's LinkedIn connections come on top. */
  interactionCount: number;
  /** Interactions fall in the `years` before this instant (ISO 8601, UTC). */
  referenceDate: string;
  years: number;
}

export interface DemoOrganization {
  id: string;
  name: string;
  domain: string;
  metadata: { seed: string; industry: string; hq: string; team: boolean };
}

export interface DemoPerson {
  id: string;
  names: string[];
  emails: string[];
  phones: string[];
  socialHandles: Record<string, string>;
  title: string | null;
  organizationId: string | null;
  metadata: { seed: string; department: Department | "independent" };
}

export interface DemoInteraction {
  id: string;
  sourceId: string;
  sourceName: string;
  timestamp: Date;
  /** Email addresses, the sender or organizer first. */
  participants: string[];
  channel: InteractionChannel;
  /** null for a LinkedIn connection: the export does not say who invited whom. */
  direction: InteractionDirection | null;
  metadata: Record<string, string | number>;
}

/** A source record behind a person (PersonIdentity), as an import would have written it. */
export interface DemoIdentity {
  id: string;
  personId: string;
  sourceName: string;
  sourceId: string;
  observedAt: Date | null;
}

export interface DemoEdge {
  id: string;
  fromPersonId: string;
  toPersonId: string;
  relationshipType: RelationshipType;
  strength: number;
  strengthFactors: TStrengthFactors;
  sources: string[];
  channels: string[];
  firstSeenAt: Date;
  lastSeenAt: Date;
  interactionCount: number;
}

export interface DemoNetwork {
  config: DemoConfig;
  organizations: DemoOrganization[];
  /** Every Person row, the duplicate records last. */
  people: DemoPerson[];
  /** Which rows of `people` are duplicate records, of what kind, and whom they duplicate. */
  duplicates: Array<{ kind: DuplicateKind; personId: string; originalId: string }>;
  interactions: DemoInteraction[];
  /** The source records behind each person (derive-identities.ts). */
  identities: DemoIdentity[];
  edges: DemoEdge[];
}

/** Marks every demo row's metadata, so demo data can be found (and removed) later. */
export const DEMO_SEED_TAG = "demo-v1";
