// How much likelier two *different* people who share a name are to share an employer than two strangers.
// Fellegi–Sunter multiplies the name's u by the organization's u, i.e. assumes that among different
// people name and employer are independent. They are not always: relatives work in one family firm, a
// father and son share a name and a company, a name common in one region is common at that region's
// employers. Where that holds, "same name and same employer" is weaker evidence than the product says,
// and namesake colleagues look near-certainly like one person.
//
// Estimated without labels from pairs that are surely two people (two different LinkedIn profiles, the
// deterministic non-match rule the model already trusts for auto-merge) that carry the same full name:
// the number of them that share an organization, against the number their organizations' shares
// predict. Where the data shows no dependence the factor is 1 and nothing changes.
import type { NormalizedRecord } from "../normalize/normalize-record";
import { distinctOrganizations, sameOrganization } from "./organizations";

/** Fewer shared employers than this among the sure non-matches is too little to estimate from: 1. */
export const MIN_SHARED_EMPLOYERS = 10;

export interface NamesakeEmployerEstimate {
  /** Same-name pairs with two different profiles and an organization on both sides. */
  pairs: number;
  /** How many of them share an organization. */
  shared: number;
  /** How many would by chance, from the organizations' shares. */
  expected: number;
  /** shared / expected, at least 1; 1 when fewer than MIN_SHARED_EMPLOYERS are shared. */
  factor: number;
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
  const factor = shared >= MIN_SHARED_EMPLOYERS && expected > 0 ? Math.max(1, shared / expected) : 1;
  return { pairs, shared, expected, factor };
}
