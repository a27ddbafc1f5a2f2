// The ways real sources garble one person's identifiers, as seeded random transformations. Rates are set
// by NoiseConfig (generate-population.ts); these functions only know how to apply one kind of noise.
import { givenNameVariants } from "../normalize/nicknames";
import { foldText } from "../normalize/fold-text";
import type { Rng } from "../../seed/demo/prng";

const KEYBOARD_NEIGHBOURS = "qwertyuiopasdfghjklzxcvbnm";

/** One random edit: substitution, deletion, insertion or transposition of adjacent letters. */
export function typo(rng: Rng, word: string): string {
  if (word.length < 3) return word;
  const at = rng.int(1, word.length - 2);
  const letter = KEYBOARD_NEIGHBOURS[rng.int(0, KEYBOARD_NEIGHBOURS.length - 1)] ?? "e";
  switch (rng.int(0, 3)) {
    case 0: return word.slice(0, at) + letter + word.slice(at + 1);
    case 1: return word.slice(0, at) + word.slice(at + 1);
    case 2: return word.slice(0, at) + letter + word.slice(at);
    default: return word.slice(0, at) + (word[at + 1] ?? "") + (word[at] ?? "") + word.slice(at + 2);
  }
}

const capitalize = (word: string): string => (word[0] ?? "").toUpperCase() + word.slice(1);

/** Nicknames and variant spellings of a given name, capitalized ("Robert" → ["Bob", "Bobby", …]). */
export function nicknamesOf(given: string): string[] {
  return givenNameVariants(foldText(given)).map(capitalize);
}

/** How sources write a name: "Last, First", all caps, with a title or suffix, or with only an initial. */
export function renderName(rng: Rng, first: string, last: string, middleInitial: string | null, style: NameStyle): string {
  let given = first;
  if (style.initial) given = `${first[0] ?? ""}.`;
  const middle = style.middle && middleInitial ? ` ${middleInitial}.` : "";
  let text: string;
  if (style.swapped) text = `${last} ${given}`;
  else if (style.lastFirst) text = `${last}, ${given}${middle}`;
  else text = `${given}${middle} ${last}`;
  if (style.affix) text = rng.chance(0.5) ? `${rng.pick(["Dr.", "Mr.", "Ms.", "Prof."])} ${text}` : `${text}${rng.pick([", PhD", " Jr.", ", MBA", " III"])}`;
  if (style.stripAccents) text = text.normalize("NFKD").replace(/\p{M}+/gu, "");
  if (style.upper) text = text.toUpperCase();
  else if (style.lower) text = text.toLowerCase();
  return text;
}

export interface NameStyle {
  initial: boolean;
  middle: boolean;
  swapped: boolean;
  lastFirst: boolean;
  affix: boolean;
  stripAccents: boolean;
  upper: boolean;
  lower: boolean;
}

/** Gmail ignores dots and "+tags"; people and tools add them freely. */
export function gmailVariant(rng: Rng, local: string): string {
  const plain = local.replace(/\./g, "");
  switch (rng.int(0, 3)) {
    case 0: return `${plain}+${rng.pick(["news", "work", "crm", "lists", "shop"])}@gmail.com`;
    case 1: {
      const cut = rng.int(1, Math.max(1, plain.length - 1));
      return `${plain.slice(0, cut)}.${plain.slice(cut)}@gmail.com`;
    }
    case 2: return `${local}@googlemail.com`;
    default: return `${local.toUpperCase()}@gmail.com`;
  }
}

/** A US number ("(415) 555-0123") or an international one, in one of the formats people type. */
export function renderPhone(rng: Rng, e164: string): string {
  if (!e164.startsWith("+1")) return rng.chance(0.5) ? e164 : `${e164.slice(0, 3)} ${e164.slice(3, 6)} ${e164.slice(6)}`;
  const area = e164.slice(2, 5);
  const exchange = e164.slice(5, 8);
  const line = e164.slice(8);
  return rng.pick([`(${area}) ${exchange}-${line}`, `${area}-${exchange}-${line}`, `${area}.${exchange}.${line}`, `+1 ${area} ${exchange} ${line}`, e164, `1-${area}-${exchange}-${line}`]);
}

/** A LinkedIn URL in one of its many spellings. */
export function renderLinkedIn(rng: Rng, slug: string): string {
  const shown = rng.chance(0.15) ? slug.replace(/^./, (letter) => letter.toUpperCase()) : slug;
  return rng.pick([
    `https://www.linkedin.com/in/${shown}`, `https://www.linkedin.com/in/${shown}/`, `linkedin.com/in/${shown}`,
    `https://${rng.pick(["uk", "de", "fr", "ca", "in", "br"])}.linkedin.com/in/${shown}`,
    `https://www.linkedin.com/in/${shown}?trk=public_profile_browsemap`, `http://linkedin.com/in/${shown}/`,
  ]);
}

/** How sources write a job title: abbreviated ("Sr.", "VP"), reworded ("Vice President, Sales") or as is. */
export function renderTitle(rng: Rng, title: string): string {
  if (!rng.chance(0.3)) return title;
  const variants = [
    title.replace(/^Senior /, "Sr. "),
    title.replace(/^VP /, "Vice President, "),
    title.replace(/^VP (.*)$/, "VP of $1"),
    title.replace(/^Head of (.*)$/, "$1 Lead"),
    title.replace(/ Manager$/, " Mgr"),
    title.replace(/^(Software|Data|DevOps|Security) Engineer$/, "$1 Engineer II"),
    title.toLowerCase(),
  ].filter((variant) => variant !== title);
  return variants.length > 0 ? rng.pick(variants) : title;
}
