import { describe, expect, it } from "vitest";
import { normalizeRecords, type IdentityRecord } from "../normalize/normalize-record";
import { blockingKeys, forEachCandidatePair } from "./blocking";

const records = (...list: Array<Omit<IdentityRecord, "id">>) => normalizeRecords(list.map((fields, index) => ({ id: `r${index}`, ...fields })));

function candidatePairs(list: ReturnType<typeof records>, maxBlockSize?: number): string[] {
  const pairs: string[] = [];
  forEachCandidatePair(list, (a, b) => pairs.push(`${a}-${b}`), { maxBlockSize });
  return pairs;
}

describe("blockingKeys", () => {
  it("derives identifier and name keys", () => {
    const [jane] = records({ names: ["Jane Doe"], emails: ["jane@acme.com"], phones: ["(415) 555-0123"], linkedin: "jane-doe", organizationName: "Acme" });
    expect(blockingKeys(jane!)).toEqual(expect.arrayContaining([
      "e:jane@acme.com", "p:+14155550123", "l:jane-doe", "ol:acme|doe", "lf:doe|j", "sf:J500|doe", "sw:doe|jane",
    ]));
  });

  it("meets a name written surname first with an initial, a nickname or a typo", () => {
    const shared = (a: string, b: string) => {
      const [x, y] = records({ names: [a] }, { names: [b] });
      // "hs:" keys never pair two named records (see the handle test below).
      return blockingKeys(x!).filter((key) => !key.startsWith("hs:") && blockingKeys(y!).includes(key));
    };
    expect(shared("Lopez C.", "Christopher Lopez")).toEqual(["lf:lopez|c"]);
    expect(shared("Belski Susie", "Susan Belski").length).toBeGreaterThan(0);
    expect(shared("Rivera Petra", "Petra Rievra").length).toBeGreaterThan(0);
  });

  it("meets a typo in the last name that changes its Soundex", () => {
    const [x, y] = records({ names: ["Niamh Haramann"] }, { names: ["Niamh Harkmann"] });
    expect(blockingKeys(x!).filter((key) => key.startsWith("td:") && blockingKeys(y!).includes(key))).toEqual(["td:niamh|harmann"]);
  });
});

describe("forEachCandidatePair: address handles", () => {
  it("pairs a nameless record with the names its address spells, but not two named records by their spellings", () => {
    const list = records(
      { names: ["Jennifer Ramirez"], phones: ["(415) 555-0123"] },
      { emails: ["jenniferr@falconfield.com"] },
      { names: ["Jennifer Rossi"] },
      { emails: ["jramirez90@gmail.com"] },
    );
    expect(candidatePairs(list).sort()).toEqual(["0-1", "0-3", "1-2"]);
  });
});

describe("forEachCandidatePair", () => {
  it("proposes each pair once, however many keys it shares", () => {
    const list = records(
      { names: ["Jane Doe"], emails: ["jane@acme.com"], phones: ["(415) 555-0123"] },
      { names: ["Jane Doe"], emails: ["jane@acme.com"], phones: ["(415) 555-0123"] },
    );
    expect(candidatePairs(list)).toEqual(["0-1"]);
  });

  it("finds nicknames, typos, swaps and initials, and not unrelated people", () => {
    const list = records(
      { names: ["Robert Smith"] }, { names: ["Bob Smith"] }, // nickname: fs key
      { names: ["Katherine Oduya"] }, { names: ["Katherine Oduay"] }, // typo in the last name: fs key
      { names: ["Wei Zhang"] }, { names: ["Zhang Wei"] }, // swapped: sw key
      { names: ["M. Okafor"] }, { names: ["Mary Okafor"] }, // initial: lf key
      { names: ["Alice Walker"] },
    );
    expect(candidatePairs(list).sort()).toEqual(["0-1", "2-3", "4-5", "6-7"]);
  });

  it("skips blocks larger than maxBlockSize and reports them", () => {
    const list = records(...Array.from({ length: 5 }, () => ({ emails: ["ab@acme.com"] })));
    expect(candidatePairs(list)).toHaveLength(10);
    const pairs: string[] = [];
    const stats = forEachCandidatePair(list, (a, b) => pairs.push(`${a}-${b}`), { maxBlockSize: 4 });
    expect(pairs).toEqual([]);
    expect(stats).toMatchObject({ skippedBlocks: 1, candidatePairs: 0 });
  });
});
