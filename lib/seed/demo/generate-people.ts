// Step 1 of the demo network: organizations and the people who work there (plus the team and a few
// independents). Besides the rows, it returns a profile per person that later steps need: which company,
// which department, how active, how many outside contacts.
import { stableUuid } from "../seed-ids";
import { DEMO_COMPANIES, TIER_WEIGHT } from "./companies";
import { createIdentifierFactory } from "./identifiers";
import { drawName } from "./names";
import type { Rng } from "./prng";
import { DEMO_TEAM, DEMO_TEAM_ORGANIZATION } from "./team";
import {
  DEPARTMENT_WEIGHTS, FOUNDER_TITLES, INDEPENDENT_TITLES, LEADERSHIP_TITLES, OUTWARD_DEPARTMENTS,
  SENIORITY_WEIGHTS, TITLES_BY_DEPARTMENT, type Department,
} from "./titles";
import { DEMO_SEED_TAG, type DemoOrganization, type DemoPerson } from "./types";

export interface PersonProfile {
  index: number;
  /** Index into the organizations array; null for independents. */
  orgIndex: number | null;
  department: Department | "independent";
  isTeam: boolean;
  /** Relative interaction volume (heavy-tailed). */
  activity: number;
  /** How likely outsiders are to know this person (leaders and sellers are known beyond their company). */
  visibility: number;
  /** How many outside contacts to draw for this person. */
  externalTies: number;
  workEmail: string | null;
  personalEmail: string | null;
}

export interface GeneratedPeople {
  organizations: DemoOrganization[];
  people: DemoPerson[];
  profiles: PersonProfile[];
  /** People indices per organization index. */
  members: number[][];
  teamOrgIndex: number;
}

const INDEPENDENT_SHARE = 0.03;
const MIN_COMPANY_SIZE = 6;

/** Splits `total` by weight with the largest-remainder method: exact total, deterministic. */
function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((acc, weight) => acc + weight, 0);
  const raw = weights.map((weight) => (total * weight) / sum);
  const counts = raw.map(Math.floor);
  const order = raw.map((value, index) => ({ index, rest: value - Math.floor(value) })).sort((a, b) => b.rest - a.rest || a.index - b.index);
  let missing = total - counts.reduce((acc, count) => acc + count, 0);
  for (const { index } of order) {
    if (missing <= 0) break;
    counts[index] = (counts[index] ?? 0) + 1;
    missing -= 1;
  }
  return counts;
}

export function generatePeople(rng: Rng, peopleCount: number): GeneratedPeople {
  const teamSize = DEMO_TEAM.length;
  const independents = Math.round(peopleCount * INDEPENDENT_SHARE);
  const employees = peopleCount - teamSize - independents;
  if (employees < 2 * DEMO_COMPANIES.length) {
    throw new Error(`The demo network needs at least ${2 * DEMO_COMPANIES.length + teamSize} people for its ${DEMO_COMPANIES.length} companies.`);
  }
  // Every company gets a floor (two leaders at least), the rest is spread by tier with some jitter.
  const floor = Math.min(MIN_COMPANY_SIZE, Math.floor(employees / DEMO_COMPANIES.length));
  const jittered = DEMO_COMPANIES.map((company) => TIER_WEIGHT[company.tier] * (0.8 + 0.4 * rng.next()));
  const sizes = apportion(employees - floor * DEMO_COMPANIES.length, jittered).map((size) => size + floor);

  const organizations: DemoOrganization[] = [
    ...DEMO_COMPANIES.map((company) => ({
      id: stableUuid(`demo/organization/${company.domain}`), name: company.name, domain: company.domain,
      metadata: { seed: DEMO_SEED_TAG, industry: company.industry, hq: company.hq, team: false },
    })),
  ];
  const teamOrgIndex = organizations.length;
  organizations.push({
    id: stableUuid(`demo/organization/${DEMO_TEAM_ORGANIZATION.domain}`), name: DEMO_TEAM_ORGANIZATION.name, domain: DEMO_TEAM_ORGANIZATION.domain,
    metadata: { seed: DEMO_SEED_TAG, industry: DEMO_TEAM_ORGANIZATION.industry, hq: DEMO_TEAM_ORGANIZATION.hq, team: true },
  });

  const people: DemoPerson[] = [];
  const profiles: PersonProfile[] = [];
  const members: number[][] = organizations.map(() => []);
  const identifiers = createIdentifierFactory(rng);
  identifiers.reserve(DEMO_TEAM.map((member) => member.email));

  const add = (input: {
    first: string; last: string; title: string; orgIndex: number | null; department: Department | "independent";
    workEmail: string | null; personalEmail: string | null; isTeam: boolean; activity: number; visibility: number; externalTies: number;
  }): void => {
    const index = people.length;
    const names = identifiers.names(input.first, input.last);
    const emails = [input.workEmail, input.personalEmail].filter((email): email is string => email !== null);
    const primary = emails[0] ?? `${index}`;
    const phone = rng.chance(input.isTeam ? 1 : 0.4) ? identifiers.phone() : undefined;
    const socialHandles: Record<string, string> = {};
    const linkedin = input.isTeam || rng.chance(0.75) ? identifiers.linkedin(input.first, input.last, primary) : undefined;
    if (linkedin) socialHandles.linkedin = linkedin;
    if (input.department === "engineering" && rng.chance(0.35)) socialHandles.github = identifiers.github(input.first, input.last, primary);
    people.push({
      id: stableUuid(`demo/person/${primary}`), names, emails, phones: phone ? [phone] : [], socialHandles, title: input.title,
      organizationId: input.orgIndex === null ? null : (organizations[input.orgIndex]?.id ?? null),
      metadata: { seed: DEMO_SEED_TAG, department: input.department },
    });
    profiles.push({ index, orgIndex: input.orgIndex, department: input.department, isTeam: input.isTeam, activity: input.activity,
      visibility: input.visibility, externalTies: input.externalTies, workEmail: input.workEmail, personalEmail: input.personalEmail });
    if (input.orgIndex !== null) members[input.orgIndex]?.push(index);
  };

  // The team first: fixed names and emails, very active, known across the network.
  for (const member of DEMO_TEAM) {
    add({ first: member.first, last: member.last, title: member.title, orgIndex: teamOrgIndex, department: "leadership",
      workEmail: member.email, personalEmail: null, isTeam: true, activity: 6, visibility: 4, externalTies: member.externalTies });
  }

  DEMO_COMPANIES.forEach((company, orgIndex) => {
    const size = sizes[orgIndex] ?? floor;
    const leaders = Math.max(2, Math.min(LEADERSHIP_TITLES.length, Math.round(size * 0.07)));
    for (let slot = 0; slot < size; slot += 1) {
      const { first, last } = drawName(rng);
      const isLeader = slot < leaders;
      let department: Department = "leadership";
      let title = company.tier === "small" && slot < 2 ? (FOUNDER_TITLES[slot] ?? "Co-founder") : (LEADERSHIP_TITLES[slot] ?? "Executive");
      if (!isLeader) {
        const pick = DEPARTMENT_WEIGHTS[rng.weightedIndex(DEPARTMENT_WEIGHTS.map(([, weight]) => weight))];
        const staff = pick?.[0] ?? "engineering";
        department = staff;
        const ladder = TITLES_BY_DEPARTMENT[staff];
        title = ladder[rng.weightedIndex(SENIORITY_WEIGHTS)] ?? ladder[1];
      }
      const outward = OUTWARD_DEPARTMENTS.has(department);
      const workEmail = identifiers.workEmail(company.emailPattern, company.domain, first, last);
      // Pareto(2.2) activity: most people are quiet, a few generate a large share of the traffic.
      const activity = Math.min(25, rng.pareto(2.2) * (isLeader ? 2 : 1) * (outward ? 1.5 : 1));
      const externalBase = Math.max(0, Math.floor(rng.pareto(1.6) * 1.5) - 1);
      add({ first, last, title, orgIndex, department, workEmail, personalEmail: rng.chance(0.25) ? identifiers.personalEmail(first, last) : null,
        isTeam: false, activity, visibility: isLeader ? 5 : outward ? 2.5 : 1,
        externalTies: externalBase + (isLeader ? rng.int(3, 8) : outward ? rng.int(1, 5) : 0) });
    }
  });

  // Independents (angels, advisors, consultants): no company, a personal address, many outside ties.
  for (let count = 0; count < independents; count += 1) {
    const { first, last } = drawName(rng);
    add({ first, last, title: rng.pick(INDEPENDENT_TITLES), orgIndex: null, department: "independent", workEmail: null,
      personalEmail: identifiers.personalEmail(first, last), isTeam: false, activity: 1.5 + rng.pareto(2),
      visibility: 3, externalTies: rng.int(12, 45) });
  }
  return { organizations, people, profiles, members, teamOrgIndex };
}
