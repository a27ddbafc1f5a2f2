// How often two *different* people who share a name share an employer beyond chance. Fellegi–Sunter
// multiplies the name's u by the organization's u, i.e. assumes that among different people name and
// employer are independent. They are not always: relatives work in one family firm, a father and son
// share a name and a company, a name common in one region is common at that region's employers. Where
// that holds, "same name and same employer" is weaker evidence than the product says, and namesake
// colleagues look near-certainly like one person.
//
// Model: a share r of namesake pairs of different people are "related" and at one employer; the rest are
// independent. Then the chance that b shares a's employer v is u = r + (1 − r) · share(v), a mixture (a
// constant factor on share(v) would say the dependence grows with the employer's size).
// r is estimated without labels from pairs that are surely two people (two different LinkedIn profiles,
// the deterministic non-match rule the model already trusts for auto-merge) carrying the same full name:
// (shared − expected) / (pairs − expected), expected from the shares. No dependence in the data: r = 0.
import type { NormalizedRecord } from "../normalize/normalize-record";
import { distinctOrganizations, sameOrganization } from "./organizations";

/** Fewer shared employers than this among the sure non-matches is too little to estimate from: r = 0. */
export const MIN_SHARED_EMPLOYERS = 10;

export interface NamesakeEmployerEstimate {
  /** Same-name pairs with two different profiles and an organization on both sides. */
  pairs: number;
  /** How many of them share an organization. */
  shared: number;
  /** How many would by chance, from the organizations' shares. */
  expected: number;
  /** Share of namesake pairs at one employer beyond chance, r; 0 when fewer than MIN_SHARED_EMPLOYERS are shared. */
  related: number;
}

export function estimateNamesakeEmployers(records: readonly NormalizedRecord[], organizationShare: ReadonlyMap<string, number>): NamesakeEmployerEstimate {
  const byName = new Map<string, NormalizedRecord[]>();
  for (const record of records) {
    if (record.linkedin === null || record.organizationLabels.length === 0) continue;
    for (const key of new Set(record.names.flatMap((name) => (name.last === null ? [] : [name.key])))) {
      const group = byName.get(key);
      if (group) group.push(record);
      else byName.set(key, [record]);
    }
  }
  let pairs = 0;
  let shared = 0;
  let expected = 0;
  for (const group of byName.values()) {
    for (let i = 0; i < group.length; i += 1) {
      const a = group[i] as NormalizedRecord;
      const orgsA = distinctOrganizations(a.organizationLabels);
      for (let j = i + 1; j < group.length; j += 1) {
        const b = group[j] as NormalizedRecord;
        if (a.linkedin === b.linkedin) continue;
        const orgsB = distinctOrganizations(b.organizationLabels);
        pairs += 1;
        if (orgsA.some((x) => orgsB.some((y) => sameOrganization(x, y)))) shared += 1;
        // The same chance compareOrganization gives an agreement: k_b times each of a's shares.
        let chance = 0;
        for (const label of orgsA) chance += (organizationShare.get(label) ?? 0) * orgsB.length;
        expected += Math.min(1, chance);
      }
    }
  }
  const related = shared >= MIN_SHARED_EMPLOYERS && pairs > expected ? Math.max(0, (shared - expected) / (pairs - expected)) : 0;
  return { pairs, shared, expected, related };
}
