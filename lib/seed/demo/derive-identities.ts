// Step 6: the source records behind each demo person, as imports would have left them (PersonIdentity):
// one per source that saw the person's address (a Gmail correspondent, a calendar attendee, a Slack or
// phone contact; source id = the lower-cased address, as the import pipeline keys participants) and one
// per LinkedIn profile (source id = the slug, as a Connections.csv row is keyed). observedAt is the first
// time the source saw them. The review queue and the person page show these as "identities per source".
import { stableUuid } from "../seed-ids";
import type { DemoIdentity, DemoInteraction, DemoPerson } from "./types";

export function deriveIdentities(people: readonly DemoPerson[], interactions: readonly DemoInteraction[]): DemoIdentity[] {
  const personByEmail = new Map(people.flatMap((person) => person.emails.map((email) => [email.toLowerCase(), person] as const)));
  const firstSeen = new Map<string, { personId: string; sourceName: string; sourceId: string; at: number }>();
  const firstSeenOfPerson = new Map<string, number>();
  for (const interaction of interactions) {
    const at = interaction.timestamp.getTime();
    for (const address of interaction.participants) {
      const sourceId = address.toLowerCase();
      const person = personByEmail.get(sourceId);
      if (!person) continue;
      const key = `${interaction.sourceName}\u0000${sourceId}`;
      const seen = firstSeen.get(key);
      if (!seen || at < seen.at) firstSeen.set(key, { personId: person.id, sourceName: interaction.sourceName, sourceId, at });
      firstSeenOfPerson.set(person.id, Math.min(firstSeenOfPerson.get(person.id) ?? at, at));
    }
  }
  const identities: DemoIdentity[] = [...firstSeen.values()]
    .sort((x, y) => x.at - y.at || x.sourceName.localeCompare(y.sourceName) || x.sourceId.localeCompare(y.sourceId))
    .map(({ personId, sourceName, sourceId, at }) => ({ id: stableUuid(`demo/identity/${sourceName}/${sourceId}`), personId, sourceName, sourceId, observedAt: new Date(at) }));
  for (const person of people) {
    const slug = person.socialHandles.linkedin;
    if (!slug) continue;
    const first = firstSeenOfPerson.get(person.id);
    identities.push({ id: stableUuid(`demo/identity/linkedin/${slug}`), personId: person.id, sourceName: "linkedin", sourceId: slug, observedAt: first === undefined ? null : new Date(first) });
  }
  return identities;
}
