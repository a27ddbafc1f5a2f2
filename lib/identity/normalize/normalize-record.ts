// One source record (or one Person row) to the normalized form that blocking and scoring read. Every
// identifier goes through its own normalizer; values that do not normalize are dropped rather than kept
// raw, because a raw value would only ever match itself. Duplicates within a record are removed.
import { domainLabel } from "./domain";
import { isFreeMailDomain } from "./free-mail-domains";
import { emailLocalKey, isRoleLocalPart, parseEmail } from "./normalize-email";
import { normalizeLinkedInUrl } from "./normalize-linkedin";
import { parseName, type ParsedName } from "./normalize-name";
import { organizationDomain, organizationDomainFromEmail, organizationKey } from "./normalize-organization";
import { normalizePhone, type PhoneOptions } from "./normalize-phone";
import { normalizeTitle } from "./normalize-title";

/** What resolution needs to know about a person, from any source. Plain data: no Prisma types. */
export interface IdentityRecord {
  id: string;
  /** Name variants, the display name first. */
  names?: readonly string[];
  emails?: readonly string[];
  phones?: readonly string[];
  /** A LinkedIn profile URL or handle. */
  linkedin?: string | null;
  title?: string | null;
  organizationName?: string | null;
  /** The organization's primary domain, if known. */
  organizationDomain?: string | null;
}

export interface EmailLocal {
  key: string;
  domain: string;
}

export interface NormalizedRecord {
  id: string;
  names: readonly ParsedName[];
  /** Canonical personal addresses; role mailboxes (info@, sales@) are left out. */
  emails: readonly string[];
  /** How many of `emails` are at free-mail providers (personal addresses). */
  personalEmails: number;
  /** Comparable local parts with their domain, for "same local part on another domain". */
  emailLocals: readonly EmailLocal[];
  phones: readonly string[];
  linkedin: string | null;
  /** Space-free organization name keys. */
  organizationKeys: readonly string[];
  /** Registrable domains of the non-free email addresses ("acme.com" for jane@eu.acme.com). */
  workDomains: readonly string[];
  /** Registrable domains of the organization and of every non-free email address. */
  organizationDomains: readonly string[];
  /** Name keys and domain labels together ("acme" from "Acme, Inc." and from acme.com), for comparison. */
  organizationLabels: readonly string[];
  /** Sorted title words. */
  title: readonly string[] | null;
}

const distinct = <T>(values: Iterable<T>): T[] => [...new Set(values)];
const present = <T>(value: T | null | undefined): value is T => value !== null && value !== undefined;

export function normalizeRecord(record: IdentityRecord, options: PhoneOptions = {}): NormalizedRecord {
  const names = new Map<string, ParsedName>();
  for (const raw of record.names ?? []) {
    const parsed = parseName(raw);
    // Middle names never enter a comparison, so variants that differ only there are one name.
    if (parsed && !names.has(parsed.key)) names.set(parsed.key, parsed);
  }
  const emailParts = (record.emails ?? []).map(parseEmail).filter(present);
  const personal = emailParts.filter((parts) => !isRoleLocalPart(parts.local));
  const locals = new Map<string, EmailLocal>();
  for (const parts of personal) {
    const key = emailLocalKey(parts);
    if (key) locals.set(`${key}@${parts.domain}`, { key, domain: parts.domain });
  }
  const orgDomain = record.organizationDomain ? organizationDomain(record.organizationDomain) : null;
  const orgKey = record.organizationName ? organizationKey(record.organizationName) : null;
  const workDomains = distinct(emailParts.map((parts) => organizationDomainFromEmail(parts.address)).filter(present));
  const organizationDomains = distinct([orgDomain, ...workDomains].filter(present));
  return {
    id: record.id,
    names: [...names.values()],
    emails: distinct(personal.map((parts) => parts.address)),
    personalEmails: distinct(personal.filter((parts) => isFreeMailDomain(parts.domain)).map((parts) => parts.address)).length,
    emailLocals: [...locals.values()],
    phones: distinct((record.phones ?? []).map((phone) => normalizePhone(phone, options)).filter(present)),
    linkedin: record.linkedin ? normalizeLinkedInUrl(record.linkedin) : null,
    organizationKeys: orgKey ? [orgKey] : [],
    workDomains,
    organizationDomains,
    organizationLabels: distinct([...(orgKey ? [orgKey] : []), ...organizationDomains.map(domainLabel)]),
    title: record.title ? normalizeTitle(record.title) : null,
  };
}
