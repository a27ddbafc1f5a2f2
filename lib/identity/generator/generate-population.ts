// A deterministic, labelled population of person records for the entity-resolution benchmark and tests:
// the same seed and options give the same records on every machine (mulberry32, never Math.random).
// People get 1–7 records (mean ≈ 2.5) from sources able to hold them (no LinkedIn row without a profile,
// no Slack user without an employer), with the noise of NoiseConfig. Each record carries its true
// entity id, so pairwise precision and recall can be computed (evaluate.ts).
import { createRng, WeightedSampler } from "../../seed/demo/prng";
import type { IdentityRecord } from "../normalize/normalize-record";
import { generateCompanies } from "./companies";
import { EntityFactory, type Entity } from "./entities";
import { buildRecord, DEFAULT_NOISE, SOURCE_KINDS, SOURCE_WEIGHTS, type NoiseConfig, type SourceKind } from "./sources";

export interface GeneratedRecord extends IdentityRecord {
  /** The true person behind the record. */
  entityId: string;
  source: SourceKind;
}

export interface PopulationOptions {
  /** Number of records (not people). */
  records: number;
  seed?: number;
  noise?: Partial<NoiseConfig>;
}

export interface Population {
  records: GeneratedRecord[];
  entityCount: number;
}

// P(k records per person), k = 1..7: mean ≈ 2.47, a long-ish tail for people present everywhere.
const RECORDS_PER_ENTITY = [0.3, 0.3, 0.2, 0.1, 0.05, 0.03, 0.02];

function canHold(entity: Entity, source: SourceKind): boolean {
  const hasJob = entity.jobs.length > 0;
  switch (source) {
    case "linkedin": return entity.linkedinSlug !== null;
    case "slack": return hasJob;
    case "phone": return entity.mobile !== null || entity.jobs.some((job) => job.deskPhone !== null);
    case "contacts":
    case "calendar": return hasJob || entity.personalEmail !== null;
    case "crm": return true;
  }
}

export function generatePopulation(options: PopulationOptions): Population {
  const rng = createRng(options.seed ?? 1);
  const noise: NoiseConfig = { ...DEFAULT_NOISE, ...options.noise };
  // About one employer per 12 people: large enough that colleagues with one surname are common.
  const companies = generateCompanies(rng, Math.max(10, Math.round(options.records / 30)));
  const companySampler = new WeightedSampler(companies.map((company) => company.weight));
  const factory = new EntityFactory(rng, companySampler, companies, { jobChangeRate: noise.jobChange });
  const sourceSampler = new WeightedSampler(SOURCE_WEIGHTS);
  const countSampler = new WeightedSampler(RECORDS_PER_ENTITY);
  const records: GeneratedRecord[] = [];
  let entityCount = 0;
  let pendingTwin: Entity | undefined;

  while (records.length < options.records) {
    // A twin pair: someone with a generic name, then a different person with the same name and employer.
    const startsTwinPair = !pendingTwin && rng.chance(noise.twin);
    const entity = factory.create({ twinOf: pendingTwin, generic: startsTwinPair });
    pendingTwin = startsTwinPair && entity.jobs.length > 0 ? entity : undefined;
    entityCount += 1;
    const wanted = countSampler.draw(rng) + 1;
    for (let made = 0; made < wanted && records.length < options.records; ) {
      const source = SOURCE_KINDS[sourceSampler.draw(rng)] ?? "crm";
      if (!canHold(entity, source)) continue;
      records.push(buildRecord(rng, entity, source, noise, "") as GeneratedRecord);
      made += 1;
    }
  }
  // Shuffle so that nothing downstream can profit from a person's records being adjacent, then number.
  const order = rng.sample(records, records.length);
  order.forEach((record, index) => {
    record.id = `R${String(index + 1).padStart(6, "0")}`;
  });
  // Hand records over as rows loaded from a database would be: plain data with flat strings. Built-up
  // strings (concatenations) would make every hash lookup downstream flatten them again and distort the
  // timing of resolution.
  return { records: JSON.parse(JSON.stringify(order)) as GeneratedRecord[], entityCount };
}
