// Organization labels: a record's organization name and the labels of its work domains, which may name
// one employer twice ("brightlanepayments" and "brightlane").

/** "brightlanepayments" (a name) and "brightlane" (a domain label) are one company: prefix of ≥ 4 letters. */
export function sameOrganization(x: string, y: string): boolean {
  return x === y || (y.length >= 4 && x.startsWith(y)) || (x.length >= 4 && y.startsWith(x));
}

/** One label per organization among `labels` (the first seen), a name and its domain label counting once. */
export function distinctOrganizations(labels: readonly string[]): readonly string[] {
  if (labels.length < 2) return labels;
  const seen: string[] = [];
  for (const label of labels) if (!seen.some((other) => sameOrganization(other, label))) seen.push(label);
  return seen;
}
