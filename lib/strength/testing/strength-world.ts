// A small world for the recompute tests (recompute and batch-pipeline integration tests): 40 people in 4
// organizations, a few with a second email or a Slack handle, and 400 varied interactions; and how the
// tests read back and compare what a recompute wrote.
import { expect } from "vitest";
import type { InteractionChannel, InteractionDirection } from "../../../prisma/generated/enums";
import { prisma } from "../../db";
import { createRng } from "../../seed/demo/prng";
import { aggregateNumbers, unpackStoredAggregate } from "../stored-aggregate";
import type { TStrengthFactors } from "../strength-factors.schema";
import { strengthFactorsOf } from "./strength-factors-of";

/** The instant the worlds' strengths are computed at. */
export const AS_OF = new Date("2026-11-01T00:00:00Z");
const CHANNELS: InteractionChannel[] = ["email", "meeting", "call", "message", "linkedin", "other"];
const SOURCES = ["gmail", "calendar", "slack", "linkedin"];

export interface World {
  ids: string[];
  pairs: Array<[string, string]>;
}

/** 40 people in 4 organizations, a few with a second email or a Slack handle, and 400 varied interactions. */
export async function seedWorld(seed = 7): Promise<World & { addInteractions: (count: number, tag: string) => Promise<void> }> {
  const rng = createRng(seed);
  const organizations = await Promise.all([0, 1, 2, 3].map((index) => prisma.organization.create({ data: { name: `Org ${index}`, domain: `org${index}.example` } })));
  const ids: string[] = [];
  const keysOf: string[][] = [];
  for (let index = 0; index < 40; index += 1) {
    const emails = [`p${index}@org${index % 4}.example`, ...(index % 7 === 0 ? [`p${index}@home.example`] : [])];
    const person = await prisma.person.create({
      data: {
        names: [`Person ${index}`],
        emails,
        socialHandles: index % 5 === 0 ? { slack: `U${index}` } : undefined,
        organizationId: index % 3 === 0 ? null : organizations[index % 4]?.id,
      },
    });
    ids.push(person.id);
    keysOf.push([...emails, ...(index % 5 === 0 ? [`slack:U${index}`] : [])]);
  }
  const generate = (count: number, tag: string) => Array.from({ length: count }, (_, index) => {
    const size = rng.chance(0.6) ? 2 : rng.int(3, 7);
    const members = new Set<number>();
    const hub = rng.chance(0.3) ? 0 : rng.int(0, 39);
    members.add(hub);
    while (members.size < size) members.add(rng.int(0, 39));
    const participants = [...members].map((member) => rng.pick(keysOf[member] as string[]));
    if (rng.chance(0.05)) participants.push("stranger@nowhere.example");
    // Now and then the same person twice, under two keys.
    if (rng.chance(0.05) && (keysOf[hub]?.length ?? 0) > 1) participants.push((keysOf[hub] as string[])[1] as string);
    const channel = rng.pick(CHANNELS);
    const direction: InteractionDirection | null = channel === "linkedin" ? null : rng.chance(0.5) ? "two_way" : "one_way";
    return {
      sourceName: rng.pick(SOURCES),
      sourceId: `${tag}-${index}`,
      timestamp: new Date(AS_OF.getTime() - rng.int(0, 3 * 365) * 86_400_000 - rng.int(0, 86_399) * 1000),
      participants,
      channel,
      direction,
      metadata: rng.chance(0.1) ? { groupSize: 30 } : undefined,
    };
  });
  await prisma.interaction.createMany({ data: generate(400, "i") });
  const addInteractions = async (count: number, tag: string) => {
    await prisma.interaction.createMany({ data: generate(count, tag) });
  };
  const pairs: Array<[string, string]> = [];
  for (let i = 0; i < ids.length; i += 1) for (let j = i + 1; j < ids.length; j += 1) pairs.push([ids[i] as string, ids[j] as string]);
  return { ids, pairs, addInteractions };
}

/** A run's start as the import pipeline takes it: every interaction created afterwards is at or after it. */
export async function runStart(): Promise<Date> {
  const rows = await prisma.$queryRaw<Array<{ since: Date }>>`SELECT date_trunc('milliseconds', clock_timestamp() AT TIME ZONE 'UTC') + interval '2 milliseconds' AS since`;
  await new Promise((resolve) => setTimeout(resolve, 5));
  return rows[0]?.since as Date;
}

/** The PairAggregate table, numbers rounded past float noise (sums added in another order differ in the last bits). */
export async function storedAggregates(): Promise<Map<string, { fingerprint: string }>> {
  const rows = await prisma.pairAggregate.findMany();
  const round = (values: ArrayLike<number>) => Array.from(values, (value) => Number(value.toPrecision(12)));
  return new Map(
    rows.map((row) => {
      const stored = unpackStoredAggregate(row.data, row.sources, row.through);
      if (!stored) throw new Error(`unreadable stored aggregate ${row.personAId} ${row.personBId}`);
      return [
        `${row.personAId} ${row.personBId}`,
        { fingerprint: row.keysFingerprint, through: row.through.getTime(), numbers: round(aggregateNumbers(stored.aggregate)), sources: [...row.sources].sort(), days: Array.from(stored.days), shares: round(stored.dayShares) },
      ];
    }),
  );
}

export type Stored = Map<string, { strength: number; factors: TStrengthFactors; count: number; sources: string[]; channels: string[] }>;

export async function edges(): Promise<Stored> {
  const rows = await prisma.edge.findMany();
  return new Map(
    rows.map((row) => [
      `${row.fromPersonId}>${row.toPersonId}`,
      { strength: row.strength, factors: strengthFactorsOf(row.strengthFactors), count: row.interactionCount, sources: row.sources, channels: row.channels },
    ]),
  );
}

export function expectSame(left: Stored, right: Stored): void {
  expect([...left.keys()].sort()).toEqual([...right.keys()].sort());
  for (const [key, value] of left) {
    const other = right.get(key);
    expect(other?.strength, key).toBeCloseTo(value.strength, 9);
    expect(other?.factors, key).toEqual(value.factors);
    expect(other?.count, key).toBe(value.count);
    expect(other?.sources, key).toEqual(value.sources);
  }
}
