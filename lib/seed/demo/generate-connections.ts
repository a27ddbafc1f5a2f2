// Step 4b of the demo network: LinkedIn connections, as each team member's Connections.csv import leaves
// them (lib/sources/pipeline/write-batch.ts): a direction-less `linkedin` interaction between the member
// and the contact, dated the day they connected (the export gives a date, no time), with the id the
// pipeline gives it (connectionSourceId: member and contact). The export rarely includes an email address,
// so most contacts are named by their profile (`linkedin:<slug>`), the key the pipeline stores then.
// Members connect with most people they actually work with, soon after they start, and have a broader
// network beyond that: people they never write to, whose only tie to the team is the connection. Those
// are the weakest edges in the graph ("a LinkedIn connection alone scores weak").
import { connectionSourceId } from "../../sources/linkedin/connection-id";
import { stableUuid } from "../seed-ids";
import type { GeneratedPeople } from "./generate-people";
import type { GeneratedTies } from "./generate-ties";
import type { Rng } from "./prng";
import type { DemoInteraction } from "./types";

const DAY_MS = 86_400_000;
/** Chance that a member is connected with someone they have a tie with (colleagues, outside contacts). */
const CONNECT_COLLEAGUE = 0.9;
const CONNECT_CONTACT = 0.7;
/** People with a profile and no tie to any member: the share connected with one member anyway. */
const CONNECT_BEYOND = 0.35;
/** The export includes the contact's email for this share of rows (most people hide it). */
const EMAIL_SHARE = 0.1;

export interface ConnectionInput {
  generated: GeneratedPeople;
  ties: GeneratedTies;
  windowStart: number;
  days: number;
}

export function generateConnections(rng: Rng, input: ConnectionInput): DemoInteraction[] {
  const { profiles, people } = input.generated;
  const team = profiles.filter((profile) => profile.isTeam).map((profile) => profile.index);
  const isTeam = new Set(team);
  const drafts: Array<{ member: number; contact: number; day: number }> = [];
  const connected = new Set<string>();
  const connect = (member: number, contact: number, day: number) => {
    const key = member < contact ? `${member}/${contact}` : `${contact}/${member}`;
    // Two members are connected once, by whichever export lists the other first.
    if (connected.has(key)) return;
    connected.add(key);
    drafts.push({ member, contact, day: Math.max(0, Math.min(input.days - 1, day)) });
  };
  const slugOf = (index: number): string | undefined => people[index]?.socialHandles.linkedin;

  const tiedToTeam = new Set<number>();
  for (const tie of input.ties.ties) {
    for (const [member, contact] of [[tie.a, tie.b], [tie.b, tie.a]] as const) {
      if (!isTeam.has(member) || !slugOf(contact)) continue;
      tiedToTeam.add(contact);
      if (!rng.chance(tie.internal ? CONNECT_COLLEAGUE : CONNECT_CONTACT)) continue;
      // Usually within the first weeks of working together; ties older than the window connected at some
      // point in its first year (every interaction falls inside the window).
      connect(member, contact, tie.startDay === 0 ? rng.int(0, 364) : tie.startDay + Math.floor(60 * rng.next() ** 2));
    }
  }
  for (const profile of profiles) {
    if (isTeam.has(profile.index) || tiedToTeam.has(profile.index) || !slugOf(profile.index)) continue;
    if (!rng.chance(CONNECT_BEYOND)) continue;
    connect(team[rng.int(0, team.length - 1)] as number, profile.index, rng.int(0, input.days - 1));
  }

  drafts.sort((x, y) => x.day - y.day || x.member - y.member || x.contact - y.contact);
  return drafts.map(({ member, contact, day }) => {
    const owner = profiles[member]?.workEmail;
    const person = people[contact];
    const slug = slugOf(contact);
    if (!owner || !person || !slug) throw new Error(`connection ${member} → ${contact} has no owner address or profile`);
    const email = person.emails[0];
    const contactKey = email && rng.chance(EMAIL_SHARE) ? email : `linkedin:${slug}`;
    const sourceId = connectionSourceId(owner, slug);
    return {
      id: stableUuid(`demo/interaction/linkedin/${sourceId}`),
      sourceId,
      sourceName: "linkedin",
      timestamp: new Date(input.windowStart + day * DAY_MS),
      participants: [owner, contactKey],
      channel: "linkedin",
      direction: null,
      metadata: { groupSize: 2 },
    };
  });
}
