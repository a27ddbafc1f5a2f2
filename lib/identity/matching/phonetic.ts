// American Soundex, used only as a blocking key: names that sound alike ("Smith"/"Smyth", "Jon"/"John")
// land in the same block so a typo in one name does not hide the pair. It is coarse on purpose; the
// comparison that follows decides. Input is a folded name (a–z); other characters are skipped.

const CODES: Readonly<Record<string, string>> = {
  b: "1", f: "1", p: "1", v: "1",
  c: "2", g: "2", j: "2", k: "2", q: "2", s: "2", x: "2", z: "2",
  d: "3", t: "3", l: "4", m: "5", n: "5", r: "6",
};

export function soundex(folded: string): string {
  const letters = folded.replace(/[^a-z]/g, "");
  const head = letters[0];
  if (head === undefined) return "";
  let code = head.toUpperCase();
  let previous = CODES[head] ?? "";
  for (let index = 1; index < letters.length && code.length < 4; index += 1) {
    const letter = letters[index] ?? "";
    const digit = CODES[letter] ?? "";
    if (digit !== "" && digit !== previous) code += digit;
    // "h" and "w" do not separate equal codes; vowels do.
    if (letter !== "h" && letter !== "w") previous = digit;
  }
  return code.padEnd(4, "0");
}
