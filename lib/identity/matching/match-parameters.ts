// Default m/u probabilities of the Fellegi–Sunter model, in one place.
//   m = P(level | the two records are the same person)
//   u = P(level | they are different people)
// A level adds log2(m/u) bits to the match weight. Within a comparison the m values sum to 1, as do the
// u values (the null level, "a side is missing", is outside both and adds 0), with one documented
// exception: the conditional email level "sameDomainOnly".
//
// Where the numbers come from. m: measured on the labelled benchmark population (lib/identity/generator,
// default noise, 10k records: the share of true duplicate pairs found by blocking that fall in each
// level), rounded, and moved toward "less certain" where the generator is cleaner than real data (it has
// no email aliases, no duplicate LinkedIn accounts and exact job titles), as each comment says. u of the
// fuzzy levels: measured the same way on 300k random record pairs (almost all non-matches), rounded up.
// These are defaults; estimateParameters (EM) can re-estimate m from unlabelled pairs of real data.
//
// Identifier u values are not constants: the chance that two *different* people share an email, phone or
// LinkedIn profile falls as 1/N with the population, like the prior λ. They are written as "collisions per
// record" c (how many other people share a given record's value, on average) and u = c / (N − 1), with
// c set from how often identifiers are really shared: family inboxes and assistants for email (≈1 in 500
// records), office switchboards and family landlines for phones (≈1 in 100), copy-paste errors for
// LinkedIn (≈1 in 10 000).
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
    // Measured m: exact 0.71, localPart 0.002, sameDomainOnly 0, differentPersonal 0, different 0.28.
    exact: { m: 0.7, collisionsPerRecord: 0.002 },
    // Same "jane.doe" at two domains: a person reuses their handle; different people rarely share a full
    // first+last handle (role mailboxes and short locals are excluded before comparison, and common
    // locals lose weight by frequency).
    // m raised from the measured 0.002: real people reuse handles more than generated ones do.
    localPart: { m: 0.02, u: 0.00002 },
    // Two different addresses at one company domain: colleagues, or (rarely) one person's alias. This
    // level implies that the organization agrees, which that comparison has already counted; taken
    // independently the two would add up to evidence *for* a match, whereas together they are strong
    // evidence against (an employer gives a person one address). So this level's m and u are conditional
    // on the organization agreeing: u ≈ 0.6 (colleagues with addresses on record nearly always differ),
    // m ≈ 0.0003 (exports show a person's primary address; aliases are rare). It deliberately breaks
    // "u sums to 1"; see README.
    sameDomainOnly: { m: 0.0003, u: 0.6 },
    // Both sides have a personal (free-mail) address and they differ: most people keep one. Measured m is
    // 0 (a generated person has one personal address); 0.03 allows for real people's second mailbox.
    differentPersonal: { m: 0.03, u: 0.1 },
    // No address in common while the organizations differ. A work address names its employer, so a person
    // seen at two employers has no work address in common with themselves as a matter of course: taken
    // as unconditional "different" (−1.8 bits) on top of "different organizations" (−2.7 bits), one job
    // change would count twice, and more often than not the organization was read off those very
    // addresses. Like sameDomainOnly this level is conditional, here on the organizations differing:
    // measured on the 10k population, m = 0.96 (only a shared personal address escapes it) and
    // u = 0.98, so it is close to no evidence at all.
    otherEmployers: { m: 0.96, u: 0.98 },
    // People hold several addresses, so "no address in common" is only weak evidence against.
    different: { m: 0.2497, u: 0.89998 },
  },
  phone: {
    // Measured m: exact 0.89, different 0.11 (a desk line on one side, a mobile on the other).
    exact: { m: 0.9, collisionsPerRecord: 0.01 },
    different: { m: 0.1, u: 1 },
  },
  linkedin: {
    // Measured m = 1.000: the generator never garbles a profile slug beyond what normalization undoes.
    exact: { m: 0.997, collisionsPerRecord: 0.0001 },
    // One person, one profile: different slugs are strong evidence against (log2(0.003) ≈ −8.4 bits). m is
    // left above the measured 0 for duplicate accounts and mistyped URLs.
    different: { m: 0.003, u: 1 },
  },
  name: {
    // u of "exact", "nickname" and "initials" is replaced per pair by the name's frequency (term-frequency
    // adjustment, see TERM_FREQUENCY_FLOOR): "John Smith" agreeing says far less than "Xiaoling Okonkwo";
    // "jw95" uses the frequency of the more common of the two spellings; "swapped" and "initials" scale
    // their own u by the frequency instead (TERM_FREQUENCY_RELATIVE_TO_EXACT). Measured m: exact 0.75,
    // nickname 0.09, jw95 0.04, swapped 0.035, initials 0.055, jw88 0.02, jw80 0.003, different 0.012.
    exact: { m: 0.72, u: 0.00003 },
    nickname: { m: 0.12, u: 0.000015 },
    jw95: { m: 0.035, u: 0.000005 },
    swapped: { m: 0.03, u: 0.000001 },
    initials: { m: 0.06, u: 0.00002 },
    jw88: { m: 0.02, u: 0.00002 },
    jw80: { m: 0.004, u: 0.00012 },
    different: { m: 0.011, u: 0.999808 },
    // Conditional levels, like email's sameDomainOnly: they only arise where the levels above cannot
    // (one side has no name at all, the other has one, and the nameless side has an address), so their
    // m and u are shares among such pairs and do not enter the sums above. "handle": an address
    // spells the name (address-handles.ts); u is replaced by the frequency of the name as spelled (the
    // whole name, or an initial and the other part), like "exact".
    // Measured on the 10k population (true pairs with one nameless side that has an address): spelled
    // 0.75, not spelled 0.25 ("skyjohn84", "john@" at a first-name-only employer); moved toward less
    // certain. u of "handleDiffers": no random pair of 300k had a spelling in common.
    handle: { m: 0.7, u: 0.00002 },
    handleDiffers: { m: 0.3, u: 0.9999 },
  },
  organization: {
    // u of "same" is replaced by the organization's share of records (a 5 000-person employer says less).
    // Measured m: same 0.91, different 0.09; "different" raised to 0.15 because real job histories are
    // longer than the generator's single change.
    same: { m: 0.85, u: 0.008 },
    different: { m: 0.15, u: 0.992 },
  },
  title: {
    // Compared only when the organizations do not differ (compare-records.ts). Measured m: exact 0.95,
    // similar 0.04, different 0.01; lowered because real titles drift with promotions that the generator
    // does not model. Colleagues share a title about 3% of the time.
    exact: { m: 0.85, u: 0.03 },
    similar: { m: 0.08, u: 0.03 },
    different: { m: 0.07, u: 0.94 },
  },
};

/**
 * Expected true duplicates per record, for a fixed prior λ = DEFAULT_MATCHES_PER_RECORD / (N − 1) where λ
 * is not estimated from the data (resolveIdentities estimates it; scorePair uses this). The benchmark
 * population has 2.3; a CRM fed by fewer sources has fewer.
 */
export const DEFAULT_MATCHES_PER_RECORD = 2;

/**
 * Lower bound for a term-frequency-adjusted u. Frequencies come from the data itself, so a name seen once
 * would otherwise claim u ≈ 1/N² and an absurd weight; below this floor the data cannot tell rare apart.
 * Set where pairs of rare names stopped being under-confident on the 100k benchmark (2e-6 left pairs
 * scored 0.2–0.3 that were true 80% of the time).
 */
export const TERM_FREQUENCY_FLOOR = 0.0000002;

/**
 * How a value's frequency adjusts u, per comparison that has one. "replace" is Splink's adjustment (u is
 * the value's frequency, so rare names count for more than average). "atLeast" lets frequency only lower
 * a weight: a shared email local part that is really a first name ("susan@") must count for little, but a
 * rare handle must not claim more than the default, because its frequency is mostly its owner's own records.
 */
export const TERM_FREQUENCY_MODE = { name: "replace", organization: "replace", email: "atLeast" } as const;

/**
 * Levels whose frequency-adjusted u is *relative* to an exact agreement (Splink's tf adjustment of a fuzzy
 * level): u = u_level · f(value) / u_exact, i.e. log2(m/u_level) + log2(u_exact/f). "Replace" (u = f)
 * is right where agreeing on the value is the whole event, as for an exact name: two different people
 * show the same name about f of the time. A nickname, typo, swap or initial needs that *and* a
 * presentation that happens to either kind of pair alike (one side written "Smith John" or "J. Smith"),
 * so among different people the level is much rarer than f alone: u = f replaced the level's measured
 * rarity by the exact level's and under-weighted these levels by log2(u_exact/u_level) (4.9 bits for a
 * swap). The frequency passed in must be on the scale of a full name's (compare-records.ts rescales the
 * initial's). Measured at 100k before this: cluster pairs at "swapped" scored 0.09 were 77 % true,
 * at "initials" 0.05 were 56 % true.
 * Not "jw95": a near-spelling between different people is mostly two real names (Jon / John, Petersen /
 * Peterson), not a typo, so it is not f times a presentation rate (made relative, jw95 candidates scored
 * 0.64 were 29 % true). Not "nickname": its frequency is already that of the spellings seen (the
 * geometric mean, compare-records.ts), which carries the nickname's rarity (made relative: no gain).
 */
export const TERM_FREQUENCY_RELATIVE_TO_EXACT: { readonly [C in ComparisonName]?: readonly LevelName<C>[] } = {
  name: ["swapped", "initials"],
};

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
      otherEmployers: resolve(table.email.otherEmployers), different: resolve(table.email.different),
    },
    phone: { exact: resolve(table.phone.exact), different: resolve(table.phone.different) },
    linkedin: { exact: resolve(table.linkedin.exact), different: resolve(table.linkedin.different) },
    name: {
      exact: resolve(table.name.exact), nickname: resolve(table.name.nickname), jw95: resolve(table.name.jw95),
      swapped: resolve(table.name.swapped), initials: resolve(table.name.initials), jw88: resolve(table.name.jw88),
      jw80: resolve(table.name.jw80), different: resolve(table.name.different),
      handle: resolve(table.name.handle), handleDiffers: resolve(table.name.handleDiffers),
    },
    organization: { same: resolve(table.organization.same), different: resolve(table.organization.different) },
    title: { exact: resolve(table.title.exact), similar: resolve(table.title.similar), different: resolve(table.title.different) },
  };
}

/** λ, the prior probability that two records picked at random are the same person. */
export function defaultPrior(recordCount: number, matchesPerRecord = DEFAULT_MATCHES_PER_RECORD): number {
  return Math.min(0.5, matchesPerRecord / Math.max(1, recordCount - 1));
}
