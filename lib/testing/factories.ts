// Test data factories shared by integration tests and e2e specs: unique, minimal, explicit.
import { randomUUID } from "node:crypto";
import type { Db } from "../db/client";
import type { InteractionChannel, InteractionDirection, RelationshipType } from "../../prisma/generated/enums";

const unique = () => randomUUID().slice(0, 8);

export async function createOrganization(db: Db, data: { name?: string; domain?: string | null } = {}) {
  const tag = unique();
  return db.organization.create({
    data: { name: data.name ?? `Org ${tag}`, domain: data.domain === undefined ? `org-${tag}.example` : data.domain },
  });
}

export async function createPerson(
  db: Db,
  data: {
    name?: string;
    names?: string[];
    emails?: string[];
    phones?: string[];
    socialHandles?: Record<string, string>;
    organizationId?: string;
    title?: string;
    deleted?: boolean;
  } = {},
) {
  const tag = unique();
  const name = data.name ?? `Person ${tag}`;
  return db.person.create({
    data: {
      names: data.names ?? [name],
      emails: data.emails ?? [`${name.toLowerCase().replace(/[^a-z0-9]+/g, ".")}.${tag}@example.com`],
      phones: data.phones ?? [],
      socialHandles: data.socialHandles,
      organizationId: data.organizationId,
      title: data.title,
      deletedAt: data.deleted ? new Date() : null,
    },
  });
}

/** Both directions of a relationship, as the app stores them. */
export async function connect(
  db: Db,
  a: { id: string },
  b: { id: string },
  options: { strength?: number; type?: RelationshipType; interactionCount?: number; sources?: string[]; channels?: string[] } = {},
) {
  const common = {
    relationshipType: options.type ?? "knows",
    strength: options.strength ?? 0.5,
    interactionCount: options.interactionCount ?? 1,
    sources: options.sources ?? ["test"],
    channels: options.channels ?? ["email"],
    firstSeenAt: new Date("2026-01-01T00:00:00Z"),
    lastSeenAt: new Date("2026-10-01T00:00:00Z"),
  } as const;
  await db.edge.createMany({
    data: [
      { ...common, fromPersonId: a.id, toPersonId: b.id },
      { ...common, fromPersonId: b.id, toPersonId: a.id },
    ],
  });
}

export async function createInteraction(
  db: Db,
  data: { participants: string[]; channel?: InteractionChannel; timestamp?: Date; sourceName?: string; direction?: InteractionDirection | null },
) {
  return db.interaction.create({
    data: {
      sourceId: `test-${unique()}`,
      sourceName: data.sourceName ?? "test",
      timestamp: data.timestamp ?? new Date("2026-10-01T00:00:00Z"),
      participants: data.participants,
      channel: data.channel ?? "email",
      direction: data.direction === undefined ? "two_way" : data.direction,
    },
  });
}
