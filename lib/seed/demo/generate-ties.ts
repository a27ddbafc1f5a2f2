// Step 2: who knows whom. A tie is an undirected acquaintance with a weight (how much the two interact)
// and a window of days in which they interact. Interactions are later drawn from ties, which gives the
// network its realistic shape: dense clusters inside companies, bridges through partner companies,
// sellers and leaders, and a few broad connectors (independents and the team).
import type { GeneratedPeople, PersonProfile } from "./generate-people";
import { WeightedSampler, type Rng } from "./prng";

export interface Tie {
  a: number;
  b: number;
  weight: number;
  /** Inclusive day offsets from the start of the window. */
  startDay: number;
  endDay: number;
  internal: boolean;
}

export interface GeneratedTies {
  ties: Tie[];
  /** Neighbor person indices per person, for picking plausible extra meeting attendees. */
  neighbors: number[][];
}

const PARTNERS_PER_COMPANY = 3;

export function generateTies(rng: Rng, generated: GeneratedPeople, days: number): GeneratedTies {
  const { profiles, members, teamOrgIndex } = generated;
  const companyCount = teamOrgIndex; // companies are the organizations before the team
  const byKey = new Map<number, Tie>();
  const personCount = profiles.length;
  const profile = (index: number): PersonProfile => {
    const found = profiles[index];
    if (!found) throw new Error(`no person ${index}`);
    return found;
  };

  const window = (internal: boolean, broad: boolean): [number, number] => {
    const last = days - 1;
    if (internal) {
      // Most colleagues overlap the whole window; some joined later, some left.
      const start = rng.chance(0.65) ? 0 : rng.int(0, days - 60);
      return [start, rng.chance(0.85) ? last : rng.int(Math.min(start + 30, last), last)];
    }
    const start = rng.int(0, days - (broad ? 90 : 30));
    const ongoing = rng.chance(broad ? 0.7 : 0.5);
    return [start, ongoing ? last : Math.min(last, start + 30 + Math.floor(500 * rng.next() ** 2))];
  };

  const addTie = (a: number, b: number, internal: boolean, boost = 1): void => {
    if (a === b) return;
    const [low, high] = a < b ? [a, b] : [b, a];
    const key = low * personCount + high;
    const pa = profile(low);
    const pb = profile(high);
    const weight = Math.exp(0.8 * rng.normal()) * Math.sqrt(pa.activity * pb.activity) * (internal ? 1 : 0.45) * boost;
    const existing = byKey.get(key);
    if (existing) {
      existing.weight += weight;
      return;
    }
    const [startDay, endDay] = window(internal, pa.isTeam || pb.isTeam);
    byKey.set(key, { a: low, b: high, weight, startDay, endDay, internal });
  };

  // Each company has a few partner companies (customers, vendors, investors): most outside ties go there.
  const partners: number[][] = Array.from({ length: companyCount }, () => []);
  const companyIndices = Array.from({ length: companyCount }, (_, index) => index);
  for (let company = 0; company < companyCount; company += 1) {
    for (const partner of rng.sample(companyIndices.filter((other) => other !== company), PARTNERS_PER_COMPANY)) {
      if (!partners[company]?.includes(partner)) partners[company]?.push(partner);
      if (!partners[partner]?.includes(company)) partners[partner]?.push(company);
    }
  }
  const visibilitySamplers = members.map((list) => new WeightedSampler(list.map((index) => profile(index).visibility)));
  const independents = profiles.filter((person) => person.orgIndex === null).map((person) => person.index);
  const visiblePersonAt = (company: number): number | undefined => {
    const list = members[company];
    const sampler = visibilitySamplers[company];
    return list && sampler && list.length > 0 ? list[sampler.draw(rng)] : undefined;
  };

  // Inside companies: a heavy-tailed number of colleagues, mostly from the same department, plus the
  // leadership team knowing each other and most people knowing some leader.
  members.forEach((list, company) => {
    const byDepartment = new Map<string, number[]>();
    for (const index of list) byDepartment.set(profile(index).department, [...(byDepartment.get(profile(index).department) ?? []), index]);
    const leaders = byDepartment.get("leadership") ?? [];
    const boost = company === teamOrgIndex ? 3 : 1;
    for (const index of list) {
      const person = profile(index);
      if (person.department === "leadership") for (const other of leaders) if (other > index) addTie(index, other, true, boost);
      if (leaders.length > 0 && rng.chance(0.5)) addTie(index, rng.pick(leaders), true);
      const department = byDepartment.get(person.department) ?? list;
      const colleagues = Math.min(list.length - 1, 2 + Math.floor(rng.pareto(1.8) * 2));
      for (let count = 0; count < colleagues; count += 1) addTie(index, rng.pick(rng.chance(0.65) ? department : list), true);
    }
  });

  // Outside ties: partners first, then anywhere; the team and independents reach across the whole network.
  for (const person of profiles) {
    const broad = person.isTeam || person.orgIndex === null;
    for (let count = 0; count < person.externalTies; count += 1) {
      const roll = rng.next();
      let target: number | undefined;
      if (roll < 0.1 && independents.length > 0) target = rng.pick(independents);
      else if (!broad && roll < 0.7 && person.orgIndex !== null) {
        const partnerList = partners[person.orgIndex] ?? [];
        target = partnerList.length > 0 ? visiblePersonAt(rng.pick(partnerList)) : undefined;
      } else target = visiblePersonAt(rng.int(0, companyCount - 1));
      if (target !== undefined && profile(target).orgIndex !== person.orgIndex) addTie(person.index, target, false);
    }
  }

  const ties = [...byKey.values()];
  const neighbors: number[][] = profiles.map(() => []);
  for (const tie of ties) {
    neighbors[tie.a]?.push(tie.b);
    neighbors[tie.b]?.push(tie.a);
  }
  return { ties, neighbors };
}
