// Default m/u probabilities of the Fellegi–Sunter model, in one place.
//   m = P(level | the two records are the same person)
//   u = P(level | they are different people)
// A level adds log2(m/u) bits to the match weight. m values over a comparison's levels sum to 1, as do
// u values (the null level, "a side is missing", is outside both and adds 0).
//
// Where the numbers come from. The m values were measured on labelled pairs of the benchmark population
// (lib/identity/generator, default noise, seed 1, 10k records: the share of true duplicate pairs found by
// blocking that fall in each level), then rounded; they agree with the ranges reported for person data
// in the Splink documentation and in Enamorado, Fifield & Imai (2019). The u values of fuzzy levels
// were measured the same way on random record pairs, which are almost all non-matches.
//
// Identifier u values are not constants: the chance that two *different* people share an email, phone or
// LinkedIn profile falls as 1/N with the population, like the prior λ. They are written as "collisions per
// record" c (how many other people share a given record's value, on average) and u = c / (N − 1).
// c comes from how often identifiers are really shared: family inboxes and assistants for email
// (≈1 in 500 records), office switchboards and family landlines for phones (≈1 in 100), copy-paste
// errors for LinkedIn (≈1 in 10 000).
import type { ComparisonName, LevelName } from "./comparison-levels";

export interface LevelParameters {
  m: number;
  u: number;
}

export type MatchParameters = { [C in ComparisonName]: { [L in LevelName<C>]: LevelParameters } };

interface PerRecordLevel {
  m: number;
  /** Expected number of *other* people sharing the value; u = collisionsPerRecord / (N − 1). */
  collisionsPerRecord: number;
}
type DefaultLevel = LevelParameters | PerRecordLevel;
type DefaultTable = { [C in ComparisonName]: { [L in LevelName<C>]: DefaultLevel } };

export const DEFAULT_PARAMETER_TABLE: DefaultTable = {
  email: {
    exact: { m: 0.7, collisionsPerRecord: 0.002 },
    // Same "jane.doe" at two domains: a person reuses their handle; different people rarely share a full
    // first+last handle (role mailboxes and short locals are excluded before comparison, and common
    // locals lose weight by frequency).
    localPart: { m: 0.02, u: 0.00002 },
    // Two different addresses at one company domain: colleagues, or (rarely) one person's alias. This
    // level implies that the organization agrees, which that comparison has already counted; taken
    // independently the two would add up to evidence *for* a match, whereas together they are strong
    // evidence against (an employer gives a person one address). So this level's m and u are conditional
    // on the organization agreeing: u ≈ 0.6 (colleagues with addresses on record nearly always differ),
    // m ≈ 0.001 (aliases in exports are rare). It deliberately breaks "u sums to 1"; see README.
    sameDomainOnly: { m: 0.001, u: 0.6 },
    // Both sides have a personal (free-mail) address and they differ: most people keep one.
    differentPersonal: { m: 0.03, u: 0.1 },
    // People hold several addresses, so "no address in common" is only weak evidence against.
    different: { m: 0.249, u: 0.89998 },
  },
  phone: {
    exact: { m: 0.9, collisionsPerRecord: 0.01 },
    different: { m: 0.1, u: 1 },
  },
  linkedin: {
    exact: { m: 0.99, collisionsPerRecord: 0.0001 },
    // One person, one profile: different slugs are strong evidence against (log2(0.01) ≈ −6.6 bits).
    different: { m: 0.01, u: 1 },
  },
  name: {
    // u of "exact", "nickname" and "initials" is replaced per pair by the name's frequency (term-frequency
    // adjustment, see TERM_FREQUENCY_FLOOR): "John Smith" agreeing says far less than "Xiaoling Okonkwo".
    exact: { m: 0.72, u: 0.00003 },
    nickname: { m: 0.12, u: 0.000015 },
    jw95: { m: 0.035, u: 0.000005 },
    swapped: { m: 0.03, u: 0.000001 },
    initials: { m: 0.06, u: 0.00002 },
    jw88: { m: 0.02, u: 0.00002 },
    jw80: { m: 0.004, u: 0.00012 },
    different: { m: 0.011, u: 0.999808 },
  },
  organization: {
    // u of "same" is replaced by the organization's share of records (a 5 000-person employer says less).
    same: { m: 0.85, u: 0.008 },
    // Job changes make "different organization" common among true duplicates.
    different: { m: 0.15, u: 0.992 },
  },
  title: {
    exact: { m: 0.7, u: 0.025 },
    similar: { m: 0.1, u: 0.013 },
    different: { m: 0.2, u: 0.962 },
  },
};

/** Expected true duplicates per record, for the prior: λ = DEFAULT_MATCHES_PER_RECORD / (N − 1). */
export const DEFAULT_MATCHES_PER_RECORD = 1.5;

/**
 * Lower bound for a term-frequency-adjusted u. Frequencies come from the data itself, so a name seen once
 * would otherwise claim u ≈ 1/N² and an absurd weight; below this floor the data cannot tell rare apart.
 */
export const TERM_FREQUENCY_FLOOR = 0.0000002;

/**
 * How a value's frequency adjusts u, per comparison that has one. "replace" is Splink's adjustment (u is
 * the value's frequency, so rare names count for more than average). "atLeast" lets frequency only lower
 * a weight: a shared email local part that is really a first name ("susan@") must count for little, but a
 * rare handle must not claim more than the default, because its frequency is mostly its owner's own records.
 */
export const TERM_FREQUENCY_MODE = { name: "replace", organization: "replace", email: "atLeast" } as const;

const isPerRecord = (level: DefaultLevel): level is PerRecordLevel => "collisionsPerRecord" in level;

/** The default table made absolute for a population of `recordCount` records. */
export function defaultMatchParameters(recordCount: number): MatchParameters {
  const others = Math.max(1, recordCount - 1);
  const resolve = (level: DefaultLevel): LevelParameters =>
    isPerRecord(level) ? { m: level.m, u: Math.min(1, level.collisionsPerRecord / others) } : { m: level.m, u: level.u };
  const table = DEFAULT_PARAMETER_TABLE;
  return {
    email: {
      exact: resolve(table.email.exact), localPart: resolve(table.email.localPart),
      sameDomainOnly: resolve(table.email.sameDomainOnly), differentPersonal: resolve(table.email.differentPersonal),
      different: resolve(table.email.different),
    },
    phone: { exact: resolve(table.phone.exact), different: resolve(table.phone.different) },
    linkedin: { exact: resolve(table.linkedin.exact), different: resolve(table.linkedin.different) },
    name: {
      exact: resolve(table.name.exact), nickname: resolve(table.name.nickname), jw95: resolve(table.name.jw95),
      swapped: resolve(table.name.swapped), initials: resolve(table.name.initials), jw88: resolve(table.name.jw88),
      jw80: resolve(table.name.jw80), different: resolve(table.name.different),
    },
    organization: { same: resolve(table.organization.same), different: resolve(table.organization.different) },
    title: { exact: resolve(table.title.exact), similar: resolve(table.title.similar), different: resolve(table.title.different) },
  };
}

/** λ, the prior probability that two records picked at random are the same person. */
export function defaultPrior(recordCount: number, matchesPerRecord = DEFAULT_MATCHES_PER_RECORD): number {
  return Math.min(0.5, matchesPerRecord / Math.max(1, recordCount - 1));
}
