import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { CONTRACT_ORGANIZATIONS, CONTRACT_PEOPLE } from "../contract-seed-data";
import { connectionSourceId } from "../../sources/linkedin/connection-id";
import { SOURCE_BY_CHANNEL } from "./generate-interactions";
import { DEFAULT_DEMO_CONFIG, demoWindow, generateDemoNetwork } from "./generate-demo-network";
import { DEMO_TEAM, DEMO_TEAM_EMAILS, DEMO_TEAM_ORGANIZATION } from "./team";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const fingerprint = (value: unknown): string => createHash("sha256").update(JSON.stringify(value)).digest("hex");

// Generated once (one to two seconds) and shared by the read-only checks below. Tests that generate again
// get a generous timeout: on a busy two-core machine a full generation can take several seconds.
const SLOW = { timeout: 60_000 };
const network = generateDemoNetwork();
const emailOwner = new Map(network.people.flatMap((person) => person.emails.map((email) => [email, person] as const)));
// Participants are addresses, or `linkedin:<slug>` for a LinkedIn contact whose export row had no address.
const keyOwner = new Map([
  ...emailOwner,
  ...network.people.flatMap((person) => (person.socialHandles.linkedin ? [[`linkedin:${person.socialHandles.linkedin}`, person] as const] : [])),
]);
const connections = network.interactions.filter((interaction) => interaction.channel === "linkedin");
const drawn = network.interactions.filter((interaction) => interaction.channel !== "linkedin");

describe("generateDemoNetwork: determinism", () => {
  it("gives byte-identical output for the same seed", SLOW, () => {
    expect(fingerprint(generateDemoNetwork())).toBe(fingerprint(network));
  });

  it("gives a different network for a different seed", SLOW, () => {
    const small = { peopleCount: 300, interactionCount: 2_000 };
    expect(fingerprint(generateDemoNetwork({ ...small, seed: 1 }))).not.toBe(fingerprint(generateDemoNetwork({ ...small, seed: 2 })));
    expect(fingerprint(generateDemoNetwork({ ...small, seed: 1 }))).toBe(fingerprint(generateDemoNetwork({ ...small, seed: 1 })));
  });

  it("honours the configured sizes exactly", () => {
    const small = generateDemoNetwork({ peopleCount: 300, interactionCount: 2_000 });
    // The configured people plus the duplicate records a second source made (generate-duplicates.ts).
    expect(small.people).toHaveLength(300 + small.config.duplicateRecords);
    expect(small.duplicates).toHaveLength(small.config.duplicateRecords);
    // The configured interactions, plus the team's LinkedIn connections (generate-connections.ts).
    expect(small.interactions.filter((interaction) => interaction.channel !== "linkedin")).toHaveLength(2_000);
    expect(small.interactions.filter((interaction) => interaction.channel === "linkedin").length).toBeGreaterThan(0);
    expect(() => generateDemoNetwork({ peopleCount: 50 })).toThrow(/at least/);
  });
});

describe("generateDemoNetwork: size and shape", () => {
  it("meets the size targets", () => {
    expect(network.people.length).toBeGreaterThanOrEqual(2_000);
    expect(network.organizations.length).toBeGreaterThanOrEqual(50);
    expect(drawn.length).toBeGreaterThanOrEqual(18_000);
    expect(drawn.length).toBeLessThanOrEqual(22_000);
    expect(connections.length).toBeGreaterThan(300);
  });

  it("spreads interactions over the three years before the reference date", () => {
    const { start, end } = demoWindow(DEFAULT_DEMO_CONFIG);
    const times = network.interactions.map((interaction) => interaction.timestamp.getTime());
    expect(times.filter((time) => time < start || time >= end)).toEqual([]);
    const perYear = [0, 0, 0];
    for (const time of times) {
      const year = Math.floor(((time - start) / (end - start)) * 3);
      perYear[year] = (perYear[year] ?? 0) + 1;
    }
    for (const count of perYear) expect(count).toBeGreaterThan(network.interactions.length * 0.15);
  });

  it("uses all five channels, each from its source, with unique deterministic ids", () => {
    const channels = new Set(network.interactions.map((interaction) => interaction.channel));
    expect([...channels].sort()).toEqual(["call", "email", "linkedin", "meeting", "message"]);
    const expectedSource: Record<string, string> = { ...SOURCE_BY_CHANNEL, linkedin: "linkedin" };
    expect(network.interactions.filter((interaction) => interaction.sourceName !== expectedSource[interaction.channel])).toEqual([]);
    expect(network.interactions.filter((interaction) => !UUID.test(interaction.id))).toEqual([]);
    expect(new Set(network.interactions.map((interaction) => `${interaction.sourceName}/${interaction.sourceId}`)).size).toBe(network.interactions.length);
    expect(new Set(network.interactions.map((interaction) => interaction.id)).size).toBe(network.interactions.length);
  });

  it("has group meetings of 3 to 8 people and both directions", () => {
    const meetingSizes = network.interactions.filter((interaction) => interaction.channel === "meeting").map((interaction) => interaction.participants.length);
    expect(meetingSizes.filter((size) => size === 8).length).toBeGreaterThan(0);
    expect(meetingSizes.filter((size) => size >= 3).length).toBeGreaterThan(500);
    expect(network.interactions.filter((interaction) => interaction.participants.length < 2 || interaction.participants.length > 8)).toEqual([]);
    const directions = new Set(drawn.map((interaction) => interaction.direction));
    expect([...directions].sort()).toEqual(["one_way", "two_way"]);
    // Only LinkedIn connections have no direction: the export does not say who invited whom.
    expect(connections.filter((interaction) => interaction.direction !== null)).toEqual([]);
  });

  it("only names generated people as participants, each at most once", () => {
    const unknown = network.interactions.flatMap((interaction) => interaction.participants.filter((key) => !keyOwner.has(key)));
    expect(unknown).toEqual([]);
    const repeated = network.interactions.filter((interaction) => new Set(interaction.participants.map((key) => keyOwner.get(key))).size !== interaction.participants.length);
    expect(repeated).toEqual([]);
  });

  it("has heavy-tailed activity: the busiest people far above the median", () => {
    const perPerson = new Map<string, number>();
    for (const interaction of network.interactions) {
      for (const email of interaction.participants) {
        const id = keyOwner.get(email)?.id ?? "";
        perPerson.set(id, (perPerson.get(id) ?? 0) + 1);
      }
    }
    const counts = [...perPerson.values()].sort((a, b) => b - a);
    expect(counts[0] ?? 0).toBeGreaterThan(10 * (counts[Math.floor(counts.length / 2)] ?? 0));
  });
});

describe("generateDemoNetwork: people and organizations", () => {
  it("gives every person unique lower-case emails, and work emails on their company's domain", () => {
    const domainOf = new Map(network.organizations.map((organization) => [organization.id, organization.domain]));
    const all = network.people.flatMap((person) => person.emails);
    expect(new Set(all).size).toBe(all.length);
    expect(network.people.filter((person) => !UUID.test(person.id))).toEqual([]);
    expect(all.filter((email) => !/^[a-z0-9.]+@[a-z0-9.-]+\.[a-z]+$/.test(email))).toEqual([]);
    // Duplicate records list a company with a personal address, as a contacts card or CRM row does.
    const duplicateIds = new Set(network.duplicates.map((duplicate) => duplicate.personId));
    const offDomain = network.people.filter((person) => person.organizationId && !duplicateIds.has(person.id) && !person.emails[0]?.endsWith(`@${domainOf.get(person.organizationId)}`));
    expect(offDomain).toEqual([]);
    const phones = network.people.flatMap((person) => person.phones);
    expect(phones.filter((phone) => !/^\+[1-9]\d{7,14}$/.test(phone))).toEqual([]);
    expect(new Set(phones).size).toBe(phones.length);
    expect(new Set(network.organizations.map((organization) => organization.domain)).size).toBe(network.organizations.length);
  });

  it("gives some people a second, personal email and a LinkedIn handle", () => {
    const twoEmails = network.people.filter((person) => person.emails.length === 2);
    expect(twoEmails.length).toBeGreaterThan(network.people.length * 0.15);
    expect(network.people.filter((person) => person.emails.some((email) => email.endsWith("@gmail.com"))).length).toBeGreaterThan(100);
    expect(network.people.filter((person) => person.socialHandles.linkedin).length).toBeGreaterThan(network.people.length / 2);
  });

  it("does not collide with the contract seed", () => {
    const contractDomains = new Set(CONTRACT_ORGANIZATIONS.map((organization) => organization.domain));
    const contractEmails = new Set(CONTRACT_PEOPLE.flatMap((person) => person.emails));
    expect(network.organizations.filter((organization) => contractDomains.has(organization.domain))).toEqual([]);
    expect([...emailOwner.keys()].filter((email) => contractEmails.has(email))).toEqual([]);
  });

  it("puts the team in its organization, with well-connected people behind DEMO_TEAM_EMAILS", () => {
    expect(DEMO_TEAM.map((member) => member.email)).toEqual([...DEMO_TEAM_EMAILS]);
    const team = network.organizations.find((organization) => organization.domain === DEMO_TEAM_ORGANIZATION.domain);
    const companies = new Set(network.organizations.map((organization) => organization.id));
    for (const email of DEMO_TEAM_EMAILS) {
      const person = emailOwner.get(email);
      expect(person?.organizationId).toBe(team?.id);
      const reached = new Set(network.edges.filter((edge) => edge.fromPersonId === person?.id).map((edge) => edge.toPersonId));
      expect(reached.size).toBeGreaterThan(80);
      const reachedCompanies = new Set(network.people.filter((other) => reached.has(other.id)).map((other) => other.organizationId));
      expect(reachedCompanies.size).toBeGreaterThan(companies.size / 2);
    }
  });
});

describe("generateDemoNetwork: edges", () => {
  it("has both directions of every pair, with equal strength in [0, 1]", () => {
    const byPair = new Map(network.edges.map((edge) => [`${edge.fromPersonId}>${edge.toPersonId}`, edge]));
    expect(byPair.size).toBe(network.edges.length);
    const broken = network.edges.filter((edge) => {
      const reverse = byPair.get(`${edge.toPersonId}>${edge.fromPersonId}`);
      return !reverse || reverse.strength !== edge.strength || reverse.interactionCount !== edge.interactionCount ||
        edge.strength < 0 || edge.strength > 1 || edge.fromPersonId === edge.toPersonId || !UUID.test(edge.id);
    });
    expect(broken).toEqual([]);
  });

  it("derives exactly one pair per pair of co-occurring people", () => {
    const pairs = new Set<string>();
    for (const interaction of network.interactions) {
      const ids = interaction.participants.map((key) => keyOwner.get(key)?.id ?? "").sort();
      for (let i = 0; i < ids.length; i += 1) for (let j = i + 1; j < ids.length; j += 1) pairs.add(`${ids[i]}|${ids[j]}`);
    }
    expect(network.edges.length).toBe(2 * pairs.size);
  });

  it("has strengths that vary, from weak to strong", () => {
    const strengths = network.edges.map((edge) => edge.strength).sort((a, b) => a - b);
    expect(strengths[0]).toBeLessThan(0.05);
    expect(strengths[strengths.length - 1]).toBeGreaterThan(0.9);
  });
});

describe("generateDemoNetwork: source identities", () => {
  it("keys every person's source records as the import pipeline does, first seen when the source first saw them", () => {
    const keys = network.identities.map((identity) => `${identity.sourceName}|${identity.sourceId}`);
    expect(new Set(keys).size).toBe(keys.length);
    const ids = network.identities.map((identity) => identity.id);
    expect(new Set(ids).size).toBe(ids.length);
    const personIds = new Set(network.people.map((person) => person.id));
    expect(network.identities.filter((identity) => !personIds.has(identity.personId))).toEqual([]);
    const personById = new Map(network.people.map((person) => [person.id, person]));
    const earliest = new Map<string, number>();
    for (const interaction of network.interactions) {
      for (const address of interaction.participants) {
        const key = `${interaction.sourceName}|${address}`;
        earliest.set(key, Math.min(earliest.get(key) ?? Infinity, interaction.timestamp.getTime()));
      }
    }
    for (const identity of network.identities) {
      const person = personById.get(identity.personId);
      if (identity.sourceName === "linkedin") expect(identity.sourceId).toBe(person?.socialHandles.linkedin);
      else {
        expect(person?.emails).toContain(identity.sourceId);
        // First seen: no interaction of that source with that address is older.
        expect(identity.observedAt?.getTime()).toBe(earliest.get(`${identity.sourceName}|${identity.sourceId}`));
      }
    }
  });

  it("gives everyone who took part in an interaction at least one identity", () => {
    const participants = new Set(network.interactions.flatMap((interaction) => interaction.participants));
    const active = network.people.filter((person) => person.emails.some((email) => participants.has(email)));
    const withIdentity = new Set(network.identities.map((identity) => identity.personId));
    expect(active.length).toBeGreaterThan(network.people.length * 0.8);
    expect(active.filter((person) => !withIdentity.has(person.id))).toEqual([]);
    expect(new Set(network.identities.map((identity) => identity.sourceName))).toEqual(new Set(["gmail", "calendar", "phone", "slack", "linkedin"]));
  });
});

describe("generateDemoNetwork: LinkedIn connections", () => {
  const team = new Set(DEMO_TEAM.map((member) => member.email));

  it("keys each connection as a member's Connections.csv import does: the member first, an id naming both, a date", () => {
    for (const connection of connections) {
      const [owner, contactKey] = connection.participants;
      expect(team.has(owner ?? "")).toBe(true);
      const slug = keyOwner.get(contactKey ?? "")?.socialHandles.linkedin;
      expect(slug).toBeDefined();
      expect(connection).toMatchObject({ sourceName: "linkedin", sourceId: connectionSourceId(owner ?? "", slug ?? ""), direction: null, metadata: { groupSize: 2 } });
      expect(connection.timestamp.getTime() % 86_400_000).toBe(0);
    }
    // Most export rows carry no address, so most contacts are named by their profile.
    const byProfile = connections.filter((connection) => connection.participants[1]?.startsWith("linkedin:")).length;
    expect(byProfile).toBeGreaterThan(connections.length * 0.7);
    expect(byProfile).toBeLessThan(connections.length);
  });

  it("connects the team with people it works with and with people it never writes to, whose edges stay weak", () => {
    const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
    const idOf = (key: string | undefined) => keyOwner.get(key ?? "")?.id ?? "";
    const talked = new Set(drawn.flatMap((interaction) => interaction.participants.flatMap((x, i) => interaction.participants.slice(i + 1).map((y) => pairKey(idOf(x), idOf(y))))));
    const pairs = connections.map((connection) => pairKey(idOf(connection.participants[0]), idOf(connection.participants[1])));
    expect(pairs.filter((pair) => talked.has(pair)).length).toBeGreaterThan(100);
    const linkedinOnly = network.edges.filter((edge) => edge.sources.length === 1 && edge.sources[0] === "linkedin");
    expect(linkedinOnly.length).toBeGreaterThan(100);
    for (const edge of linkedinOnly) expect(edge.channels).toEqual(["linkedin"]);
    const strengths = linkedinOnly.map((edge) => edge.strength).sort((a, b) => a - b);
    // Weak: a connection alone scores ~0.05; mutual connections and a shared organization add a little.
    expect(strengths[Math.floor(strengths.length / 2)]).toBeLessThan(0.2);
    expect(strengths[strengths.length - 1]).toBeLessThan(0.5);
  });

  it("gives exactly the connected people a LinkedIn identity, first seen when they first connected", () => {
    const since = new Map<string, number>();
    for (const connection of connections) {
      const person = keyOwner.get(connection.participants[1] ?? "");
      if (person) since.set(person.id, Math.min(since.get(person.id) ?? Infinity, connection.timestamp.getTime()));
    }
    const linkedin = network.identities.filter((identity) => identity.sourceName === "linkedin");
    expect(new Map(linkedin.map((identity) => [identity.personId, identity.observedAt?.getTime()]))).toEqual(since);
  });
});
