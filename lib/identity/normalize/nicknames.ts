// Given-name equivalences: nicknames, diminutives and common spelling variants, each group keyed by a
// formal name. Folded (lower-case, no accents). A name can sit in several groups ("alex" is short for
// Alexander and Alexandra, "pat" for Patrick and Patricia), so matching is "do the group sets intersect",
// never "map to one canonical name". Sources: common English hypocorisms, plus the Spanish, Italian,
// German, Dutch, Polish and Russian diminutives that show up in international contact lists.

const GROUPS: Readonly<Record<string, readonly string[]>> = {
  // English
  robert: ["bob", "bobby", "rob", "robbie", "bert"],
  william: ["bill", "billy", "will", "willy", "liam"],
  elizabeth: ["liz", "lizzie", "beth", "betty", "eliza", "libby", "elisabeth"],
  katherine: ["kate", "kathy", "katie", "kat", "catherine", "kathryn", "katharine", "cathy", "kath"],
  james: ["jim", "jimmy", "jamie"],
  john: ["jack", "johnny", "jon"],
  jonathan: ["jon", "jonny"],
  michael: ["mike", "mikey", "mick", "mickey"],
  richard: ["rick", "ricky", "rich", "richie", "dick"],
  thomas: ["tom", "tommy"],
  christopher: ["chris", "topher", "kit"],
  christine: ["chris", "tina", "chrissy", "christina", "kristina", "kristine"],
  joseph: ["joe", "joey"],
  daniel: ["dan", "danny"],
  david: ["dave", "davey"],
  matthew: ["matt", "matty"],
  andrew: ["andy", "drew"],
  anthony: ["tony", "antony"],
  nicholas: ["nick", "nicky", "nicolas"],
  alexander: ["alex", "sasha", "xander", "alexandr", "aleksandr", "aleksander", "olek", "shura"],
  alexandra: ["alex", "sasha", "lexi", "sandra"],
  benjamin: ["ben", "benny", "benji"],
  samuel: ["sam", "sammy"],
  samantha: ["sam", "sammy"],
  edward: ["ed", "eddie", "ted", "ned"],
  charles: ["charlie", "chuck", "chas"],
  margaret: ["maggie", "meg", "peggy", "marge", "greta"],
  jennifer: ["jen", "jenny"],
  jessica: ["jess", "jessie"],
  rebecca: ["becky", "becca"],
  patricia: ["pat", "patty", "trish", "tricia"],
  patrick: ["pat", "paddy"],
  susan: ["sue", "suzy", "susie"],
  deborah: ["deb", "debbie", "debra"],
  victoria: ["vicky", "tori"],
  abigail: ["abby", "abbie"],
  steven: ["steve", "stephen", "stevie"],
  timothy: ["tim", "timmy"],
  gregory: ["greg"],
  jeffrey: ["jeff", "geoffrey"],
  kenneth: ["ken", "kenny"],
  ronald: ["ron", "ronnie"],
  donald: ["don", "donnie"],
  lawrence: ["larry", "laurence"],
  gerald: ["gerry", "jerry"],
  peter: ["pete"],
  frederick: ["fred", "freddie", "friedrich", "fritz"],
  henry: ["harry", "hank"],
  albert: ["al", "bert"],
  zachary: ["zach", "zack"],
  jacob: ["jake"],
  joshua: ["josh"],
  nathaniel: ["nate", "nat", "nathan"],
  theodore: ["theo", "ted", "teddy"],
  eleanor: ["ellie", "nora", "elle"],
  isabella: ["izzy", "bella", "isabel", "isabela"],
  olivia: ["liv", "livvy"],
  sarah: ["sally", "sadie", "sara"],
  megan: ["meg"],
  amanda: ["mandy"],
  cynthia: ["cindy"],
  kimberly: ["kim"],
  pamela: ["pam"],
  judith: ["judy"],
  barbara: ["barb", "babs"],
  natalie: ["nat"],
  // Spanish and Portuguese
  jose: ["pepe", "chepe"],
  francisco: ["paco", "pancho", "fran", "cisco"],
  ignacio: ["nacho"],
  guadalupe: ["lupe"],
  jesus: ["chuy"],
  alejandro: ["ale", "alex"],
  enrique: ["kike"],
  eduardo: ["lalo", "edu"],
  roberto: ["beto"],
  guillermo: ["memo"],
  manuel: ["manolo", "manu"],
  dolores: ["lola"],
  concepcion: ["concha", "conchita"],
  rosario: ["charo"],
  mercedes: ["merche"],
  // Italian
  giovanni: ["gianni", "nanni"],
  giuseppe: ["beppe", "peppe", "pino"],
  francesco: ["franco", "cesco"],
  salvatore: ["toto", "salvo"],
  antonio: ["toni", "tonio", "tony"],
  // German and Dutch
  johannes: ["hans", "jan", "johann"],
  josef: ["sepp", "joseph"],
  wilhelm: ["willi", "willem", "wim"],
  katharina: ["kathi", "katja", "katarina"],
  // Polish
  katarzyna: ["kasia"],
  malgorzata: ["gosia"],
  wojciech: ["wojtek"],
  // Russian
  mikhail: ["misha"],
  dmitry: ["dima", "dmitri"],
  nikolai: ["kolya"],
  ivan: ["vanya"],
  ekaterina: ["katya", "yekaterina"],
  elena: ["lena", "yelena"],
  anastasia: ["nastya"],
  tatiana: ["tanya"],
  natalia: ["natasha"],
  maria: ["masha"],
  vladimir: ["vova", "volodya"],
};

const INDEX: ReadonlyMap<string, readonly string[]> = (() => {
  const index = new Map<string, string[]>();
  const add = (name: string, group: string) => {
    const groups = index.get(name) ?? [];
    if (!groups.includes(group)) groups.push(group);
    index.set(name, groups);
  };
  for (const [formal, variants] of Object.entries(GROUPS)) {
    add(formal, formal);
    for (const variant of variants) add(variant, formal);
  }
  return index;
})();

/** Every (nickname, formal name) pair in the table, for documentation and tests. */
export function nicknamePairs(): Array<[string, string]> {
  return Object.entries(GROUPS).flatMap(([formal, variants]) => variants.map((variant): [string, string] => [variant, formal]));
}

/** Nicknames and variant spellings of a folded formal name ("robert" → ["bob", "bobby", …]). */
export function givenNameVariants(formal: string): readonly string[] {
  return GROUPS[formal] ?? [];
}

/** The groups a folded given name belongs to; a name outside the table is its own group. */
export function givenNameGroups(folded: string): readonly string[] {
  return INDEX.get(folded) ?? [folded];
}

/** True when two folded given names can denote the same person by the table (or are equal). */
export function givenNamesEquivalent(a: string, b: string): boolean {
  if (a === b) return true;
  const groupsA = givenNameGroups(a);
  return givenNameGroups(b).some((group) => groupsA.includes(group));
}
