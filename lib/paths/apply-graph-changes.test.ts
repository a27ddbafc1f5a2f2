// A patched snapshot must be indistinguishable from one built from scratch on the changed data.
import { describe, expect, it } from "vitest";
import { applyGraphChanges, type GraphChanges } from "./apply-graph-changes";
import { findIntroPaths } from "./find-intro-paths";
import { buildGraphSnapshot, type GraphSnapshot, type SnapshotEdge, type SnapshotPerson } from "./graph-snapshot";
import { randomGraph } from "./testing/random-graph";

function plain(snapshot: GraphSnapshot): unknown {
  return {
    ids: snapshot.ids,
    organizationOf: snapshot.organizationOf,
    excluded: Array.from(snapshot.excluded),
    out: [snapshot.out.offsets, snapshot.out.targets, snapshot.out.costs, snapshot.out.strengths].map((array) => Array.from(array)),
    in: [snapshot.in.offsets, snapshot.in.targets, snapshot.in.costs, snapshot.in.strengths].map((array) => Array.from(array)),
    members: [...snapshot.membersByOrganization].map(([id, members]) => [id, Array.from(members)]).sort(),
  };
}

/** The data the changes describe, applied naively: what a full rebuild would load. */
function applyToData(people: SnapshotPerson[], edges: SnapshotEdge[], changes: GraphChanges): { people: SnapshotPerson[]; edges: SnapshotEdge[] } {
  const byId = new Map(people.map((person) => [person.id, { ...person }]));
  // Re-admitted people come back without their old edges (the caller re-sends the ones they have).
  const readmitted = new Set<string>();
  for (const person of changes.people ?? []) {
    if (byId.get(person.id)?.excluded === true && person.excluded !== true) readmitted.add(person.id);
    byId.set(person.id, { ...person });
  }
  for (const id of changes.removedPeople ?? []) {
    const person = byId.get(id);
    if (person) person.excluded = true;
  }
  const strongest = new Map<string, SnapshotEdge>();
  const key = (edge: { from: string; to: string }): string => `${edge.from}>${edge.to}`;
  for (const edge of edges) if (edge.strength > (strongest.get(key(edge))?.strength ?? 0)) strongest.set(key(edge), edge);
  for (const [edgeKey, edge] of strongest) if (readmitted.has(edge.from) || readmitted.has(edge.to)) strongest.delete(edgeKey);
  for (const edge of changes.edges ?? []) strongest.set(key(edge), edge);
  for (const edge of changes.removedEdges ?? []) strongest.delete(key(edge));
  return { people: [...byId.values()], edges: [...strongest.values()] };
}

describe("applyGraphChanges", () => {
  it("equals a fresh build after random batches of edge, person and exclusion changes", () => {
    for (let seed = 1; seed <= 60; seed += 1) {
      const graph = randomGraph(seed, { people: 30, edges: 120, organizations: 3, excludedShare: 0.1, tiedStrengths: seed % 2 === 0 });
      let snapshot = buildGraphSnapshot(graph.people, graph.edges);
      let data = { people: graph.people, edges: graph.edges };
      for (let batch = 0; batch < 3; batch += 1) {
        const { rng } = graph;
        const known = data.people.map((person) => person.id);
        const newcomers = Array.from({ length: rng.int(0, 3) }, (_, i) => `s${seed}b${batch}n${i}`);
        const pool = [...known, ...newcomers];
        const changes: GraphChanges = {
          people: [
            ...newcomers.map((id) => ({ id, organizationId: rng.chance(0.5) ? "org1" : null })),
            ...rng.sample(known, 2).map((id) => ({ id, organizationId: rng.pick(["org0", "org2", null]), excluded: data.people.find((p) => p.id === id)?.excluded === true && rng.chance(0.5) ? false : undefined })),
          ],
          removedPeople: rng.sample(known, rng.int(0, 2)),
          edges: Array.from({ length: rng.int(0, 15) }, () => ({ from: rng.pick(pool), to: rng.pick(pool), strength: rng.chance(0.1) ? 0 : rng.next() })),
          removedEdges: rng.sample(data.edges, rng.int(0, 5)).map(({ from, to }) => ({ from, to })),
        };
        snapshot = applyGraphChanges(snapshot, changes);
        data = applyToData(data.people, data.edges, changes);
        const rebuilt = buildGraphSnapshot(data.people, data.edges);
        expect(plain(snapshot), `seed ${seed} batch ${batch}`).toEqual(plain(rebuilt));
      }
    }
  });

  it("makes the next query see a new edge and stop seeing an erased person, without touching the old snapshot", () => {
    const people = ["me", "ann", "dana"].map((id) => ({ id, organizationId: id === "dana" ? "stripe" : null }));
    const before = buildGraphSnapshot(people, [{ from: "me", to: "ann", strength: 0.9 }, { from: "ann", to: "dana", strength: 0.5 }]);
    const withEdge = applyGraphChanges(before, { edges: [{ from: "me", to: "dana", strength: 0.4 }] });
    const query = { from: "me", to: { kind: "person" as const, personId: "dana" } };
    expect(findIntroPaths(withEdge, query).paths.map((path) => path.people.join(">"))).toEqual(["me>ann>dana", "me>dana"]);
    expect(findIntroPaths(before, query).paths).toHaveLength(1);
    const erased = applyGraphChanges(withEdge, { removedPeople: ["ann"] });
    expect(findIntroPaths(erased, query).paths.map((path) => path.people.join(">"))).toEqual(["me>dana"]);
    expect(findIntroPaths(erased, { from: "me", to: { kind: "organization", organizationId: "stripe" } }).paths).toHaveLength(1);
  });
});
