// One record of a person as a given source would export it. Each source carries different fields (a
// LinkedIn connection has a profile URL and an employer but rarely an email; a calendar attendee has an
// address and maybe a name; a phone contact has a number and often a nickname), and each field may be
// stale (the previous employer and its address) or garbled (see noise.ts).
import type { Rng } from "../../seed/demo/prng";
import type { IdentityRecord } from "../normalize/normalize-record";
import { companyDisplayName } from "./companies";
import type { Entity, Job } from "./entities";
import { gmailVariant, nicknamesOf, renderLinkedIn, renderName, renderPhone, renderTitle, typo } from "./noise";

export type SourceKind = "linkedin" | "contacts" | "calendar" | "phone" | "slack" | "crm";
export const SOURCE_KINDS: readonly SourceKind[] = ["linkedin", "contacts", "calendar", "phone", "slack", "crm"];
export const SOURCE_WEIGHTS: readonly number[] = [20, 25, 15, 12, 10, 18];

export interface NoiseConfig {
  /** One-letter typo in the first or last name. */
  typo: number;
  /** "Smith John", without a comma. */
  swappedName: number;
  /** A nickname instead of the given name, when the name has one. */
  nickname: number;
  /** "J. Smith". */
  initialOnly: number;
  /** "Smith, John". */
  lastFirst: number;
  /** "Dr. John Smith", "John Smith, PhD". */
  affix: number;
  /** ALL CAPS or lower case. */
  caseChange: number;
  /** "Jose Garcia" for "José García". */
  stripAccents: number;
  /** Any optional field left empty. */
  missingField: number;
  /** A Gmail address written with dots, a "+tag" or googlemail.com. */
  gmailVariant: number;
  /** A person with a previous employer. */
  jobChange: number;
  /** A record taken before the job change (old employer and address), for people who changed jobs. */
  staleRecord: number;
  /** A person with a generic name followed by a different person with that name at the same company. */
  twin: number;
}

export const DEFAULT_NOISE: NoiseConfig = {
  typo: 0.04, swappedName: 0.02, nickname: 0.12, initialOnly: 0.03, lastFirst: 0.06, affix: 0.03, caseChange: 0.1,
  stripAccents: 0.4, missingField: 0.05, gmailVariant: 0.3, jobChange: 0.25, staleRecord: 0.3, twin: 0.01,
};

function renderPersonName(rng: Rng, entity: Entity, noise: NoiseConfig): string {
  let first = entity.first;
  let last = entity.last;
  const nicknames = nicknamesOf(first);
  if (nicknames.length > 0 && rng.chance(noise.nickname)) first = rng.pick(nicknames);
  if (rng.chance(noise.typo)) {
    if (rng.chance(0.5)) first = typo(rng, first);
    else last = typo(rng, last);
  }
  return renderName(rng, first, last, entity.middleInitial, {
    initial: rng.chance(noise.initialOnly),
    middle: rng.chance(0.15),
    swapped: rng.chance(noise.swappedName),
    lastFirst: rng.chance(noise.lastFirst),
    affix: rng.chance(noise.affix),
    stripAccents: rng.chance(noise.stripAccents),
    upper: rng.chance(noise.caseChange / 2),
    lower: rng.chance(noise.caseChange / 2),
  });
}

function renderEmail(rng: Rng, email: string, noise: NoiseConfig): string {
  const [local = "", domain = ""] = email.split("@");
  if (domain === "gmail.com" && rng.chance(noise.gmailVariant)) return gmailVariant(rng, local);
  return rng.chance(0.05) ? email.replace(/^./, (letter) => letter.toUpperCase()) : email;
}

export function buildRecord(rng: Rng, entity: Entity, source: SourceKind, noise: NoiseConfig, id: string): IdentityRecord & { entityId: string; source: SourceKind } {
  const keep = (present: boolean) => present && !rng.chance(noise.missingField);
  // A LinkedIn row shows the live profile, so only other sources can be stale.
  const stale = source !== "linkedin" && entity.jobs.length > 1 && rng.chance(noise.staleRecord);
  const job: Job | undefined = stale ? entity.jobs[0] : entity.jobs.at(-1);
  const emails: string[] = [];
  const phones: string[] = [];
  const pickEmail = (workShare: number) => {
    const work = job?.workEmail;
    const chosen = work && (rng.chance(workShare) || !entity.personalEmail) ? work : entity.personalEmail;
    if (chosen) emails.push(renderEmail(rng, chosen, noise));
  };
  const record: IdentityRecord & { entityId: string; source: SourceKind } = { id, entityId: entity.id, source };
  const name = renderPersonName(rng, entity, noise);
  switch (source) {
    case "linkedin":
      record.names = [name];
      if (entity.linkedinSlug && keep(true)) record.linkedin = renderLinkedIn(rng, entity.linkedinSlug);
      if (job && keep(true)) record.organizationName = companyDisplayName(rng, job.company);
      if (job && keep(true)) record.title = renderTitle(rng, job.title);
      if (rng.chance(0.3)) pickEmail(0.3);
      break;
    case "contacts":
      if (keep(true)) record.names = [name];
      pickEmail(0.5);
      if (rng.chance(0.3)) pickEmail(0.5);
      if (entity.mobile && keep(rng.chance(0.4))) phones.push(renderPhone(rng, entity.mobile));
      if (job && keep(rng.chance(0.3))) record.organizationName = companyDisplayName(rng, job.company);
      break;
    case "calendar":
      // Invitations usually carry a display name ("Jane Doe <jane@acme.com>"); some show the bare address.
      if (rng.chance(0.85)) record.names = [name];
      pickEmail(0.7);
      break;
    case "phone":
      // Address books synced from a mail account often carry the company and an address too.
      record.names = [name];
      if (entity.mobile && keep(true)) phones.push(renderPhone(rng, entity.mobile));
      else if (job?.deskPhone) phones.push(renderPhone(rng, job.deskPhone));
      if (rng.chance(0.35)) pickEmail(0.5);
      if (job && keep(rng.chance(0.4))) record.organizationName = companyDisplayName(rng, job.company);
      break;
    case "slack":
      record.names = [name];
      if (job) emails.push(renderEmail(rng, job.workEmail, noise));
      else pickEmail(0);
      if (job && keep(rng.chance(0.5))) record.title = renderTitle(rng, job.title);
      break;
    case "crm":
      record.names = [name];
      pickEmail(0.8);
      if (job?.deskPhone && keep(true)) phones.push(renderPhone(rng, job.deskPhone));
      else if (entity.mobile && keep(rng.chance(0.5))) phones.push(renderPhone(rng, entity.mobile));
      if (job && keep(true)) record.organizationName = companyDisplayName(rng, job.company);
      if (job && keep(true)) record.title = renderTitle(rng, job.title);
      if (entity.linkedinSlug && keep(rng.chance(0.3))) record.linkedin = renderLinkedIn(rng, entity.linkedinSlug);
      break;
  }
  if (emails.length > 0) record.emails = [...new Set(emails)];
  if (phones.length > 0) record.phones = phones;
  return record;
}
