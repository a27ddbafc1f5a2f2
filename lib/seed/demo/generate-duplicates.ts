// Step 4 of the demo network: the records a second source creates before anyone has reconciled them, so
// identity resolution has real work in the demo (the demo seed runs it after writing the network).
// Without them the merge review queue would open empty and its history would have nothing to undo.
// Each kind is a pattern resolution is built for, chosen among people the team actually talks to. With
// ~2,100 people and almost no duplicates the estimated prior is tiny (about −19 bits), so only records
// that agree on several fields reach the queue, as in a real small network:
//   gmailVariant  the same Gmail mailbox written without its dot (as people type it into invites): one
//                 mailbox, so resolution merges it on its own (and the history can undo it)
//   nickname      a phone-contacts card: nickname, personal address, same company and title (likely: approve)
//   exactName     a CRM row: same name and company, personal address, no title (about even odds)
//   initial       a calendar attendee "R. Keller" on a personal address, same company and title
//   namesake      a DIFFERENT person with the same name at the same company, on a personal address, who
//                 talks to another team member: evidence as strong as exactName's, and to reject
// Each record comes with a few interactions with a team member through its own address, so approving a
// merge visibly moves those interactions onto the person's edges.
import { foldText } from "../../identity/normalize/fold-text";
import { givenNamesEquivalent } from "../../identity/normalize/nicknames";
import { stableTag, stableUuid } from "../seed-ids";
import type { GeneratedPeople } from "./generate-people";
import { asciiSlug, NICKNAMES } from "./names";
import type { Rng } from "./prng";
import { DEMO_SEED_TAG, type DemoInteraction, type DemoPerson } from "./types";

const DAY_MS = 86_400_000;

export type DuplicateKind = "gmailVariant" | "nickname" | "exactName" | "initial" | "namesake";

/** The kinds in the order they are handed out: most go to the review queue, a few merge on their own. */
const KIND_CYCLE: readonly DuplicateKind[] = [
  "nickname", "gmailVariant", "exactName", "initial", "nickname", "namesake",
  "exactName", "initial", "nickname", "gmailVariant", "exactName", "initial",
];

/** Interactions each duplicate record takes part in (part of the network's interaction count). */
export const INTERACTIONS_PER_DUPLICATE = 3;

export interface DemoDuplicate {
  kind: DuplicateKind;
  /** The person it duplicates (for a namesake: the person whose name it shares). */
  originalId: string;
  person: DemoPerson;
}

export interface DuplicatesInput {
  generated: GeneratedPeople;
  interactions: readonly DemoInteraction[];
  count: number;
  windowStart: number;
  days: number;
}

const splitName = (display: string): { first: string; last: string } => {
  const space = display.indexOf(" ");
  return { first: display.slice(0, space), last: display.slice(space + 1) };
};

/** People outside the team who share at least two interactions with it, most connected first. */
function teamContacts(input: DuplicatesInput): Array<{ index: number; teamEmail: string; otherTeamEmail: string }> {
  const { people, profiles } = input.generated;
  const indexByEmail = new Map(people.flatMap((person, index) => person.emails.map((email) => [email, index] as const)));
  const teamEmails = new Set(profiles.filter((profile) => profile.isTeam).flatMap((profile) => people[profile.index]?.emails ?? []));
  const counts = new Map<number, { count: number; teamEmail: string }>();
  for (const interaction of input.interactions) {
    const teamEmail = interaction.participants.find((email) => teamEmails.has(email));
    if (!teamEmail) continue;
    for (const email of interaction.participants) {
      const index = indexByEmail.get(email);
      if (index === undefined || profiles[index]?.isTeam) continue;
      const entry = counts.get(index) ?? { count: 0, teamEmail };
      entry.count += 1;
      counts.set(index, entry);
    }
  }
  return [...counts]
    .filter(([, entry]) => entry.count >= 2)
    .sort((x, y) => y[1].count - x[1].count || x[0] - y[0])
    .map(([index, entry]) => ({ index, teamEmail: entry.teamEmail, otherTeamEmail: [...teamEmails].find((email) => email !== entry.teamEmail) ?? entry.teamEmail }));
}

export function generateDuplicates(rng: Rng, input: DuplicatesInput): { duplicates: DemoDuplicate[]; interactions: DemoInteraction[] } {
  const { people, profiles, organizations } = input.generated;
  const takenEmails = new Set(people.flatMap((person) => person.emails));
  const unique = (candidates: readonly string[]): string | null => candidates.find((email) => !takenEmails.has(email)) ?? null;
  const contacts = teamContacts(input);
  const duplicates: DemoDuplicate[] = [];
  const interactions: DemoInteraction[] = [];
  const used = new Set<number>();

  for (let slot = 0; duplicates.length < input.count && slot < input.count * 20; slot += 1) {
    const kind = KIND_CYCLE[duplicates.length % KIND_CYCLE.length] ?? "nickname";
    // From the 300 busiest contacts, so each duplicate is someone the team would look up.
    const contact = contacts[rng.int(0, Math.min(contacts.length, 300) - 1)];
    if (!contact || used.has(contact.index)) continue;
    const original = people[contact.index];
    const profile = profiles[contact.index];
    if (!original || !profile || profile.orgIndex === null) continue;
    const { first, last } = splitName(original.names[0] ?? "");
    const [f, l] = [asciiSlug(first), asciiSlug(last)];
    const personal = (locals: readonly string[]) => unique(locals.flatMap((local) => [`${local}@outlook.com`, `${local}@icloud.com`]));
    const sameJob = { organizationId: original.organizationId, phones: [], socialHandles: {} };
    let record: Omit<DemoPerson, "id" | "metadata"> | null = null;
    if (kind === "gmailVariant") {
      const gmail = original.emails.find((email) => email.endsWith("@gmail.com") && email.split("@")[0]?.includes("."));
      if (gmail) record = { names: [original.names[0] ?? `${first} ${last}`], emails: [gmail.replace(/\.(?=[^@]*@)/g, "")], phones: [], socialHandles: {}, title: null, organizationId: null };
    } else if (kind === "nickname") {
      // Only short forms resolution knows (its nickname table is not the demo's), or it would not find them.
      const short = NICKNAMES[first];
      const nickname = short && givenNamesEquivalent(foldText(short), foldText(first)) ? short : null;
      const email = nickname ? personal([`${asciiSlug(nickname)}.${l}`, `${asciiSlug(nickname)}${l}`]) : null;
      if (nickname && email) record = { ...sameJob, names: [`${nickname} ${last}`], emails: [email], title: original.title };
    } else if (kind === "initial") {
      const email = personal([`${f.slice(0, 1)}${l}.home`, `${f.slice(0, 1)}.${l}`]);
      if (email) record = { ...sameJob, names: [`${first.slice(0, 1)}. ${last}`], emails: [email], title: original.title };
    } else {
      const email = personal([`${f}.${l}.${kind === "namesake" ? "hq" : "home"}`, `${f}${l}${rng.int(10, 99)}`]);
      if (email) record = { ...sameJob, names: [`${first} ${last}`], emails: [email], title: null };
    }
    const address = record?.emails[0];
    if (!record || !address) continue;
    used.add(contact.index);
    takenEmails.add(address);
    const person: DemoPerson = { ...record, id: stableUuid(`demo/duplicate/${address}`), metadata: { seed: DEMO_SEED_TAG, department: profile.department } };
    duplicates.push({ kind, originalId: original.id, person });
    // A namesake has a life of their own: they talk to a different team member.
    const teamEmail = kind === "namesake" ? contact.otherTeamEmail : contact.teamEmail;
    for (let n = 0; n < INTERACTIONS_PER_DUPLICATE; n += 1) interactions.push(duplicateInteraction(rng, input, teamEmail, address, duplicates.length, n));
  }
  if (duplicates.length < input.count) throw new Error(`The demo network has too few team contacts for ${input.count} duplicate records.`);
  return { duplicates, interactions };
}

/** A calendar meeting or a two-way mail thread between a team member and the duplicate's address, in the last two years. */
function duplicateInteraction(rng: Rng, input: DuplicatesInput, teamEmail: string, address: string, ordinal: number, n: number): DemoInteraction {
  const meeting = rng.chance(0.5);
  const day = rng.int(Math.max(0, input.days - 730), input.days - 1);
  const time = input.windowStart + day * DAY_MS + (14 + rng.int(0, 7)) * 3_600_000 + (meeting ? 0 : rng.int(0, 3_599) * 1000);
  const tag = stableTag(`demo/duplicate-interaction/${address}/${n}`);
  const sourceName = meeting ? "calendar" : "gmail";
  const sourceId = meeting ? `demodup${ordinal}${n}${tag}@google.com` : `<demo.dup.${ordinal}.${n}.${tag}@mail.gmail.com>`;
  return {
    id: stableUuid(`demo/interaction/${sourceName}/${sourceId}`), sourceId, sourceName, timestamp: new Date(time),
    participants: [teamEmail, address], channel: meeting ? "meeting" : "email", direction: "two_way",
    metadata: meeting ? { durationMinutes: rng.pick([30, 45, 60]) } : { messageCount: rng.int(2, 6) },
  };
}
