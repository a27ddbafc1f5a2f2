// Writes one batch of parsed observations inside the batch's transaction: organizations, then people
// (through the identity resolver), then interactions (idempotent on sourceName + sourceId). Records whose
// identifiers are on the erasure suppression list never reach the database. Edges are recomputed once per
// run from the database (recompute-edges.ts), not here.
import { randomUUID } from "node:crypto";
import type { SuppressionSet } from "../../privacy/suppression-keys";
import type { TInteractionObservation, TParticipant, TPersonObservation } from "../types";
import { bulkSqlOf } from "./bulk-sql";
import { connectionSourceId } from "../linkedin/connection-id";
import { organizationDomain } from "./free-mail";
import { organizationIdByName, resolveOrganizations } from "./organizations";
import { timed } from "./phase-timings";
import { SQL_NOW } from "./sql";
import type { IdentityObservation, IdentityResolver, ResolveStats, Tx } from "./types";

export interface BatchStats extends ResolveStats {
  organizationsCreated: number;
  interactionsCreated: number;
  interactionsExisting: number;
  /** Interactions with fewer than two distinct participants: nothing to connect. */
  interactionsUnusable: number;
  /** Person records and interaction participants withheld because they are on the suppression list. */
  suppressed: number;
}

export function emptyBatchStats(): BatchStats {
  return { peopleCreated: 0, peopleMatched: 0, peopleUpdated: 0, organizationsCreated: 0, interactionsCreated: 0, interactionsExisting: 0, interactionsUnusable: 0, suppressed: 0 };
}

export interface BatchContext {
  tx: Tx;
  sourceName: string;
  resolver: IdentityResolver;
  /** The importing person: the other end of LinkedIn connections. */
  owner: { personId: string; key: string } | null;
  /** Turn each person observation into a `linkedin` interaction with the owner (Connections.csv). */
  connectToOwner: boolean;
  now: Date;
  stats: BatchStats;
  /** Erased people's identifiers (keyed hashes), loaded once per run. */
  suppression?: SuppressionSet;
  /** PrivacySettings.storeSubjects: keep `metadata.subject` (parsers only produce it when asked). */
  storeSubjects?: boolean;
}

/** How a participant is stored in Interaction.participants: normalized email, else the source handle. */
export function participantKey(participant: TParticipant): string | null {
  return participant.email?.trim().toLowerCase() || participant.handle || null;
}

function handlesOf(person: TPersonObservation): Record<string, string> {
  const handles: Record<string, string> = { ...(person.socialHandles ?? {}) };
  const slug = person.linkedinUrl?.match(/\/in\/([^/?#]+)/)?.[1];
  if (slug) handles.linkedin = decodeSlug(slug);
  return handles;
}

function decodeSlug(slug: string): string {
  try {
    return decodeURIComponent(slug).toLowerCase();
  } catch {
    return slug.toLowerCase();
  }
}

function firstOrgDomain(emails: readonly string[]): string | undefined {
  for (const email of emails) {
    const domain = organizationDomain(email);
    if (domain) return domain;
  }
  return undefined;
}

/** True when any identifier of the person record is on the suppression list. */
function personSuppressed(suppression: SuppressionSet, person: TPersonObservation): boolean {
  return suppression.matches({
    emails: person.emails,
    phones: person.phones,
    linkedinUrls: person.linkedinUrl ? [person.linkedinUrl] : [],
    handles: Object.entries(person.socialHandles ?? {}).map(([network, value]) => `${network}:${value}`),
  });
}

function participantSuppressed(suppression: SuppressionSet, participant: TParticipant): boolean {
  const handle = participant.handle;
  const slug = handle?.startsWith("linkedin:") ? handle.slice("linkedin:".length) : undefined;
  return suppression.matches({
    emails: participant.email ? [participant.email] : [],
    handles: handle ? [handle] : [],
    linkedinUrls: slug ? [`https://www.linkedin.com/in/${slug}`] : [],
  });
}

/** Drops suppressed people and participants (counted in stats.suppressed); an interaction keeps its other participants. */
function withoutSuppressed(
  suppression: SuppressionSet | undefined,
  stats: BatchStats,
  people: TPersonObservation[],
  interactions: TInteractionObservation[],
): { people: TPersonObservation[]; interactions: TInteractionObservation[] } {
  if (!suppression || suppression.size === 0) return { people, interactions };
  const keptPeople = people.filter((person) => {
    const hit = personSuppressed(suppression, person);
    if (hit) stats.suppressed += 1;
    return !hit;
  });
  const keptInteractions = interactions.map((interaction) => {
    const participants = interaction.participants.filter((participant) => {
      const hit = participantSuppressed(suppression, participant);
      if (hit) stats.suppressed += 1;
      return !hit;
    });
    return participants.length === interaction.participants.length ? interaction : { ...interaction, participants };
  });
  return { people: keptPeople, interactions: keptInteractions };
}

export async function writeBatch(context: BatchContext, allPeople: TPersonObservation[], allInteractions: TInteractionObservation[]): Promise<void> {
  const { tx, stats } = context;
  const { people, interactions } = withoutSuppressed(context.suppression, stats, allPeople, allInteractions);
  const observed = [...interactions];
  // Keys of connections already described by a person observation: no second identity for them.
  const fromPeople = new Set<string>();
  if (context.connectToOwner && context.owner) {
    for (const person of people) {
      const key = person.emails[0] ?? `linkedin:${handlesOf(person).linkedin ?? person.sourceId}`;
      fromPeople.add(key);
      observed.push({
        kind: "interaction",
        sourceName: person.sourceName,
        sourceId: connectionSourceId(context.owner.key, person.sourceId),
        timestamp: person.observedAt ?? context.now,
        channel: "linkedin",
        participants: [
          { email: context.owner.key, role: "member" },
          person.emails[0] ? { email: key, role: "member" } : { handle: key, role: "member" },
        ],
        groupSize: 2,
        metadata: {},
        position: person.position,
      });
    }
  }

  // Participants become observations too, deduplicated by key within the batch.
  const participants = new Map<string, IdentityObservation>();
  for (const interaction of observed) {
    for (const participant of interaction.participants) {
      const key = participantKey(participant);
      if (!key || key === context.owner?.key) continue;
      const existing = participants.get(key);
      if (existing) {
        if (participant.name && !existing.names.includes(participant.name)) existing.names.push(participant.name);
        continue;
      }
      const handles: Record<string, string> = {};
      const handle = participant.handle?.match(/^([a-z_]+):(.+)$/);
      if (handle?.[1] && handle[2]) handles[handle[1]] = handle[2];
      const email = participant.email?.trim().toLowerCase();
      participants.set(key, {
        sourceName: context.sourceName,
        sourceId: fromPeople.has(key) ? null : key,
        names: participant.name ? [participant.name] : [],
        emails: email ? [email] : [],
        phones: [],
        handles,
      });
    }
  }

  const orgNames = people.flatMap((person) => (person.organizationName ? [person.organizationName] : []));
  const domains = [...people.flatMap((person) => person.emails), ...[...participants.values()].flatMap((p) => p.emails)]
    .map(organizationDomain)
    .filter((domain): domain is string => domain !== null);
  const orgs = await timed("batch.organizations", () => resolveOrganizations(tx, orgNames, domains));
  stats.organizationsCreated += orgs.created;
  const orgOf = (emails: readonly string[], name?: string) => {
    const domain = firstOrgDomain(emails);
    return organizationIdByName(orgs, name) ?? (domain ? orgs.byDomain.get(domain) : undefined);
  };

  const identities: IdentityObservation[] = people.map((person) => ({
    sourceName: person.sourceName,
    sourceId: person.sourceId,
    names: person.names,
    emails: person.emails.map((email) => email.toLowerCase()),
    phones: person.phones,
    handles: handlesOf(person),
    title: person.title,
    organizationId: orgOf(person.emails, person.organizationName),
    observedAt: person.observedAt,
  }));
  for (const observation of participants.values()) observation.organizationId = orgOf(observation.emails);
  identities.push(...participants.values());
  await timed("batch.people", () => context.resolver.resolve(tx, identities, stats));
  await timed("batch.interactions", () => writeInteractions(context, observed));
}

/** Joins a participant list into one text value (unit separator: never part of an email or a handle). */
const PARTICIPANT_SEPARATOR = "\u001f";

async function writeInteractions(context: BatchContext, interactions: TInteractionObservation[]): Promise<void> {
  // Column arrays for one `unnest` INSERT: far cheaper for PostgreSQL than parsing one big JSON document.
  const ids: string[] = [];
  const sourceIds: string[] = [];
  const timestamps: string[] = [];
  const participants: string[] = [];
  const channels: string[] = [];
  const directions: Array<string | null> = [];
  const metadata: string[] = [];
  for (const interaction of interactions) {
    const keys = [...new Set(interaction.participants.map(participantKey).filter((key): key is string => key !== null))];
    if (keys.length < 2) {
      context.stats.interactionsUnusable += 1;
      continue;
    }
    // Never bodies; subjects only when the team turned on PrivacySettings.storeSubjects.
    const { subject, ...facts } = interaction.metadata;
    const kept = context.storeSubjects && subject ? { ...facts, subject } : facts;
    ids.push(randomUUID());
    sourceIds.push(interaction.sourceId);
    timestamps.push(interaction.timestamp.toISOString());
    participants.push(keys.join(PARTICIPANT_SEPARATOR));
    channels.push(interaction.channel);
    directions.push(interaction.direction ?? null);
    metadata.push(JSON.stringify({ ...kept, groupSize: interaction.groupSize, ...(interaction.ownerDirection ? { ownerDirection: interaction.ownerDirection } : {}) }));
  }
  if (ids.length === 0) return;
  const sql = await bulkSqlOf(context.tx);
  const inserted = await sql.execute(
    `INSERT INTO "Interaction" (id, "sourceId", "sourceName", timestamp, participants, channel, direction, metadata, "createdAt")
     SELECT d.id, d.source_id, $8, d.ts::timestamp, string_to_array(d.participants, E'\\x1f'),
            d.channel::"InteractionChannel", d.direction::"InteractionDirection", d.metadata::jsonb, ${SQL_NOW}
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
            AS d(id, source_id, ts, participants, channel, direction, metadata)
     ON CONFLICT ("sourceName", "sourceId") DO NOTHING`,
    [ids, sourceIds, timestamps, participants, channels, directions, metadata, context.sourceName],
  );
  context.stats.interactionsCreated += inserted;
  context.stats.interactionsExisting += ids.length - inserted;
}
