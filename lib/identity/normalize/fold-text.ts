// Unicode folding shared by every text normalizer: compatibility decomposition (NFKD) splits "é" into
// "e" + a combining accent and full-width "Ａ" into "A", then the combining marks are dropped and the
// result lower-cased, so "José", "JOSE" and "Jose" compare equal. A handful of Latin letters are not
// decomposable (ß, ø, ł, æ, …); they get their usual ASCII transliterations.

const TRANSLITERATIONS: Readonly<Record<string, string>> = {
  "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i", "ħ": "h", "ŧ": "t",
};
const NON_DECOMPOSABLE = /[ßæœøłđðþıħŧ]/g;
const COMBINING_MARKS = /\p{M}+/gu;

export function foldText(value: string): string {
  return value
    .normalize("NFKD")
    .replace(COMBINING_MARKS, "")
    .toLowerCase()
    .replace(NON_DECOMPOSABLE, (letter) => TRANSLITERATIONS[letter] ?? letter);
}
