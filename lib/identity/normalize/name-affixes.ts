// Words around a personal name that are not part of it, already folded (lower-case, no accents, no dots).
// Honorifics are stripped only from the start and suffixes only from the end, and never when that would
// leave nothing: "Dr." alone is kept. Some words are left out on purpose because they are also names:
// "Ma" (a surname, not Master of Arts), "Don" (a given name, not the Spanish honorific), "Do" is kept as a
// particle only before a last name.

export const HONORIFICS: ReadonlySet<string> = new Set([
  "mr", "mrs", "ms", "miss", "mx", "dr", "doctor", "prof", "professor", "sir", "dame", "lord", "lady", "rev",
  "revd", "reverend", "fr", "father", "pastor", "rabbi", "imam", "hon", "capt", "captain", "col", "gen",
  "lt", "sgt", "herr", "frau", "fraulein", "mme", "mlle", "monsieur", "madame", "sra", "srta",
  "dott", "dottssa", "ing", "avv", "sig", "sigra", "shri", "smt",
]);

export const SUFFIXES: ReadonlySet<string> = new Set([
  "jr", "junior", "sr", "senior", "ii", "iii", "iv", "phd", "md", "mba", "esq", "dds", "dmd", "dvm", "cpa",
  "cfa", "jd", "llm", "msc", "bsc", "meng", "dphil", "rn", "pmp", "obe", "mbe", "cbe", "kbe", "frs", "facs",
]);

/** Surname particles: "van der Berg", "de la Cruz", "bin Salleh" keep them as part of the last name. */
export const SURNAME_PARTICLES: ReadonlySet<string> = new Set([
  "van", "von", "der", "den", "de", "del", "della", "di", "da", "du", "dos", "das", "do", "le", "la", "st",
  "ter", "ten", "bin", "binti", "al", "el", "ibn", "zu", "af", "av",
]);
