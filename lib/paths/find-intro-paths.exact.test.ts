// Exactness: on many random small graphs the search returns exactly brute force's top-k (same paths,
// same order, same costs), in both search directions, for person and organization targets.
import { describe, expect, it } from "vitest";
import { bruteForceIntroPaths } from "./brute-force-paths";
import { findIntroPaths } from "./find-intro-paths";
import { buildGraphSnapshot } from "./graph-snapshot";
import type { IntroTarget } from "./intro-path.types";
import { randomGraph } from "./testing/random-graph";

// Every search plan must give the same answer: forward or backward, finishing through the terminal table
// or by scanning rows (scan applies to forward searches), and the automatic choice.
const PLANS = [
  { direction: "forward", finishing: "table" },
  { direction: "forward", finishing: "scan" },
  { direction: "backward", finishing: "table" },
  { direction: "auto", finishing: "auto" },
] as const;

describe("findIntroPaths matches brute force", () => {
  it("on 300 random graphs, for person and organization targets, k and hop limits, under every search plan", () => {
    let compared = 0;
    let nonEmpty = 0;
    for (let seed = 1; seed <= 300; seed += 1) {
      const graph = randomGraph(seed, {
        people: 8 + (seed % 23),
        edges: 10 + ((seed * 7) % 70),
        organizations: 1 + (seed % 4),
        excludedShare: seed % 3 === 0 ? 0.15 : 0,
        tiedStrengths: seed % 2 === 0,
      });
      const snapshot = buildGraphSnapshot(graph.people, graph.edges);
      const live = graph.people.filter((person) => person.excluded !== true);
      for (let query = 0; query < 6; query += 1) {
        const from = graph.rng.pick(live).id;
        const target: IntroTarget = graph.rng.chance(0.5)
          ? { kind: "person", personId: graph.rng.pick(live.filter((person) => person.id !== from).length > 0 ? live.filter((person) => person.id !== from) : live).id }
          : { kind: "organization", organizationId: `org${graph.rng.int(0, 3)}` };
        if (target.kind === "person" && target.personId === from) continue;
        const k = graph.rng.pick([1, 2, 5, 20]);
        const maxHops = graph.rng.int(1, 4);
        const expected = bruteForceIntroPaths(graph.people, graph.edges, { from, to: target, k, maxHops }, snapshot.indexOf);
        for (const plan of PLANS) {
          const result = findIntroPaths(snapshot, { from, to: target, k, maxHops, ...plan });
          const actual = result.paths.map((path) => ({ people: path.people, strengths: path.hops.map((hop) => hop.strength), cost: path.cost }));
          expect(actual, `seed ${seed} query ${query} ${JSON.stringify(plan)} ${JSON.stringify({ from, target, k, maxHops })}`).toEqual(expected);
          expect(result.noPath === null).toBe(expected.length > 0);
          compared += 1;
        }
        if (expected.length > 0) nonEmpty += 1;
      }
    }
    // The sample must exercise real searches, not mostly empty ones.
    expect(compared).toBeGreaterThan(6_000);
    expect(nonEmpty).toBeGreaterThan(600);
  });

  it("returns only simple paths within the hop limit that avoid excluded people and stop at the first member", () => {
    for (let seed = 500; seed < 560; seed += 1) {
      const graph = randomGraph(seed, { people: 25, edges: 120, organizations: 3, excludedShare: 0.2, tiedStrengths: false });
      const snapshot = buildGraphSnapshot(graph.people, graph.edges);
      const byId = new Map(graph.people.map((person) => [person.id, person]));
      const live = graph.people.filter((person) => person.excluded !== true);
      for (const organizationId of ["org0", "org1", "org2"]) {
        const from = graph.rng.pick(live).id;
        const maxHops = graph.rng.int(1, 4);
        const { paths } = findIntroPaths(snapshot, { from, to: { kind: "organization", organizationId }, k: 20, maxHops });
        for (const path of paths) {
          expect(new Set(path.people).size).toBe(path.people.length);
          expect(path.hops.length).toBeLessThanOrEqual(maxHops);
          expect(path.people.every((id) => byId.get(id)?.excluded !== true)).toBe(true);
          expect(byId.get(path.people.at(-1) as string)?.organizationId).toBe(organizationId);
          expect(path.people.slice(1, -1).some((id) => byId.get(id)?.organizationId === organizationId)).toBe(false);
          expect(path.score).toBeCloseTo(Math.exp(-path.cost), 12);
        }
        for (let i = 1; i < paths.length; i += 1) expect((paths[i] as (typeof paths)[number]).score).toBeLessThanOrEqual((paths[i - 1] as (typeof paths)[number]).score + 1e-12);
      }
    }
  });
});
