// The contract seed (shared/docs/seed-db-contract.md): 3 organizations, 8 people, 8 edges, 5 interactions,
// 4 sync states, 3 audit logs. Small enough to read in one sitting and still exercise every contract pattern:
// people with several emails, a merged person with `previousIds` (and the audit rows of that merge), a
// person with no organization, edges from strong to weak, and one failing source.
// Pure data: ids come from stable keys, dates from the fixed reference date.
import type { Prisma } from "../../prisma/generated/client";

type Json = Prisma.InputJsonObject;
import type { InteractionChannel, InteractionDirection, RelationshipType, SyncStatus } from "../../prisma/generated/enums";
import { daysBeforeReference } from "./reference-date";
import { stableUuid } from "./seed-ids";
import { DECAY_REFERENCE_DATE } from "../strength/pair-aggregate";
import { scoreEdge } from "../strength/score-edge";
import { summarizePair, type PairInteraction } from "../strength/summarize-pair";

const id = (key: string): string => stableUuid(`contract/${key}`);

export interface ContractOrganization { id: string; name: string; domain: string; metadata: Json }
export interface ContractPerson {
  id: string; names: string[]; emails: string[]; phones: string[]; socialHandles: Json;
  title: string | null; organizationId: string | null; mergeExplanation: string | null; previousIds: string[]; metadata: Json;
}
export interface ContractEdge {
  id: string; fromPersonId: string; toPersonId: string; relationshipType: RelationshipType; strength: number;
  strengthFactors: Json; sources: string[]; channels: string[]; firstSeenAt: Date; lastSeenAt: Date; interactionCount: number;
}
export interface ContractInteraction {
  id: string; sourceId: string; sourceName: string; timestamp: Date; participants: string[];
  channel: InteractionChannel; direction: InteractionDirection; metadata: Json;
}
export interface ContractSyncState {
  id: string; sourceName: string; cursor: string | null; lastSyncAt: Date | null; lastSuccessAt: Date | null;
  lastError: string | null; status: SyncStatus; metadata: Json;
}
export interface ContractAuditLog {
  id: string; correlationId: string; action: string; actorId: string | null; entityType: string; entityId: string | null;
  metadata: Json; createdAt: Date;
}

const ORG = { ferrovia: id("org/ferrovia"), quillstone: id("org/quillstone"), harborview: id("org/harborview") };

export const CONTRACT_ORGANIZATIONS: ContractOrganization[] = [
  { id: ORG.ferrovia, name: "Ferrovia Labs", domain: "ferrovialabs.com", metadata: { industry: "Developer tools", hq: "San Francisco, CA", employees: "51-200" } },
  { id: ORG.quillstone, name: "Quillstone Analytics", domain: "quillstone.io", metadata: { industry: "Data infrastructure", hq: "New York, NY", employees: "201-500" } },
  { id: ORG.harborview, name: "Harborview Cloud", domain: "harborviewcloud.com", metadata: { industry: "Cloud hosting", hq: "Austin, TX", employees: "501-1000" } },
];

const P = {
  elena: id("person/elena-vasquez"),
  marcus: id("person/marcus-chen"),
  kenji: id("person/kenji-watanabe"),
  aisha: id("person/aisha-bello"),
  tomas: id("person/tomas-herrera"),
  priya: id("person/priya-natarajan"),
  jordan: id("person/jordan-blake"),
  sofia: id("person/sofia-lindqvist"),
};
/** The LinkedIn-only duplicate of Tomás that the seeded merge folded into his record. */
const TOMAS_LINKEDIN_DUPLICATE = id("person/tomas-herrera-linkedin");

export const CONTRACT_PEOPLE: ContractPerson[] = [
  { id: P.elena, names: ["Elena Vasquez", "Elena Vásquez"], emails: ["elena@ferrovialabs.com", "elena.vasquez@gmail.com"], phones: ["+14155550123"],
    socialHandles: { linkedin: "elena-vasquez-ferrovia", twitter: "elenavbuilds" }, title: "Co-founder & CEO", organizationId: ORG.ferrovia,
    mergeExplanation: null, previousIds: [], metadata: { seed: "contract" } },
  { id: P.marcus, names: ["Marcus Chen"], emails: ["marcus@ferrovialabs.com"], phones: ["+14155550147"],
    socialHandles: { linkedin: "marcuschen", github: "mchen-dev" }, title: "Co-founder & CTO", organizationId: ORG.ferrovia,
    mergeExplanation: null, previousIds: [], metadata: { seed: "contract" } },
  { id: P.kenji, names: ["Kenji Watanabe"], emails: ["kenji@ferrovialabs.com"], phones: [],
    socialHandles: { linkedin: "kenji-watanabe-design", dribbble: "kenjiw" }, title: "Senior Product Designer", organizationId: ORG.ferrovia,
    mergeExplanation: null, previousIds: [], metadata: { seed: "contract" } },
  { id: P.aisha, names: ["Aisha Bello"], emails: ["aisha.bello@quillstone.io", "aisha.bello@outlook.com"], phones: ["+12125550188"],
    socialHandles: { linkedin: "aishabello" }, title: "VP of Sales", organizationId: ORG.quillstone,
    mergeExplanation: null, previousIds: [], metadata: { seed: "contract" } },
  { id: P.tomas, names: ["Tomás Herrera", "Tomas Herrera"], emails: ["tomas.herrera@quillstone.io"], phones: ["+12125550164"],
    socialHandles: { linkedin: "tomas-herrera-pm" }, title: "Head of Product", organizationId: ORG.quillstone,
    mergeExplanation: "Same LinkedIn profile (tomas-herrera-pm) and the same name in LinkedIn and Gmail.",
    previousIds: [TOMAS_LINKEDIN_DUPLICATE], metadata: { seed: "contract" } },
  { id: P.priya, names: ["Priya Natarajan"], emails: ["priya@harborviewcloud.com"], phones: ["+15125550111"],
    socialHandles: { linkedin: "priyanatarajan", github: "priya-n" }, title: "Staff Software Engineer", organizationId: ORG.harborview,
    mergeExplanation: null, previousIds: [], metadata: { seed: "contract" } },
  { id: P.jordan, names: ["Jordan Blake"], emails: ["jordan.blake@harborviewcloud.com", "jblake@proton.me"], phones: ["+15125550175"],
    socialHandles: { linkedin: "jordanblake" }, title: "Director of Partnerships", organizationId: ORG.harborview,
    mergeExplanation: null, previousIds: [], metadata: { seed: "contract" } },
  { id: P.sofia, names: ["Sofia Lindqvist"], emails: ["sofia.lindqvist@gmail.com"], phones: ["+46705550192"],
    socialHandles: { linkedin: "sofialindqvist" }, title: "Independent Board Advisor", organizationId: null,
    mergeExplanation: null, previousIds: [], metadata: { seed: "contract" } },
];

interface EdgeSpec {
  key: string; from: string; to: string; type: RelationshipType; sources: string[]; channels: string[];
  count: number; weighted: number; firstDaysAgo: number; lastDaysAgo: number;
}

// Edges summarize each pair's whole history in the sources, not only the 5 sample interactions below.
// Each spec becomes an even history (specHistory) that lib/strength scores like any imported pair.
const EDGE_SPECS: EdgeSpec[] = [
  { key: "elena-marcus", from: P.elena, to: P.marcus, type: "colleague", sources: ["gmail", "calendar", "slack"], channels: ["email", "meeting", "message"], count: 412, weighted: 260, firstDaysAgo: 1410, lastDaysAgo: 1 },
  { key: "marcus-elena", from: P.marcus, to: P.elena, type: "colleague", sources: ["gmail", "calendar", "slack"], channels: ["email", "meeting", "message"], count: 398, weighted: 251, firstDaysAgo: 1410, lastDaysAgo: 2 },
  { key: "kenji-marcus", from: P.kenji, to: P.marcus, type: "reports_to", sources: ["calendar", "slack"], channels: ["meeting", "message"], count: 96, weighted: 41, firstDaysAgo: 520, lastDaysAgo: 6 },
  { key: "elena-aisha", from: P.elena, to: P.aisha, type: "knows", sources: ["gmail", "calendar"], channels: ["email", "meeting"], count: 9, weighted: 4.2, firstDaysAgo: 240, lastDaysAgo: 12 },
  { key: "aisha-tomas", from: P.aisha, to: P.tomas, type: "colleague", sources: ["gmail", "slack"], channels: ["email", "message"], count: 37, weighted: 11, firstDaysAgo: 690, lastDaysAgo: 95 },
  { key: "tomas-priya", from: P.tomas, to: P.priya, type: "knows", sources: ["phone", "gmail"], channels: ["call", "email"], count: 4, weighted: 2.6, firstDaysAgo: 400, lastDaysAgo: 30 },
  { key: "priya-jordan", from: P.priya, to: P.jordan, type: "colleague", sources: ["slack"], channels: ["message"], count: 6, weighted: 1.8, firstDaysAgo: 300, lastDaysAgo: 210 },
  { key: "sofia-elena", from: P.sofia, to: P.elena, type: "introduced", sources: ["linkedin", "gmail"], channels: ["linkedin", "email"], count: 2, weighted: 0.8, firstDaysAgo: 760, lastDaysAgo: 400 },
];

/**
 * A spec's history as interactions the real model can score: `count` contacts spread evenly from the first
 * to the last day, cycling through its channels and sources, alternating who started them with every third
 * one two-way; `weighted / count` sets the group size (a low ratio means mostly group contact).
 */
function specHistory(spec: EdgeSpec): PairInteraction[] {
  const groupSize = Math.max(2, Math.min(20, Math.round(spec.count / Math.max(spec.weighted, 0.1)) + 1));
  return Array.from({ length: spec.count }, (_, index) => {
    const daysAgo = spec.count === 1 ? spec.lastDaysAgo : spec.firstDaysAgo - ((spec.firstDaysAgo - spec.lastDaysAgo) * index) / (spec.count - 1);
    const channel = spec.channels[index % spec.channels.length] as InteractionChannel;
    const direction: PairInteraction["direction"] = channel === "linkedin" ? null : index % 3 === 2 ? "mutual" : index % 3 === 0 ? "a_to_b" : "b_to_a";
    return {
      timestamp: daysBeforeReference(daysAgo, 12),
      channel,
      groupSize: index % 2 === 0 ? 2 : groupSize,
      sourceName: spec.sources[index % spec.sources.length] as string,
      direction,
    };
  });
}

function sameOrganization(a: string, b: string): boolean {
  const organizationOf = (personId: string) => CONTRACT_PEOPLE.find((person) => person.id === personId)?.organizationId ?? null;
  return organizationOf(a) !== null && organizationOf(a) === organizationOf(b);
}

export const CONTRACT_EDGES: ContractEdge[] = EDGE_SPECS.map((spec) => {
  const factors = scoreEdge(
    summarizePair({ interactions: specHistory(spec), decayReferenceDate: DECAY_REFERENCE_DATE, sharedOrganization: sameOrganization(spec.from, spec.to) }),
    { asOf: daysBeforeReference(0, 0) },
  );
  return {
    id: id(`edge/${spec.key}`), fromPersonId: spec.from, toPersonId: spec.to, relationshipType: spec.type, strength: factors.score,
    strengthFactors: factors as Json, sources: spec.sources, channels: spec.channels,
    firstSeenAt: daysBeforeReference(spec.firstDaysAgo, 15), lastSeenAt: daysBeforeReference(spec.lastDaysAgo, 17), interactionCount: spec.count,
  };
});

// Participants are email addresses, the sender or organizer first. Only metadata is kept, never content.
export const CONTRACT_INTERACTIONS: ContractInteraction[] = [
  { id: id("interaction/1"), sourceName: "gmail", sourceId: "<seed-0001.7c1e@mail.ferrovialabs.com>", timestamp: daysBeforeReference(12, 16),
    participants: ["elena@ferrovialabs.com", "aisha.bello@quillstone.io"], channel: "email", direction: "two_way", metadata: { messageCount: 4 } },
  { id: id("interaction/2"), sourceName: "calendar", sourceId: "seed-0002-9f3a@google.com", timestamp: daysBeforeReference(20, 18),
    participants: ["elena@ferrovialabs.com", "marcus@ferrovialabs.com", "kenji@ferrovialabs.com", "aisha.bello@quillstone.io"],
    channel: "meeting", direction: "two_way", metadata: { durationMinutes: 45 } },
  { id: id("interaction/3"), sourceName: "phone", sourceId: "seed-call-0003", timestamp: daysBeforeReference(30, 21),
    participants: ["tomas.herrera@quillstone.io", "priya@harborviewcloud.com"], channel: "call", direction: "two_way", metadata: { durationSeconds: 840 } },
  { id: id("interaction/4"), sourceName: "slack", sourceId: "seed-D04HVC/1775397600.000400", timestamp: daysBeforeReference(210, 14),
    participants: ["priya@harborviewcloud.com", "jordan.blake@harborviewcloud.com"], channel: "message", direction: "two_way",
    metadata: { conversation: "dm", messageCount: 7 } },
  { id: id("interaction/5"), sourceName: "gmail", sourceId: "<seed-0005.2b8d@mail.gmail.com>", timestamp: daysBeforeReference(400, 9),
    participants: ["sofia.lindqvist@gmail.com", "elena@ferrovialabs.com"], channel: "email", direction: "one_way", metadata: { messageCount: 1 } },
];

export const CONTRACT_SYNC_STATES: ContractSyncState[] = [
  { id: id("sync/linkedin"), sourceName: "linkedin", cursor: null, lastSyncAt: daysBeforeReference(14, 10), lastSuccessAt: daysBeforeReference(14, 10),
    lastError: null, status: "success", metadata: { kind: "file-import", file: "Connections.csv", records: 3 } },
  { id: id("sync/gmail"), sourceName: "gmail", cursor: "historyId:918273", lastSyncAt: daysBeforeReference(1, 6), lastSuccessAt: daysBeforeReference(1, 6),
    lastError: null, status: "success", metadata: { kind: "mailbox", messagesSeen: 2 } },
  { id: id("sync/calendar"), sourceName: "calendar", cursor: "syncToken:CPDAlvWDx70CEPDAlvWDx70CGAU=", lastSyncAt: daysBeforeReference(2, 6),
    lastSuccessAt: daysBeforeReference(2, 6), lastError: null, status: "idle", metadata: { kind: "calendar", eventsSeen: 1 } },
  { id: id("sync/slack"), sourceName: "slack", cursor: "1775397600.000400", lastSyncAt: daysBeforeReference(3, 6), lastSuccessAt: daysBeforeReference(9, 6),
    lastError: "invalid_zip: The zip archive is damaged (end of central directory record signature not found). Upload the export zip from Slack again.", status: "failed", metadata: { kind: "workspace-export" } },
];

// Three rows of two operations: the LinkedIn import that created Tomás' duplicate, and the merge that folded it.
const IMPORT_CORRELATION = "seed-2026-10-18-linkedin-import";
const MERGE_CORRELATION = "seed-2026-10-19-merge-tomas";

export const CONTRACT_AUDIT_LOGS: ContractAuditLog[] = [
  { id: id("audit/1"), correlationId: IMPORT_CORRELATION, action: "sync.completed", actorId: null, entityType: "SyncState", entityId: id("sync/linkedin"),
    metadata: { source: "linkedin", created: 3, updated: 0 }, createdAt: daysBeforeReference(14, 10) },
  { id: id("audit/2"), correlationId: MERGE_CORRELATION, action: "person.merged", actorId: null, entityType: "Person", entityId: P.tomas,
    metadata: { mergedIds: [TOMAS_LINKEDIN_DUPLICATE], reason: "same LinkedIn profile and name" }, createdAt: daysBeforeReference(13, 9) },
  { id: id("audit/3"), correlationId: MERGE_CORRELATION, action: "edge.recomputed", actorId: null, entityType: "Edge", entityId: id("edge/aisha-tomas"),
    metadata: { strength: CONTRACT_EDGES.find((edge) => edge.id === id("edge/aisha-tomas"))?.strength ?? null }, createdAt: daysBeforeReference(13, 9) },
];

export const CONTRACT_SEED_COUNTS = {
  organizations: CONTRACT_ORGANIZATIONS.length,
  people: CONTRACT_PEOPLE.length,
  edges: CONTRACT_EDGES.length,
  interactions: CONTRACT_INTERACTIONS.length,
  syncStates: CONTRACT_SYNC_STATES.length,
  auditLogs: CONTRACT_AUDIT_LOGS.length,
} as const;
