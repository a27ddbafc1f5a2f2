import { describe, expect, it } from "vitest";
import { isAppError } from "../errors/app-error";
import { findIntroPaths } from "./find-intro-paths";
import { TARGET_IS_SOURCE } from "./intro-path.types";
import { buildGraphSnapshot, type SnapshotEdge, type SnapshotPerson } from "./graph-snapshot";
import { PathParamsError } from "./params";

//   me ─0.9→ ann ─0.8→ dana(stripe)      ann ─0.99→ erin(stripe, erased)
//   me ─0.6→ bob ─0.95→ dana             bob ─0.7→ fay(stripe)
//   ann ─0.5→ carl ─0.9→ dana            carl ─0.3→ gus(acme) ─0.9→ hal(acme)
const people: SnapshotPerson[] = [
  { id: "me", organizationId: "team" },
  { id: "ann", organizationId: null },
  { id: "bob", organizationId: null },
  { id: "carl", organizationId: null },
  { id: "dana", organizationId: "stripe" },
  { id: "erin", organizationId: "stripe", excluded: true },
  { id: "fay", organizationId: "stripe" },
  { id: "gus", organizationId: "acme" },
  { id: "hal", organizationId: "acme" },
];
const edge = (from: string, to: string, strength: number): SnapshotEdge => ({ from, to, strength });
const edges = [
  edge("me", "ann", 0.9), edge("me", "bob", 0.6), edge("ann", "dana", 0.8), edge("bob", "dana", 0.95), edge("ann", "carl", 0.5),
  edge("carl", "dana", 0.9), edge("ann", "erin", 0.99), edge("bob", "fay", 0.7), edge("carl", "gus", 0.3), edge("gus", "hal", 0.9),
];
const snapshot = buildGraphSnapshot(people, edges);
const toPerson = (personId: string) => ({ kind: "person" as const, personId });
const toOrganization = (organizationId: string) => ({ kind: "organization" as const, organizationId });

describe("findIntroPaths", () => {
  it("ranks paths to a person by the product of strengths and names the weakest link", () => {
    const result = findIntroPaths(snapshot, { from: "me", to: toPerson("dana") });
    expect(result).toMatchObject({ k: 5, maxHops: 3, noPath: null });
    expect(result.paths.map((path) => path.people.join(">"))).toEqual(["me>ann>dana", "me>bob>dana", "me>ann>carl>dana"]);
    expect(result.paths.map((path) => path.score)).toEqual([0.9 * 0.8, 0.6 * 0.95, 0.9 * 0.5 * 0.9]);
    expect(result.paths[0]?.hops).toEqual([{ from: "me", to: "ann", strength: 0.9 }, { from: "ann", to: "dana", strength: 0.8 }]);
    expect(result.paths[1]?.weakestLink).toEqual({ from: "me", to: "bob", strength: 0.6, index: 0 });
    expect(result.paths[2]?.weakestLink).toMatchObject({ from: "ann", to: "carl", index: 1 });
  });

  it("respects k and the hop limit, and returns every path when k exceeds their number", () => {
    expect(findIntroPaths(snapshot, { from: "me", to: toPerson("dana"), k: 1 }).paths).toHaveLength(1);
    expect(findIntroPaths(snapshot, { from: "me", to: toPerson("dana"), maxHops: 2 }).paths.map((path) => path.people.length)).toEqual([3, 3]);
    expect(findIntroPaths(snapshot, { from: "me", to: toPerson("dana"), k: 20, maxHops: 4 }).paths).toHaveLength(3);
    expect(findIntroPaths(snapshot, { from: "me", to: toPerson("ann"), maxHops: 1 }).paths[0]?.people).toEqual(["me", "ann"]);
  });

  it("reaches any current member of an organization, never an excluded one", () => {
    const result = findIntroPaths(snapshot, { from: "me", to: toOrganization("stripe") });
    expect(result.paths.map((path) => path.people.join(">"))).toEqual(["me>ann>dana", "me>bob>dana", "me>bob>fay", "me>ann>carl>dana"]);
    expect(result.paths.flatMap((path) => path.people)).not.toContain("erin");
  });

  it("explains a missing path: how far the target is and the nearest people there", () => {
    const person = findIntroPaths(snapshot, { from: "me", to: toPerson("dana"), maxHops: 1 });
    expect(person.paths).toEqual([]);
    expect(person.noPath).toEqual({
      reason: "no-path-within-hop-limit",
      targetHopsFromSource: 2,
      nearest: [
        { personId: "bob", hopsFromSource: 1, strengthToTarget: 0.95 },
        { personId: "ann", hopsFromSource: 1, strengthToTarget: 0.8 },
        { personId: "carl", hopsFromSource: 2, strengthToTarget: 0.9 },
      ],
    });
    const organization = findIntroPaths(snapshot, { from: "me", to: toOrganization("acme"), maxHops: 2 });
    expect(organization.noPath).toEqual({
      reason: "no-path-within-hop-limit",
      targetHopsFromSource: 3,
      nearest: [{ personId: "gus", hopsFromSource: 3, strengthToTarget: null }, { personId: "hal", hopsFromSource: 4, strengthToTarget: null }],
    });
    expect(findIntroPaths(snapshot, { from: "dana", to: toPerson("me") }).noPath).toMatchObject({ targetHopsFromSource: null, nearest: [] });
    expect(findIntroPaths(snapshot, { from: "me", to: toOrganization("nobody") }).noPath?.reason).toBe("organization-has-no-members");
  });

  it("rejects absurd parameters with a 400 that lists the allowed ranges", () => {
    for (const bad of [{ k: 10_000 }, { k: 0 }, { k: 2.5 }, { maxHops: 10 }, { maxHops: 0 }]) {
      let error: unknown;
      try {
        findIntroPaths(snapshot, { from: "me", to: toPerson("dana"), ...bad });
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(PathParamsError);
      expect((error as PathParamsError).status).toBe(400);
      expect((error as PathParamsError).allowed).toEqual({ k: [1, 20], maxHops: [1, 4] });
      expect(Object.keys((error as PathParamsError).fields ?? {})).toEqual(Object.keys(bad));
    }
  });

  it("treats unknown, excluded or identical endpoints as typed errors", () => {
    const errorOf = (run: () => unknown): unknown => {
      try {
        run();
      } catch (error) {
        return error;
      }
      return null;
    };
    for (const [from, to, status] of [["me", "erin", 404], ["me", "zed", 404], ["erin", "dana", 404], ["me", "me", 400]] as const) {
      const error = errorOf(() => findIntroPaths(snapshot, { from, to: toPerson(to) }));
      expect(isAppError(error) && error.status).toBe(status);
    }
    // The screen recognises "the target is you" by its field message and words it as guidance.
    const self = errorOf(() => findIntroPaths(snapshot, { from: "me", to: toPerson("me") }));
    expect(isAppError(self) && self.fields).toEqual({ to: [TARGET_IS_SOURCE] });
  });
});
