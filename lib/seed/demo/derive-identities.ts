// Step 6: the source records behind each demo person, as imports would have left them (PersonIdentity):
// one per source that saw the person's address (a Gmail correspondent, a calendar attendee, a Slack or
// phone contact; source id = the lower-cased address, as the import pipeline keys participants) and one
// per LinkedIn profile that is someone's connection (source id = the slug, as a Connections.csv row is
// keyed, however many members' exports list it). observedAt is the first time the source saw them. The
// review queue and the person page show these as "identities per source".
import { stableUuid } from "../seed-ids";
import type { DemoIdentity, DemoInteraction, DemoPerson } from "./types";

export function deriveIdentities(people: readonly DemoPerson[], interactions: readonly DemoInteraction[]): DemoIdentity[] {
  const personByEmail = new Map(people.flatMap((person) => person.emails.map((email) => [email.toLowerCase(), person] as const)));
  const firstSeen = new Map<string, { personId: string; sourceName: string; sourceId: string; at: number }>();
  const personBySlug = new Map(people.flatMap((person) => (person.socialHandles.linkedin ? [[person.socialHandles.linkedin, person] as const] : [])));
  const connectedSince = new Map<string, number>();
  for (const interaction of interactions) {
    const at = interaction.timestamp.getTime();
    if (interaction.sourceName === "linkedin") {
      // A connection names its contact by address or by profile; either way the identity is the profile.
      for (const key of interaction.participants.slice(1)) {
        const person = key.startsWith("linkedin:") ? personBySlug.get(key.slice("linkedin:".length)) : personByEmail.get(key.toLowerCase());
        const slug = person?.socialHandles.linkedin;
        if (slug) connectedSince.set(slug, Math.min(connectedSince.get(slug) ?? at, at));
      }
      continue;
    }
    for (const address of interaction.participants) {
      const sourceId = address.toLowerCase();
      const person = personByEmail.get(sourceId);
      if (!person) continue;
      const key = `${interaction.sourceName}\u0000${sourceId}`;
      const seen = firstSeen.get(key);
      if (!seen || at < seen.at) firstSeen.set(key, { personId: person.id, sourceName: interaction.sourceName, sourceId, at });
    }
  }
  const identities: DemoIdentity[] = [...firstSeen.values()]
    .sort((x, y) => x.at - y.at || x.sourceName.localeCompare(y.sourceName) || x.sourceId.localeCompare(y.sourceId))
    .map(({ personId, sourceName, sourceId, at }) => ({ id: stableUuid(`demo/identity/${sourceName}/${sourceId}`), personId, sourceName, sourceId, observedAt: new Date(at) }));
  for (const person of people) {
    const slug = person.socialHandles.linkedin;
    const since = slug === undefined ? undefined : connectedSince.get(slug);
    if (!slug || since === undefined) continue;
    identities.push({ id: stableUuid(`demo/identity/linkedin/${slug}`), personId: person.id, sourceName: "linkedin", sourceId: slug, observedAt: new Date(since) });
  }
  return identities;
}
