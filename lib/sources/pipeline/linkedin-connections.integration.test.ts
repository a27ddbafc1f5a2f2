// LinkedIn connections are each member's own ties: two members' exports that share a contact give each
// member their own connection, and connections imported before the ids named the owner are re-keyed by
// the migration so re-importing them still changes nothing.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "../../db/client";
import { resetDatabase } from "../../testing/reset-database";
import { fixturePath } from "../testing/helpers";
import { importFile } from "./import-file";
import { connectionSourceId } from "../linkedin/connection-id";

const NOW = new Date("2026-10-01T00:00:00Z");
const ALEX = "alex.owner@gmail.com";
const BLAIR = "blair.partner@kestrel.example";
const MIGRATION = join(process.cwd(), "prisma/migrations/20261127010000_linkedin_connection_ids/migration.sql");

beforeEach(resetDatabase);

const importConnections = (owner: string, now = NOW) =>
  importFile({ db: prisma, sourceName: "linkedin", path: fixturePath("linkedin-connections.csv"), ownerEmails: [owner], now });

async function contactsOf(email: string): Promise<string[]> {
  const owner = await prisma.person.findFirstOrThrow({ where: { emails: { has: email } } });
  const edges = await prisma.edge.findMany({ where: { fromPersonId: owner.id }, include: { toPerson: true } });
  return edges.map((edge) => edge.toPerson.names[0] ?? "").sort();
}

describe("LinkedIn connections of several members", () => {
  it("gives the second member their own connection to a contact the first member's export already had", async () => {
    await importConnections(ALEX);
    const second = await importConnections(BLAIR, new Date("2026-10-02T00:00:00Z"));

    // Same 7 contacts (Dana's row twice in the file), now connected to Blair as well; only Blair is a new person.
    expect(second.people).toEqual({ created: 1, matched: 7 });
    expect(second.interactions).toEqual({ created: 7, existing: 1 });
    expect(await contactsOf(BLAIR)).toEqual(await contactsOf(ALEX));
    expect(await contactsOf(BLAIR)).toHaveLength(7);
    // A re-import by either member still changes nothing.
    const again = await importConnections(BLAIR, new Date("2026-10-03T00:00:00Z"));
    expect(again.interactions).toEqual({ created: 0, existing: 8 });
    expect(again.edges.recomputed).toBe(0);
  });

  it("names neither person in the interaction's id", async () => {
    await importConnections(ALEX);
    const ids = (await prisma.interaction.findMany({ where: { sourceName: "linkedin" }, select: { sourceId: true } })).map((row) => row.sourceId);
    expect(ids).toHaveLength(7);
    expect(ids).toContain(connectionSourceId(ALEX, "dana-smith-4a1b2c"));
    for (const id of ids) {
      expect(id).toMatch(/^linkedin-connection:[A-Za-z0-9_-]{22}$/);
      expect(id).not.toContain("dana");
    }
  });

  it("re-keys connections stored before the ids named the owner (the migration's SQL agrees with connectionSourceId)", async () => {
    await importConnections(ALEX);
    // Put the rows back as the old pipeline keyed them: 'connection:<contact source id>'.
    const rows = await prisma.interaction.findMany({ where: { sourceName: "linkedin" }, orderBy: { id: "asc" } });
    const contactIdOf = new Map<string, string>();
    for (const row of rows) {
      const contact = row.participants[1] as string;
      const person = await prisma.person.findFirstOrThrow({ where: { OR: [{ emails: { has: contact } }, { socialHandles: { path: ["linkedin"], equals: contact.replace(/^linkedin:/, "") } }] } });
      const identity = await prisma.personIdentity.findFirstOrThrow({ where: { personId: person.id, sourceName: "linkedin" } });
      contactIdOf.set(row.id, identity.sourceId);
      await prisma.interaction.update({ where: { id: row.id }, data: { sourceId: `connection:${identity.sourceId}` } });
    }

    await prisma.$executeRawUnsafe(readFileSync(MIGRATION, "utf8"));

    const migrated = await prisma.interaction.findMany({ where: { sourceName: "linkedin" }, orderBy: { id: "asc" } });
    expect(migrated.map((row) => row.sourceId)).toEqual(rows.map((row) => connectionSourceId(ALEX, contactIdOf.get(row.id) as string)));
    const again = await importConnections(ALEX, new Date("2026-10-02T00:00:00Z"));
    expect(again.interactions).toEqual({ created: 0, existing: 8 });
  });
});
