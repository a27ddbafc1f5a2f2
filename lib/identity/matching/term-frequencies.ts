// Value frequencies for the term-frequency adjustment of u (Splink's "tf" adjustment): the share of
// records carrying a first name, a last name, an organization label or an email local part. Counted once per record, so a
// person listed under two name variants does not double-count either.
import type { NormalizedRecord } from "../normalize/normalize-record";
import { estimateNamesakeEmployers } from "./namesake-employers";

export interface TermFrequencies {
  firstName: ReadonlyMap<string, number>;
  /** Share of records whose given name starts with a letter, for "J. Smith" against "John Smith". */
  firstInitial: ReadonlyMap<string, number>;
  lastName: ReadonlyMap<string, number>;
  /** Share of records whose last name starts with a letter, for the address "jenniferr" against "Jennifer Ramirez". */
  lastInitial: ReadonlyMap<string, number>;
  organization: ReadonlyMap<string, number>;
  emailLocal: ReadonlyMap<string, number>;
  /**
   * How often two records share a given name, relative to how often they share its initial: Σ share² over
   * given names / Σ share² over initials. Multiplying an initial's share by it puts "J. Smith" on the
   * scale of a full name's frequency, which the levels weighed relative to an exact name expect
   * (TERM_FREQUENCY_RELATIVE_TO_EXACT): an average initial then counts like an average given name.
   */
  initialToGivenName: number;
  /**
   * Share r of namesakes (different people, one name) at one employer beyond chance (namesake-employers.ts):
   * when the names agree the organization's u is r + (1 − r) · its share. 0 = independent.
   */
  namesakeEmployer: number;
  recordCount: number;
}

function shares(records: readonly NormalizedRecord[], valuesOf: (record: NormalizedRecord) => Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const record of records) {
    for (const value of new Set(valuesOf(record))) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  const total = Math.max(1, records.length);
  for (const [value, count] of counts) counts.set(value, count / total);
  return counts;
}

/** Σ share²: the chance that two records picked at random share a value. */
function collisionRate(table: ReadonlyMap<string, number>): number {
  let total = 0;
  for (const share of table.values()) total += share * share;
  return total;
}

export function buildTermFrequencies(records: readonly NormalizedRecord[]): TermFrequencies {
  const firstName = shares(records, (record) => record.names.map((name) => name.first));
  const firstInitial = shares(records, (record) => record.names.map((name) => name.first[0] ?? ""));
  const initialCollisions = collisionRate(firstInitial);
  const organization = shares(records, (record) => record.organizationLabels);
  return {
    firstName,
    firstInitial,
    initialToGivenName: initialCollisions > 0 ? Math.min(1, collisionRate(firstName) / initialCollisions) : 1,
    lastName: shares(records, (record) => record.names.flatMap((name) => (name.last ? [name.last] : []))),
    lastInitial: shares(records, (record) => record.names.flatMap((name) => (name.last ? [name.last[0] ?? ""] : []))),
    organization,
    namesakeEmployer: estimateNamesakeEmployers(records, organization).related,
    emailLocal: shares(records, (record) => record.emailLocals.map((local) => local.key)),
    recordCount: records.length,
  };
}

/** Frequency of a value, at least one record's worth (a value absent from the table was seen once). */
export function frequencyOf(table: ReadonlyMap<string, number>, value: string, recordCount: number): number {
  return table.get(value) ?? 1 / Math.max(1, recordCount);
}
