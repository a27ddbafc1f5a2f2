// The normalized view of a cluster of records, as if they were already one person: every identifier is
// unioned. Review candidates are scored between such merged records rather than between two single
// records, because that is what a reviewer decides on (two people, not two rows), and because the union
// turns "not compared" into evidence: a phone contact and a calendar entry share nothing, but the
// calendar entry's cluster may hold a different phone number.
import type { ParsedName } from "../normalize/normalize-name";
import type { EmailLocal, NormalizedRecord } from "../normalize/normalize-record";

const union = <T>(lists: Iterable<readonly T[]>): T[] => {
  const values = new Set<T>();
  for (const list of lists) for (const value of list) values.add(value);
  return [...values];
};

/**
 * "K. Stenwood" adds nothing once "Katherine Stenwood" is known, and kept alone it would let any other
 * K-name with that surname match by initial: initial-only names covered by a full name are dropped.
 */
function withoutSubsumedInitials(names: readonly ParsedName[]): ParsedName[] {
  return names.filter((name) => name.first.length > 1
    || !names.some((other) => other.first.length > 1 && other.last === name.last && other.first[0] === name.first[0]));
}

/** How many of the records carry each value (once per record, as term frequencies count). */
function countPerRecord(records: readonly NormalizedRecord[], valueOf: (name: ParsedName) => string | null): Map<string, number> {
  const counts = new Map<string, number>();
  for (const record of records) {
    for (const value of new Set(record.names.map(valueOf))) if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return counts;
}

export function mergeNormalizedRecords(id: string, records: readonly NormalizedRecord[]): NormalizedRecord {
  if (records.length === 1 && records[0]) return records[0];
  const names = new Map<string, ParsedName>();
  const locals = new Map<string, EmailLocal>();
  for (const record of records) {
    for (const name of record.names) if (!names.has(name.key)) names.set(name.key, name);
    for (const local of record.emailLocals) locals.set(`${local.key}@${local.domain}`, local);
  }
  return {
    id,
    nameCounts: { first: countPerRecord(records, (name) => name.first), last: countPerRecord(records, (name) => name.last) },
    names: withoutSubsumedInitials([...names.values()]),
    emails: union(records.map((record) => record.emails)),
    personalEmails: records.reduce((sum, record) => sum + record.personalEmails, 0),
    emailLocals: [...locals.values()],
    phones: union(records.map((record) => record.phones)),
    // An auto-merged cluster never holds two profiles (clustering sends those to review); a cluster a
    // human joined might, and then its first profile stands for it.
    linkedin: records.find((record) => record.linkedin !== null)?.linkedin ?? null,
    organizationKeys: union(records.map((record) => record.organizationKeys)),
    workDomains: union(records.map((record) => record.workDomains)),
    organizationDomains: union(records.map((record) => record.organizationDomains)),
    organizationLabels: union(records.map((record) => record.organizationLabels)),
    title: records.find((record) => record.title !== null)?.title ?? null,
  };
}
