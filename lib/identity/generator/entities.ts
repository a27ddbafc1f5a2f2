// The true people behind the benchmark records: each with a name, a job history (the last job is the
// current one; a previous job means an old work address and employer still float around in sources),
// a personal address, a mobile number and a LinkedIn profile, any of which may be absent. Identifiers
// are unique per person, as in reality; people who share a *name* are deliberately common (see twins).
import { WeightedSampler, type Rng } from "../../seed/demo/prng";
import { normalizeEmail } from "../normalize/normalize-email";
import type { Company } from "./companies";
import { GIVEN_NAMES, SURNAMES, TITLES, zipfWeights } from "./name-pools";

export interface Job {
  company: Company;
  title: string;
  workEmail: string;
  deskPhone: string | null;
}

export interface Entity {
  id: string;
  first: string;
  last: string;
  middleInitial: string | null;
  /** Oldest first; the last one is current. Empty for people without an employer. */
  jobs: Job[];
  personalEmail: string | null;
  mobile: string | null;
  linkedinSlug: string | null;
}

export interface EntityFactoryOptions {
  jobChangeRate: number;
}

const asciiLetters = (text: string): string => text.normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase().replace(/[^a-z]/g, "");
const US_AREA_CODES = ["212", "415", "646", "312", "617", "206", "512", "303", "404", "213", "310", "718", "202", "305", "702", "503", "612", "215", "469", "408"];
const PERSONAL_PROVIDERS = ["gmail.com", "outlook.com", "hotmail.com", "yahoo.com", "icloud.com", "proton.me", "gmx.de", "aol.com", "fastmail.com"];
const PROVIDER_WEIGHTS = [55, 10, 7, 10, 8, 3, 3, 2, 2];
const HANDLE_WORDS = ["sky", "blue", "river", "wolf", "pixel", "maple", "storm", "lucky", "coffee", "jazz", "ocean", "falcon"];

/** Issues identifiers and guarantees none is given to two people. */
export class EntityFactory {
  private readonly used = new Set<string>();
  private readonly givenSampler = new WeightedSampler(zipfWeights(GIVEN_NAMES.length, 30));
  private readonly surnameSampler = new WeightedSampler(zipfWeights(SURNAMES.length, 60));
  private readonly providerSampler = new WeightedSampler(PROVIDER_WEIGHTS);
  private count = 0;

  constructor(private readonly rng: Rng, private readonly companySampler: WeightedSampler, private readonly companies: readonly Company[], private readonly options: EntityFactoryOptions) {}

  /** Retries until a value is free; uniqueness is on the canonical form (Gmail ignores dots). */
  private unique(candidate: (attempt: number) => string): string {
    for (let attempt = 0; ; attempt += 1) {
      const value = candidate(attempt);
      const key = value.includes("@") ? (normalizeEmail(value) ?? value) : value;
      if (!this.used.has(key)) {
        this.used.add(key);
        return value;
      }
    }
  }

  private workEmail(company: Company, first: string, last: string, middle: string | null): string {
    const f = asciiLetters(first) || "x";
    const l = asciiLetters(last) || "x";
    const base = { "first.last": `${f}.${l}`, flast: `${f[0]}${l}`, first: f, firstl: `${f}${l[0]}` }[company.emailPattern];
    return this.unique((attempt) => {
      if (attempt === 0) return `${base}@${company.domain}`;
      if (attempt === 1 && middle) return `${f}.${middle.toLowerCase()}.${l}@${company.domain}`;
      return `${base}${attempt + 1}@${company.domain}`;
    });
  }

  private phone(): string {
    return this.unique(() => {
      const digits = (count: number) => Array.from({ length: count }, () => this.rng.int(0, 9)).join("");
      const roll = this.rng.next();
      if (roll < 0.85) return `+1${this.rng.pick(US_AREA_CODES)}${this.rng.int(2, 9)}${this.rng.int(2, 9)}${this.rng.int(2, 9)}${digits(4)}`;
      if (roll < 0.9) return `+4479${digits(8)}`;
      if (roll < 0.95) return `+49151${digits(8)}`;
      return `+919${digits(9)}`;
    });
  }

  private personalEmail(first: string, last: string): string {
    const f = asciiLetters(first) || "x";
    const l = asciiLetters(last) || "x";
    const provider = PERSONAL_PROVIDERS[this.providerSampler.draw(this.rng)] ?? "gmail.com";
    const style = this.rng.int(0, 5);
    return this.unique((attempt) => {
      const year = String(this.rng.int(60, 99) + attempt);
      const local = [`${f}.${l}`, `${f}${l}`, `${f}.${l}${year}`, `${f[0]}${l}${year}`, `${f}_${l}`, `${this.rng.pick(HANDLE_WORDS)}${f}${year}`][style] ?? f;
      // Every retry must change the address, or a taken one would loop forever.
      return `${attempt > 0 ? `${local}${attempt + 1}` : local}@${provider}`;
    });
  }

  private linkedinSlug(first: string, last: string): string {
    const f = asciiLetters(first) || "x";
    const l = asciiLetters(last) || "x";
    const style = this.rng.int(0, 3);
    return this.unique((attempt) => {
      const hex = Math.floor(this.rng.next() * 0xffffff).toString(16).padStart(6, "0");
      if (style === 0 && attempt === 0) return `${f}-${l}`;
      if (style === 1 && attempt === 0) return `${f}${l}`;
      if (style === 2) return `${f}-${l}-${hex}`;
      return `${f[0]}${l}${hex.slice(0, 3)}`;
    });
  }

  private job(company: Company, first: string, last: string, middle: string | null): Job {
    return { company, title: this.rng.pick(TITLES), workEmail: this.workEmail(company, first, last, middle), deskPhone: this.rng.chance(0.15) ? this.phone() : null };
  }

  /**
   * A new person. `generic` draws a name from the most common few ("John Smith"); `twinOf` gives the new
   * person the same name and current employer as someone else (a different person all the same).
   */
  create(options: { twinOf?: Entity; generic?: boolean } = {}): Entity {
    const { twinOf, generic = false } = options;
    const rng = this.rng;
    this.count += 1;
    const first = twinOf?.first ?? (generic ? GIVEN_NAMES[rng.int(0, 14)] : GIVEN_NAMES[this.givenSampler.draw(rng)]) ?? "Alex";
    const last = twinOf?.last ?? (generic ? SURNAMES[rng.int(0, 14)] : SURNAMES[this.surnameSampler.draw(rng)]) ?? "Smith";
    const middleInitial = rng.chance(0.3) ? String.fromCharCode(65 + rng.int(0, 25)) : null;
    const jobs: Job[] = [];
    const current = twinOf?.jobs.at(-1)?.company ?? (rng.chance(0.92) ? this.companies[this.companySampler.draw(rng)] : undefined);
    if (current) {
      if (rng.chance(this.options.jobChangeRate)) {
        const previous = this.companies[this.companySampler.draw(rng)];
        if (previous && previous !== current) jobs.push(this.job(previous, first, last, middleInitial));
      }
      jobs.push(this.job(current, first, last, middleInitial));
    }
    return {
      id: `E${String(this.count).padStart(6, "0")}`,
      first,
      last,
      middleInitial,
      jobs,
      personalEmail: rng.chance(0.65) ? this.personalEmail(first, last) : null,
      mobile: rng.chance(0.65) ? this.phone() : null,
      linkedinSlug: rng.chance(0.65) ? this.linkedinSlug(first, last) : null,
    };
  }
}
