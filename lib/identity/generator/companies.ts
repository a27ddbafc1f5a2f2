// Synthetic companies for the benchmark population: a name with a legal form that sources spell
// differently, a domain, an email address pattern and a headcount weight (Pareto, so a few
// employers are large and most small, as in any contact network).
import type { Rng } from "../../seed/demo/prng";

export type EmailPattern = "first.last" | "flast" | "first" | "firstl";

export interface Company {
  name: string;
  domain: string;
  legalForm: string;
  emailPattern: EmailPattern;
  weight: number;
}

const WORDS = ["Bright", "Cobalt", "Meridian", "Tall", "Orchard", "Halcyon", "Vantage", "Sky", "Pine", "Lumen", "Tide",
  "Copper", "North", "Iron", "Sol", "Red", "Blue", "Silver", "Quantum", "Nimbus", "Atlas", "Aurora", "Summit", "Harbor",
  "Granite", "Cedar", "Falcon", "Beacon", "Crimson", "Echo", "Nova", "Prism", "Vertex", "Zephyr", "Onyx", "Sage", "Ember",
  "Fjord", "Helix", "Juniper", "Kestrel", "Lattice", "Mosaic", "Obsidian", "Polar", "Quarry", "Ridge", "Sierra", "Tundra"];
const SECOND = ["lane", "line", "forge", "crest", "grass", "wave", "field", "stone", "gate", "works", "bridge", "point",
  "path", "leaf", "peak", "port", "wind", "light", "scale", "stack", "shift", "loop", "spring", "river"];
const SECTORS = ["Payments", "Security", "Health", "Logistics", "Commerce", "Robotics", "Analytics", "Labs", "Systems",
  "Software", "Capital", "Energy", "Networks", "Media", "Bio", "Cloud", "AI", "Partners", "Data", "Insurance"];
const LEGAL_FORMS = ["Inc.", "Inc", "LLC", "Ltd", "GmbH", "AG", "S.A.", "SAS", "BV", "Pty Ltd", "Corp.", "Co.", ""];
const TLDS = [".com", ".com", ".com", ".io", ".co", ".ai", ".co.uk", ".de"];
const PATTERNS: readonly EmailPattern[] = ["first.last", "first.last", "first.last", "flast", "first", "firstl"];

export function generateCompanies(rng: Rng, count: number): Company[] {
  const companies: Company[] = [];
  const usedDomains = new Set<string>();
  while (companies.length < count) {
    const stem = rng.pick(WORDS) + rng.pick(SECOND);
    const sector = rng.pick(SECTORS);
    let domain = (rng.chance(0.5) ? stem : stem + sector).toLowerCase() + rng.pick(TLDS);
    if (usedDomains.has(domain)) domain = `${stem.toLowerCase()}${companies.length}${rng.pick(TLDS)}`;
    usedDomains.add(domain);
    companies.push({
      name: `${stem} ${sector}`,
      domain,
      legalForm: rng.pick(LEGAL_FORMS),
      emailPattern: rng.pick(PATTERNS),
      // Capped so no single employer holds more than a few percent of a network.
      weight: Math.min(30, rng.pareto(1.5)),
    });
  }
  return companies;
}

/** How a source spells the company: with or without its legal form, sometimes upper-cased. */
export function companyDisplayName(rng: Rng, company: Company): string {
  const base = rng.chance(0.1) ? company.name.toUpperCase() : company.name;
  if (!company.legalForm || rng.chance(0.4)) return base;
  return rng.chance(0.5) ? `${base}, ${company.legalForm}` : `${base} ${company.legalForm}`;
}
