// What a run's interactions touch, counted two ways: by person after folding (readNewInteractions, what the
// recompute uses) and by participant key in one statement (estimateTouchedPairs, what chooses the path).
import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "../db";
import { resetDatabase } from "../testing/reset-database";
import { estimateTouchedPairs, MAX_FULL_PAIR_GROUP, readNewInteractions, type NewInteractionsSelection } from "./new-interactions";
import { sqlRunner } from "../db/sql-runner";

beforeEach(resetDatabase);

const SINCE = new Date("2026-11-01T12:00:00Z");
const email = (index: number) => `person${index}@example.com`;

async function interaction(sourceId: string, participants: string[], options: { sourceName?: string; createdAt?: Date } = {}) {
  await prisma.interaction.create({
    data: {
      sourceName: options.sourceName ?? "gmail",
      sourceId,
      timestamp: new Date("2026-10-20T09:00:00Z"),
      participants,
      channel: "email",
      direction: "one_way",
      createdAt: options.createdAt ?? new Date(SINCE.getTime() + 1_000),
    },
  });
}

/** Both counts, each in its own transaction (they set transaction-local settings). */
async function countBothWays(selection: NewInteractionsSelection) {
  const estimate = await prisma.$transaction((tx) => estimateTouchedPairs(sqlRunner(tx), selection));
  const folded = await prisma.$transaction((tx) => readNewInteractions(sqlRunner(tx), selection));
  return { estimate, folded };
}

describe("estimateTouchedPairs", () => {
  it("counts the pairs the fold finds when every key names one person, large groups by their starter", async () => {
    const groupSize = MAX_FULL_PAIR_GROUP + 10;
    for (let index = 0; index < groupSize; index += 1) await prisma.person.create({ data: { names: [`Person ${index}`], emails: [email(index)] } });
    await interaction("pair-1", [email(0), email(1)]);
    await interaction("pair-1-again", [email(1), email(0)]);
    await interaction("trio", [email(2), email(3), email(4)]);
    await interaction("overlapping-trio", [email(2), email(3), email(5)]);
    await interaction("all-hands", Array.from({ length: groupSize }, (_, index) => email(index)));
    // Not this run's: another source, and this source before the run began.
    await interaction("other-source", [email(6), email(7)], { sourceName: "calendar" });
    await interaction("before", [email(8), email(9)], { createdAt: new Date(SINCE.getTime() - 1_000) });

    const { estimate, folded } = await countBothWays({ since: SINCE, sourceName: "gmail" });
    // {0,1}; {2,3} {2,4} {3,4} {2,5} {3,5}; person 0 with the 59 others of the all-hands ({0,1} already counted).
    expect(estimate).toEqual({ pairs: 1 + 5 + (groupSize - 2), interactions: 5 });
    expect(folded.pairs).toHaveLength(estimate.pairs);
    expect(folded.interactions).toBe(estimate.interactions);
  });

  it("counts high when a person appears under two keys in one thread, and low for an address two people share", async () => {
    await prisma.person.create({ data: { names: ["Two Addresses"], emails: ["work@example.com", "home@example.com"] } });
    await prisma.person.create({ data: { names: ["Friend"], emails: ["friend@example.com"] } });
    await interaction("both-addresses", ["work@example.com", "home@example.com", "friend@example.com"]);
    const { estimate, folded } = await countBothWays({ since: SINCE, sourceName: "gmail" });
    expect(estimate.pairs).toBe(3);
    expect(folded.pairs).toHaveLength(1);

    await resetDatabase();
    await prisma.person.create({ data: { names: ["Ana"], emails: ["team@example.com"] } });
    await prisma.person.create({ data: { names: ["Ben"], emails: ["team@example.com"] } });
    await prisma.person.create({ data: { names: ["Friend"], emails: ["friend@example.com"] } });
    await interaction("shared-address", ["team@example.com", "friend@example.com"]);
    const shared = await countBothWays({ since: SINCE, sourceName: "gmail" });
    expect(shared.estimate.pairs).toBe(1);
    // Ana–Friend, Ben–Friend, and Ana–Ben (both on the same address).
    expect(shared.folded.pairs).toHaveLength(3);
  });
});
