// The m/u that review candidates are scored with. Review pairs are not a sample of record pairs: they are
// the clusters auto-merge left apart, and auto-merge joined every pair of records sharing an address
// (a same canonical email is a strong identifier). So two clusters left apart never have an address in
// common, whether they are one person or two. At the record level "no address in common" is evidence
// against (m 0.25: three quarters of one person's record pairs that both carry an address share it);
// between clusters left apart it is what one person's clusters show too, because people hold several
// addresses (personal, work, a previous employer's) and each of them forms its own cluster.
//
// Measured on the 10k population (every pair of one person's clusters against random cluster pairs,
// relative to "no address on one side", as the model counts a missing value as no evidence): seed 1
// 0.00 bits with no employer known and −0.29 at one employer; seed 2 +0.11 and +0.04. So the level
// carries no evidence between clusters: m = u. (The record-level −1.85 bits had put these pairs about
// two bits too low: cluster pairs at "addresses differ, same name" scored 0.2–0.9 were 2–3 bits
// under-confident at 100k.)
//
// Only this level changes. A LinkedIn profile is one per person: one person's clusters rarely both carry
// one (none of 2 000 true cluster pairs at 10k), so "different profiles" stays strong evidence against,
// as its record-level m (a person with two profiles) already says. Two personal addresses, two
// addresses at one employer and a shared handle keep their record-level values, which were never
// conditional on a shared address; "otherEmployers" is already near zero.
import type { MatchParameters } from "./match-parameters";

export function leftApartParameters(parameters: MatchParameters): MatchParameters {
  const { u } = parameters.email.different;
  return { ...parameters, email: { ...parameters.email, different: { m: u, u } } };
}
