// Identifiers for demo people: name variations, work and personal emails, phones and social handles.
// One factory per generated network remembers what is taken, so every email, phone and LinkedIn handle is
// unique (identity resolution would rightly merge two people who share one).
import { stableTag } from "../seed-ids";
import { AREA_CODES, PERSONAL_EMAIL_DOMAINS, type EmailPattern } from "./companies";
import { asciiSlug, NICKNAMES } from "./names";
import type { Rng } from "./prng";

function localPart(pattern: EmailPattern, first: string, last: string): string {
  switch (pattern) {
    case "first.last": return `${first}.${last}`;
    case "first": return first;
    case "flast": return `${first.slice(0, 1)}${last}`;
    case "firstl": return `${first}${last.slice(0, 1)}`;
  }
}

export interface IdentifierFactory {
  /** Display name first, then the variations sources produce: a nickname, the name without accents. */
  names(first: string, last: string): string[];
  /** The company's address format; on a clash first.last, then numbered variants (as mail admins do). */
  workEmail(pattern: EmailPattern, domain: string, first: string, last: string): string;
  personalEmail(first: string, last: string): string;
  /** A unique fictional number (+1 <area> 555-01xx, the range reserved for fiction), or none when all are used. */
  phone(): string | undefined;
  /** A unique LinkedIn handle ("first-last-3fa2"), derived from the person's primary email. */
  linkedin(first: string, last: string, primaryEmail: string): string | undefined;
  github(first: string, last: string, primaryEmail: string): string;
  /** Marks fixed addresses (the team's) as taken before anything is generated. */
  reserve(emails: readonly string[]): void;
}

export function createIdentifierFactory(rng: Rng): IdentifierFactory {
  const takenEmails = new Set<string>();
  const takenHandles = new Set<string>();
  let phoneCounter = 0;

  const uniqueAddress = (candidates: readonly string[], domain: string): string => {
    for (const local of candidates) {
      const address = `${local}@${domain}`;
      if (takenEmails.has(address)) continue;
      takenEmails.add(address);
      return address;
    }
    const base = candidates[candidates.length - 1] ?? "person";
    for (let suffix = 2; ; suffix += 1) {
      const address = `${base}${suffix}@${domain}`;
      if (takenEmails.has(address)) continue;
      takenEmails.add(address);
      return address;
    }
  };
  const slug = (first: string, last: string): string => `${asciiSlug(first)}-${asciiSlug(last)}`;

  return {
    names(first, last) {
      const display = `${first} ${last}`;
      const names = [display];
      const nickname = NICKNAMES[first];
      if (nickname && rng.chance(0.4)) names.push(`${nickname} ${last}`);
      const unaccented = display.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
      if (unaccented !== display && rng.chance(0.5)) names.push(unaccented);
      return names;
    },
    workEmail(pattern, domain, first, last) {
      const [f, l] = [asciiSlug(first), asciiSlug(last)];
      return uniqueAddress([localPart(pattern, f, l), `${f}.${l}`], domain);
    },
    personalEmail(first, last) {
      const [f, l] = [asciiSlug(first), asciiSlug(last)];
      const forms = [`${f}.${l}`, `${f}${l}`, `${f}.${l}${rng.int(10, 99)}`, `${f.slice(0, 1)}${l}${rng.int(70, 99)}`];
      const start = rng.int(0, forms.length - 1);
      return uniqueAddress([...forms.slice(start), ...forms.slice(0, start)], rng.pick(PERSONAL_EMAIL_DOMAINS));
    },
    phone() {
      if (phoneCounter >= AREA_CODES.length * 100) return undefined;
      const area = AREA_CODES[phoneCounter % AREA_CODES.length] ?? "555";
      const line = String(Math.floor(phoneCounter / AREA_CODES.length)).padStart(2, "0");
      phoneCounter += 1;
      return `+1${area}55501${line}`;
    },
    linkedin(first, last, primaryEmail) {
      const handle = `${slug(first, last)}-${stableTag(`linkedin/${primaryEmail}`, 4)}`;
      if (takenHandles.has(handle)) return undefined;
      takenHandles.add(handle);
      return handle;
    },
    github: (first, last, primaryEmail) => `${slug(first, last)}-${stableTag(`github/${primaryEmail}`, 3)}`,
    reserve(emails) {
      for (const email of emails) takenEmails.add(email);
    },
  };
}
