// Puts a pair of normalized records into one level per comparison (the comparison vector). Levels are
// tried strongest first and the first that holds wins; with several names per record the best-agreeing
// pair of names counts. Where a level's u depends on the value that agreed (name and organization
// frequencies), the adjusted u is written beside the level. Runs millions of times per resolution: it
// writes into a caller-owned vector instead of allocating.
import { givenNamesEquivalent } from "../normalize/nicknames";
import type { ParsedName } from "../normalize/normalize-name";
import type { NormalizedRecord } from "../normalize/normalize-record";
import { addressHandles, handleSpelling } from "./address-handles";
import { COMPARISON_INDEX as C, LEVEL_INDEX as L } from "./comparison-levels";
import { jaroWinkler } from "./jaro-winkler";
import { distinctOrganizations, sameOrganization } from "./organizations";
import { frequencyOf, type TermFrequencies } from "./term-frequencies";

export interface ComparisonVector {
  /** Level index per comparison (see COMPARISON_INDEX / LEVEL_INDEX), −1 when either side is missing. */
  levels: Int8Array;
  /** Term-frequency-adjusted u per comparison, or NaN to use the level's default u. */
  adjustedU: Float64Array;
}

export function createComparisonVector(): ComparisonVector {
  return { levels: new Int8Array(6), adjustedU: new Float64Array(6) };
}

function intersects(a: readonly string[], b: readonly string[]): boolean {
  for (const value of a) if (b.includes(value)) return true;
  return false;
}

/**
 * True when a local part is just the person's name ("johnsmith", "jsmith2", "john"): agreeing on it then
 * repeats the name comparison instead of adding evidence, and two John Smiths at different companies
 * would count their name twice.
 */
function isNameHandle(key: string, record: NormalizedRecord): boolean {
  const letters = key.replace(/[0-9]+$/, "");
  return record.names.some(({ first, last }) =>
    letters === first || (last !== null && (letters === first + last || letters === last + first || letters === last
      || letters === (first[0] ?? "") + last || letters === first + (last[0] ?? "") || letters === last + (first[0] ?? ""))));
}

function compareEmail(a: NormalizedRecord, b: NormalizedRecord, tf: TermFrequencies | null, vector: ComparisonVector): void {
  vector.adjustedU[C.email] = Number.NaN;
  if (a.emails.length === 0 || b.emails.length === 0) {
    vector.levels[C.email] = -1;
    return;
  }
  if (intersects(a.emails, b.emails)) {
    vector.levels[C.email] = L.email.exact;
    return;
  }
  for (const x of a.emailLocals) {
    for (const y of b.emailLocals) {
      if (x.key !== y.key || x.domain === y.domain || isNameHandle(x.key, a) || isNameHandle(x.key, b)) continue;
      vector.levels[C.email] = L.email.localPart;
      // A local part many records use ("susan1980") is worth less; the weight only ever drops (see
      // TERM_FREQUENCY_MODE), because a rare handle's frequency is mostly its owner's own records.
      if (tf) vector.adjustedU[C.email] = frequencyOf(tf.emailLocal, x.key, tf.recordCount);
      return;
    }
  }
  // One person rarely has two addresses at one employer; two colleagues always do. Likewise most people
  // keep one personal mailbox, so two different free-mail addresses weigh more than work-vs-personal.
  if (intersects(a.workDomains, b.workDomains)) {
    vector.levels[C.email] = L.email.sameDomainOnly;
    // The organization's term-frequency bonus says "few people work there, so sharing it by chance is
    // unlikely"; here the two records show two mailboxes at that employer, which is what two colleagues
    // look like. Name and employer are not independent among different people either (relatives, and
    // the "jsmith2" a mail system issues to a second J. Smith), so multiplying a rare name's weight by a
    // small employer's would call namesake colleagues near-certainly one person. The agreement keeps
    // the default weight of "same organization" instead.
    vector.adjustedU[C.organization] = Number.NaN;
  } else if (a.personalEmails > 0 && b.personalEmails > 0) vector.levels[C.email] = L.email.differentPersonal;
  // At two employers a person's work addresses differ as a matter of course (match-parameters.ts):
  // the organization comparison, filled in first, has already counted the job change.
  else if (vector.levels[C.organization] === L.organization.different) vector.levels[C.email] = L.email.otherEmployers;
  else vector.levels[C.email] = L.email.different;
}

function comparePhones(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return -1;
  return intersects(a, b) ? L.phone.exact : L.phone.different;
}

/** The records two names come from, for the share of a value among other people's records. */
interface NameOwners {
  a: NormalizedRecord;
  b: NormalizedRecord;
}

function ownCount(record: NormalizedRecord, part: "first" | "last", value: string): number {
  const counts = record.nameCounts?.[part];
  if (counts) return counts.get(value) ?? 0;
  return record.names.some((name) => name[part] === value) ? 1 : 0;
}

/**
 * Share of records showing a value both sides carry, among the records of people other than the one in
 * question. A term frequency counts every record, the compared person's own included, so for a rare name
 * it mostly measures how many records that person has: a surname seen on four records, all of them one
 * cluster's and the other's, is not shared by four people in 100 000. Under "two different people" the
 * chance that b shows a's value is its share outside a's records (and symmetrically), so u is the
 * geometric mean of the counts without either side's own, which for two single records is n − 1.
 */
function othersShare(table: ReadonlyMap<string, number>, part: "first" | "last", value: string, tf: TermFrequencies, owners: NameOwners | null): number {
  const share = frequencyOf(table, value, tf.recordCount);
  if (!owners) return share;
  const count = share * tf.recordCount;
  const withoutA = Math.max(0, count - ownCount(owners.a, part, value));
  const withoutB = Math.max(0, count - ownCount(owners.b, part, value));
  return Math.sqrt(withoutA * withoutB) / tf.recordCount;
}

/**
 * Level of one pair of names, and the u adjustment for the frequency-sensitive levels. With `owners`, a
 * part both names share is counted among other people's records (othersShare).
 */
function compareNamePairInOrder(a: ParsedName, b: ParsedName, tf: TermFrequencies | null, out: { u: number }, owners: NameOwners | null): number {
  out.u = Number.NaN;
  if (a.last === null || b.last === null) {
    // A lone given name ("Bob" from a chat app) can neither confirm nor rule out a full name it agrees with.
    const agrees = givenNamesEquivalent(a.first, b.first) || a.first === b.last || a.last === b.first;
    return agrees ? -1 : L.name.different;
  }
  if (a.key === b.key) {
    if (tf) out.u = othersShare(tf.firstName, "first", a.first, tf, owners) * othersShare(tf.lastName, "last", a.last, tf, owners);
    return L.name.exact;
  }
  const firstEquivalent = givenNamesEquivalent(a.first, b.first);
  if (firstEquivalent && a.last === b.last) {
    // The likelihood ratio of seeing "Dave" on one side and "David" on the other is about that of an
    // exact "David" (a rare spelling is rare for the true person too), which the geometric mean of the
    // two spellings' frequencies approximates; first and last name are assumed independent.
    if (tf) {
      const firstShare = Math.sqrt(frequencyOf(tf.firstName, a.first, tf.recordCount) * frequencyOf(tf.firstName, b.first, tf.recordCount));
      out.u = firstShare * othersShare(tf.lastName, "last", a.last, tf, owners);
    }
    return L.name.nickname;
  }
  // Both parts must be alike: on the whole string a shared first name alone scores ≈ 0.88
  // ("susan nair" / "susan osthart"), which says nothing about the person.
  const firstSimilarity = firstEquivalent ? 1 : jaroWinkler(a.first, b.first);
  const similarity = Math.min(firstSimilarity, jaroWinkler(a.last, b.last));
  if (similarity >= 0.95) {
    // A typo is most likely a misspelling of the more common of the two spellings, so that one's
    // frequency counts (a misspelled "John Smith" must not look as rare as its misspelling).
    if (tf) out.u = Math.max(nameShare(a, tf), nameShare(b, tf));
    return L.name.jw95;
  }
  if (a.first === b.last && a.last === b.first) {
    // Written the other way round, a name is as common as it is: "Smith John" says what "John Smith"
    // says, like a nickname. The reading with the given name first is the common one, hence the larger.
    if (tf) out.u = Math.max(nameShare(a, tf), nameShare(b, tf));
    return L.name.swapped;
  }
  const initial = (a.first.length === 1 || b.first.length === 1) && a.first[0] === b.first[0];
  if (initial && a.last === b.last) {
    // On a full name's scale (weighed relative to the exact level, match-parameters.ts).
    if (tf) out.u = frequencyOf(tf.firstInitial, a.first[0] ?? "", tf.recordCount) * tf.initialToGivenName * othersShare(tf.lastName, "last", a.last, tf, owners);
    return L.name.initials;
  }
  if (similarity >= 0.88) return L.name.jw88;
  if (similarity >= 0.8) return L.name.jw80;
  return L.name.different;
}

const swappedU = { u: Number.NaN };

/**
 * A name written surname first ("Belski Susie", "Rivera Petra") parses with its parts swapped; the exact
 * swap has its own level, and a swap that also carries a nickname, a typo or an initial is compared in
 * the swapped order and keeps that comparison's level (being written the other way round is not itself
 * evidence either way).
 */
function compareNamePair(a: ParsedName, b: ParsedName, tf: TermFrequencies | null, out: { u: number }, owners: NameOwners): number {
  const level = compareNamePairInOrder(a, b, tf, out, owners);
  // Only a swap that keeps one part exactly is tried: this runs for every candidate pair, and a swap
  // with both parts garbled is too rare to pay a second pair of Jaro–Winkler comparisons each time.
  if (level <= L.name.swapped || a.last === null || b.last === null || (a.first !== b.last && a.last !== b.first)) return level;
  // Read the other way round, a's parts are not the values the given-name and surname tables count for it.
  const swapped = compareNamePairInOrder({ first: a.last, last: a.first, middle: a.middle, key: `${a.last} ${a.first}` }, b, tf, swappedU, null);
  if (swapped === -1 || swapped >= level) return level;
  out.u = swappedU.u;
  return swapped === L.name.exact ? L.name.swapped : swapped;
}

/** Share of records with this first name times share with this last name (independence assumed). */
function nameShare(name: ParsedName, tf: TermFrequencies): number {
  return frequencyOf(tf.firstName, name.first, tf.recordCount) * frequencyOf(tf.lastName, name.last ?? "", tf.recordCount);
}

const scratch = { u: Number.NaN };

/**
 * One side has no name: does one of its addresses spell the other side's name (address-handles.ts)? The
 * u of a spelling is the share of names that spell it the same way: the whole name's share for "full",
 * initial × surname for "jramirez", given name × surname initial for "jenniferr".
 */
function compareHandles(nameless: NormalizedRecord, named: NormalizedRecord, tf: TermFrequencies | null, vector: ComparisonVector): void {
  const handles = addressHandles(nameless);
  if (handles.length === 0) {
    vector.levels[C.name] = -1;
    vector.adjustedU[C.name] = Number.NaN;
    return;
  }
  let spelled = false;
  let bestU = Number.POSITIVE_INFINITY;
  for (const handle of handles) {
    for (const name of named.names) {
      const spelling = handleSpelling(handle, name);
      if (spelling === null) continue;
      spelled = true;
      if (!tf) continue;
      const first = spelling === "initialLast" ? frequencyOf(tf.firstInitial, name.first[0] ?? "", tf.recordCount) : frequencyOf(tf.firstName, name.first, tf.recordCount);
      const last = spelling === "firstInitial" ? frequencyOf(tf.lastInitial, name.last?.[0] ?? "", tf.recordCount) : frequencyOf(tf.lastName, name.last ?? "", tf.recordCount);
      bestU = Math.min(bestU, first * last);
    }
  }
  vector.levels[C.name] = spelled ? L.name.handle : L.name.handleDiffers;
  vector.adjustedU[C.name] = spelled && tf ? bestU : Number.NaN;
}

function compareNames(a: NormalizedRecord, b: NormalizedRecord, tf: TermFrequencies | null, vector: ComparisonVector): void {
  if (a.names.length === 0 && b.names.length > 0) return compareHandles(a, b, tf, vector);
  if (b.names.length === 0 && a.names.length > 0) return compareHandles(b, a, tf, vector);
  let best = -1;
  let bestU = Number.NaN;
  const owners = { a, b };
  for (const nameA of a.names) {
    for (const nameB of b.names) {
      const level = compareNamePair(nameA, nameB, tf, scratch, owners);
      if (level !== -1 && (best === -1 || level < best)) {
        best = level;
        bestU = scratch.u;
      }
    }
  }
  vector.levels[C.name] = best;
  vector.adjustedU[C.name] = bestU;
}

function compareOrganization(a: NormalizedRecord, b: NormalizedRecord, tf: TermFrequencies | null, vector: ComparisonVector): void {
  vector.adjustedU[C.organization] = Number.NaN;
  if (a.organizationLabels.length === 0 || b.organizationLabels.length === 0) {
    vector.levels[C.organization] = -1;
    return;
  }
  const agreed = a.organizationLabels.find((x) => b.organizationLabels.some((y) => sameOrganization(x, y)));
  vector.levels[C.organization] = agreed === undefined ? L.organization.different : L.organization.same;
  // A side showing k employers (a merged cluster after a job change, or a record whose address names
  // the old employer) has k chances to agree by accident: with k_a and k_b distinct organizations the
  // chance that two different people share one is about k_a · k_b times the agreed one's share (the
  // union bound of a multi-valued field). With one organization on each side this is the share itself.
  if (agreed !== undefined && tf) {
    const chances = distinctOrganizations(a.organizationLabels).length * distinctOrganizations(b.organizationLabels).length;
    vector.adjustedU[C.organization] = Math.min(1, chances * frequencyOf(tf.organization, agreed, tf.recordCount));
  }
}

function compareTitle(a: NormalizedRecord, b: NormalizedRecord): number {
  if (!a.title || !b.title) return -1;
  let shared = 0;
  for (const word of a.title) if (b.title.includes(word)) shared += 1;
  if (shared === a.title.length && shared === b.title.length) return L.title.exact;
  const jaccard = shared / (a.title.length + b.title.length - shared);
  return jaccard >= 0.5 ? L.title.similar : L.title.different;
}

/**
 * Fills `vector` with the comparison levels of records a and b. Without term frequencies (`tf` null, e.g.
 * when one pair is re-scored outside a resolution run) every level uses its default u.
 */
export function compareRecords(a: NormalizedRecord, b: NormalizedRecord, tf: TermFrequencies | null, vector: ComparisonVector): ComparisonVector {
  compareOrganization(a, b, tf, vector);
  compareEmail(a, b, tf, vector);
  vector.levels[C.phone] = comparePhones(a.phones, b.phones);
  vector.levels[C.linkedin] = a.linkedin && b.linkedin ? (a.linkedin === b.linkedin ? L.linkedin.exact : L.linkedin.different) : -1;
  vector.adjustedU[C.phone] = Number.NaN;
  vector.adjustedU[C.linkedin] = Number.NaN;
  compareNames(a, b, tf, vector);
  // Namesakes share employers more often than strangers do (namesake-employers.ts): with the names
  // agreeing, the employer's share alone would count a namesake colleague as near-certainly the person.
  const nameLevel = vector.levels[C.name] ?? -1;
  const organizationU = vector.adjustedU[C.organization] ?? Number.NaN;
  if (tf && !Number.isNaN(organizationU) && nameLevel >= L.name.exact && nameLevel <= L.name.initials) {
    vector.adjustedU[C.organization] = tf.namesakeEmployer + (1 - tf.namesakeEmployer) * organizationU;
  }
  // A title only means something within one employer: after a job change it differs as a matter of course,
  // and counting that on top of "different organization" would count the job change twice.
  vector.levels[C.title] = vector.levels[C.organization] === L.organization.different ? -1 : compareTitle(a, b);
  vector.adjustedU[C.title] = Number.NaN;
  return vector;
}
