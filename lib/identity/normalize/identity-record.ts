// The two shapes identity resolution works on: what a source (or a Person row) says about a person, and
// the normalized form that blocking and scoring read.
import type { ParsedName } from "./normalize-name";

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
  /**
   * For a merged cluster (merge-normalized-records.ts): how many of its records carry each given name and
   * each surname. Term frequencies count records, and these are the cluster's own. Absent for a single
   * record, which carries each of its names once.
   */
  nameCounts?: { first: ReadonlyMap<string, number>; last: ReadonlyMap<string, number> };
}
