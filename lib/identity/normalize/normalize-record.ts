// One source record (or one Person row) to the normalized form that blocking and scoring read. Every
// identifier goes through its own normalizer; values that do not normalize are dropped rather than kept
// raw, because a raw value would only ever match itself. Duplicates within a record are removed.
import { domainLabel } from "./domain";
import type { EmailLocal, IdentityRecord, NormalizedRecord } from "./identity-record";
import { NormalizationCache } from "./normalization-cache";
import { nameFromAddresses } from "./name-from-email";
import { emailLocalKey, isRoleLocalPart } from "./normalize-email";
import type { ParsedName } from "./normalize-name";
import type { PhoneOptions } from "./normalize-phone";

export type { EmailLocal, IdentityRecord, NormalizedRecord } from "./identity-record";

const distinct = <T>(values: Iterable<T>): T[] => [...new Set(values)];
const present = <T>(value: T | null | undefined): value is T => value !== null && value !== undefined;

/**
 * Normalizes one record. Pass a NormalizationCache when normalizing many records in one run (its phone
 * region then applies and `options` is ignored); without one each call parses from scratch.
 */
export function normalizeRecord(record: IdentityRecord, options: PhoneOptions = {}, cache = new NormalizationCache(options)): NormalizedRecord {
  const names = new Map<string, ParsedName>();
  for (const raw of record.names ?? []) {
    const parsed = cache.name.get(raw);
    // Middle names never enter a comparison, so variants that differ only there are one name.
    if (parsed && !names.has(parsed.key)) names.set(parsed.key, parsed);
  }
  const emailParts = (record.emails ?? []).map((raw) => cache.email.get(raw)).filter(present);
  const personal = emailParts.filter((parts) => !isRoleLocalPart(parts.local));
  if (names.size === 0) {
    const inferred = nameFromAddresses(personal, cache);
    if (inferred) names.set(inferred.key, inferred);
  }
  const locals = new Map<string, EmailLocal>();
  for (const parts of personal) {
    const key = emailLocalKey(parts);
    if (key) locals.set(`${key}@${parts.domain}`, { key, domain: parts.domain });
  }
  const orgDomain = record.organizationDomain ? cache.organizationDomain.get(record.organizationDomain) : null;
  const orgKey = record.organizationName ? cache.organizationKey.get(record.organizationName) : null;
  const workDomains = distinct(emailParts.map((parts) => cache.mailDomainOrganization.get(parts.domain)).filter(present));
  const organizationDomains = distinct([orgDomain, ...workDomains].filter(present));
  const emails = distinct(personal.map((parts) => parts.address));
  return {
    id: record.id,
    names: [...names.values()],
    emails,
    personalEmails: emails.filter((address) => cache.freeMail.get(address.slice(address.lastIndexOf("@") + 1))).length,
    emailLocals: [...locals.values()],
    phones: distinct((record.phones ?? []).map((phone) => cache.phone.get(phone)).filter(present)),
    linkedin: record.linkedin ? cache.linkedin.get(record.linkedin) : null,
    organizationKeys: orgKey ? [orgKey] : [],
    workDomains,
    organizationDomains,
    organizationLabels: distinct([...(orgKey ? [orgKey] : []), ...organizationDomains.map(domainLabel)]),
    title: record.title ? cache.title.get(record.title) : null,
  };
}

/** Normalizes a batch with one shared cache. */
export function normalizeRecords(records: readonly IdentityRecord[], options: PhoneOptions = {}): NormalizedRecord[] {
  const cache = new NormalizationCache(options);
  return records.map((record) => normalizeRecord(record, options, cache));
}
