// The comparisons of the Fellegi–Sunter model and their levels, strongest agreement first. Each pair of
// records falls into exactly one level per comparison, or into none (null) when either side lacks the
// field: a missing value is no evidence either way and adds nothing to the match weight.

export const COMPARISON_LEVELS = {
  email: ["exact", "localPart", "sameDomainOnly", "differentPersonal", "otherEmployers", "different"],
  phone: ["exact", "different"],
  linkedin: ["exact", "different"],
  name: ["exact", "nickname", "jw95", "swapped", "initials", "jw88", "jw80", "different", "handle", "handleDiffers"],
  organization: ["same", "different"],
  title: ["exact", "similar", "different"],
} as const;

export type ComparisonName = keyof typeof COMPARISON_LEVELS;
export type LevelName<C extends ComparisonName> = (typeof COMPARISON_LEVELS)[C][number];

/** Fixed order of comparisons in a comparison vector. */
export const COMPARISON_NAMES: readonly ComparisonName[] = ["email", "phone", "linkedin", "name", "organization", "title"];

/** Index of each level within its comparison, as stored in a comparison vector. */
export const LEVEL_INDEX = {
  email: { exact: 0, localPart: 1, sameDomainOnly: 2, differentPersonal: 3, otherEmployers: 4, different: 5 },
  phone: { exact: 0, different: 1 },
  linkedin: { exact: 0, different: 1 },
  name: { exact: 0, nickname: 1, jw95: 2, swapped: 3, initials: 4, jw88: 5, jw80: 6, different: 7, handle: 8, handleDiffers: 9 },
  organization: { same: 0, different: 1 },
  title: { exact: 0, similar: 1, different: 2 },
} as const satisfies { [C in ComparisonName]: { [L in LevelName<C>]: number } };

/** Position of each comparison in a comparison vector. */
export const COMPARISON_INDEX = { email: 0, phone: 1, linkedin: 2, name: 3, organization: 4, title: 5 } as const satisfies Record<ComparisonName, number>;

/** Human wording for the explanation (the review queue's waterfall chart). */
export const LEVEL_LABELS: { [C in ComparisonName]: { [L in LevelName<C>]: string } } = {
  email: {
    exact: "Same email address",
    localPart: "Same email name on another domain",
    sameDomainOnly: "Different addresses at the same company domain",
    differentPersonal: "Different personal (free-mail) addresses",
    otherEmployers: "No email in common, as expected at different employers",
    different: "No email in common",
  },
  phone: { exact: "Same phone number", different: "No phone in common" },
  linkedin: { exact: "Same LinkedIn profile", different: "Different LinkedIn profiles" },
  name: {
    exact: "Same name",
    nickname: "Same name up to a nickname",
    jw95: "Nearly the same name (similarity ≥ 0.95)",
    swapped: "Same name, first and last swapped",
    initials: "Initial matches the first name",
    jw88: "Similar name (similarity ≥ 0.88)",
    jw80: "Somewhat similar name (similarity ≥ 0.80)",
    different: "Different names",
    handle: "No name on one side, but its address spells the other's name",
    handleDiffers: "No name on one side, and its address does not spell the other's name",
  },
  organization: { same: "Same organization or work email domain", different: "Different organizations" },
  title: { exact: "Same job title", similar: "Similar job title", different: "Different job titles" },
};

export const COMPARISON_LABELS: Record<ComparisonName, string> = {
  email: "Email", phone: "Phone", linkedin: "LinkedIn", name: "Name", organization: "Organization", title: "Title",
};
