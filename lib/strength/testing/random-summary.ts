// A random PairSummary (seeded), mixing channels, directions, dates (either may be unknown), sources,
// mutual connections, organization and override. Shared by the property tests.
import type { InteractionChannel } from "../../../prisma/generated/enums";
import type { Rng } from "../../seed/demo/prng";
import type { PairSummary, StrengthOverride } from "../pair-summary";
import { STRENGTH_CHANNELS } from "../weights";

export const RANDOM_SUMMARY_AS_OF = new Date("2026-11-01T00:00:00Z");
const AS_OF = RANDOM_SUMMARY_AS_OF;
const DAY_MS = 86_400_000;
const OVERRIDES: ReadonlyArray<StrengthOverride | null> = [null, "knows_well", "barely_knows"];

export function randomSummary(rng: Rng): PairSummary {
  const amount = (): number => (rng.chance(0.3) ? 0 : rng.pareto(1.2) - 1);
  const channels = (): Partial<Record<InteractionChannel, number>> =>
    Object.fromEntries(STRENGTH_CHANNELS.filter(() => rng.chance(0.5)).map((channel) => [channel, amount()]));
  const first = AS_OF.getTime() - rng.next() * 2_000 * DAY_MS;
  const last = first + rng.next() * (AS_OF.getTime() - first);
  return {
    countsByChannel: channels(),
    massByChannel: channels(),
    activeDays: amount() * 5,
    firstSeenAt: rng.chance(0.1) ? null : new Date(first),
    lastSeenAt: rng.chance(0.1) ? null : new Date(last),
    directions: { aToB: amount(), bToA: amount(), mutual: amount() },
    replies: amount(),
    decayed: { mass: amount(), referenceDate: new Date(AS_OF.getTime() - rng.int(-400, 3_000) * DAY_MS), halfLifeDays: rng.pick([30, 90, 180]) },
    sources: rng.sample(["gmail", "calendar", "linkedin", "slack", "phone"], rng.int(0, 4)),
    mutualConnections: rng.chance(0.4) ? 0 : rng.int(1, 80),
    sharedOrganization: rng.chance(0.3),
    override: rng.pick(OVERRIDES),
  };
}

