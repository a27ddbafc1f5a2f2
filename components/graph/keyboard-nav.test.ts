import { describe, expect, it } from "vitest";
import { nearestInDirection, stepIndex, toNodePoints } from "./keyboard-nav";

// A plus sign around the origin, with one node off to the upper right.
const points = toNodePoints([
  { id: "centre", x: 0, y: 0 },
  { id: "right", x: 100, y: 0 },
  { id: "left", x: -100, y: 0 },
  { id: "up", x: 0, y: -100 }, // y grows downwards, as on screen
  { id: "down", x: 0, y: 100 },
  { id: "upper-right", x: 60, y: -55 },
]);
const move = (from: string, direction: Parameters<typeof nearestInDirection>[2]) => {
  const index = nearestInDirection(points, points.ids.indexOf(from), direction);
  return index === null ? null : points.ids[index];
};

describe("nearestInDirection", () => {
  it("moves to the node straight ahead in each direction", () => {
    expect(move("centre", "left")).toBe("left");
    expect(move("centre", "up")).toBe("up");
    expect(move("centre", "down")).toBe("down");
  });

  it("prefers a node on the axis to a slightly closer one far to the side", () => {
    // upper-right is closer (≈81) than right (100) but almost as far up as it is right.
    expect(move("centre", "right")).toBe("right");
  });

  it("falls back to a node merely on that side when the cone is empty", () => {
    expect(move("up", "right")).toBe("upper-right");
    expect(move("right", "up")).toBe("upper-right");
  });

  it("answers null when nothing lies that way", () => {
    expect(move("right", "right")).toBeNull();
    expect(move("down", "down")).toBeNull();
  });

  it("scans 2,000 nodes quickly", () => {
    const many = toNodePoints(Array.from({ length: 2000 }, (_, index) => ({ id: String(index), x: Math.cos(index) * index, y: Math.sin(index) * index })));
    const started = performance.now();
    for (let index = 0; index < 200; index++) nearestInDirection(many, index, "right");
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe("stepIndex", () => {
  it("starts at either end and wraps", () => {
    expect(stepIndex(null, 3, 1)).toBe(0);
    expect(stepIndex(null, 3, -1)).toBe(2);
    expect(stepIndex(2, 3, 1)).toBe(0);
    expect(stepIndex(0, 3, -1)).toBe(2);
    expect(stepIndex(null, 0, 1)).toBeNull();
  });
});
