// The demo network, generated: organizations, people, ~20k interactions over three years plus the team's
// LinkedIn connections, the edges derived from them and the source records (identities) behind each person. PURE: no database, no clock, no Math.random. The same config gives byte-identical
// output (the unit tests check it), so demos, screenshots and benchmarks are reproducible.
import { SEED_REFERENCE_ISO } from "../reference-date";
import { deriveEdges } from "./derive-edges";
import { deriveIdentities } from "./derive-identities";
import { generateConnections } from "./generate-connections";
import { generateDuplicates, INTERACTIONS_PER_DUPLICATE } from "./generate-duplicates";
import { generateInteractions } from "./generate-interactions";
import { generatePeople } from "./generate-people";
import { generateTies } from "./generate-ties";
import { createRng } from "./prng";
import type { DemoConfig, DemoNetwork } from "./types";

const DAY_MS = 86_400_000;

export const DEFAULT_DEMO_CONFIG: Readonly<DemoConfig> = {
  seed: 20_261_101,
  peopleCount: 2_100,
  duplicateRecords: 12,
  interactionCount: 20_000,
  referenceDate: SEED_REFERENCE_ISO,
  years: 3,
};

/** Midnight UTC `years` calendar years before the reference (leap days included). */
export function demoWindow(config: Pick<DemoConfig, "referenceDate" | "years">): { start: number; end: number; days: number } {
  const end = Date.parse(config.referenceDate);
  const reference = new Date(end);
  const start = Date.UTC(reference.getUTCFullYear() - config.years, reference.getUTCMonth(), reference.getUTCDate());
  return { start, end, days: Math.floor((end - start) / DAY_MS) };
}

export function generateDemoNetwork(overrides: Partial<DemoConfig> = {}): DemoNetwork {
  const config: DemoConfig = { ...DEFAULT_DEMO_CONFIG, ...overrides };
  // One PRNG stream per step, so changing how one step draws numbers does not reshuffle the others.
  const stepRng = (step: number) => createRng((config.seed ^ Math.imul(step, 0x9e3779b1)) >>> 0);
  const window = demoWindow(config);

  const generated = generatePeople(stepRng(1), config.peopleCount);
  const ties = generateTies(stepRng(2), generated, window.days);
  const duplicateInteractions = config.duplicateRecords * INTERACTIONS_PER_DUPLICATE;
  if (duplicateInteractions > config.interactionCount) throw new Error(`The demo network needs at least ${duplicateInteractions} interactions for its ${config.duplicateRecords} duplicate records.`);
  const drawn = generateInteractions(stepRng(3), {
    profiles: generated.profiles,
    ties,
    count: config.interactionCount - duplicateInteractions,
    windowStart: window.start,
    days: window.days,
  });
  const extra = generateDuplicates(stepRng(4), { generated, interactions: drawn, count: config.duplicateRecords, windowStart: window.start, days: window.days });
  const connections = generateConnections(stepRng(5), { generated, ties, windowStart: window.start, days: window.days });
  const people = [...generated.people, ...extra.duplicates.map((duplicate) => duplicate.person)];
  const interactions = [...drawn, ...extra.interactions, ...connections];
  const edges = deriveEdges(people, interactions, new Date(window.end));
  const duplicates = extra.duplicates.map(({ kind, person, originalId }) => ({ kind, personId: person.id, originalId }));
  const identities = deriveIdentities(people, interactions);
  return { config, organizations: generated.organizations, people, duplicates, interactions, identities, edges };
}
