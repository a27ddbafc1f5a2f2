// The graph screen at its largest: a seeded ego network of 2,000 people and 5,000 relationships drawn by
// the real /graph page in headless Chromium. Records the ego query + transfer, Cytoscape's build, the
// fcose layout, the first painted frame, frame times while panning and zooming, and the time the canvas's
// keyboard handler takes per arrow key and per tie step (on the hub, 1,999 ties); attaches them (JSON)
// and a screenshot, and prints one `GRAPH-PERF {...}` line. The assertion is only "it finishes and stays
// interactive" (generous bounds): the figures are for the README, measured on whatever machine runs it.
// It takes minutes on a loaded 2-core machine, so `npm test` leaves it out: `npm run bench:graph` runs it.
import { randomUUID } from "node:crypto";
import { expect, test } from "./fixtures/test";

const NODES = 2_000;
const EDGES = 5_000;

// Skipped unless asked for: a minutes-long measurement, not a check (see the header).
test.skip(process.env.WIG_GRAPH_PERF !== "1", "a measurement, not a check: run it with `npm run bench:graph`");

test("the ego network stays interactive at 2,000 nodes and 5,000 edges", async ({ asMember: page, db, seed }, testInfo) => {
  test.setTimeout(240_000);
  // Deterministic pseudo-random pairs among the neighbours.
  let state = 42;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const ids = Array.from({ length: NODES }, () => randomUUID());
  const [center, ...neighbours] = ids as [string, ...string[]];
  await db.person.createMany({
    data: ids.map((id, index) => ({ id, names: [`${index === 0 ? "Hub" : "Node"} ${index} ${seed.token}`], emails: [`n${index}.${seed.token}@perf.example.com`] })),
  });
  try {
    const pairs = new Set<string>();
    const key = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
    for (const id of neighbours) pairs.add(key(center, id));
    while (pairs.size < EDGES) {
      const a = neighbours[Math.floor(next() * neighbours.length)] as string;
      const b = neighbours[Math.floor(next() * neighbours.length)] as string;
      if (a !== b) pairs.add(key(a, b));
    }
    const rows = [...pairs].flatMap((pair) => {
      const [a, b] = pair.split("|") as [string, string];
      const strength = Math.round((0.05 + next() * 0.9) * 1000) / 1000;
      const common = { strength, sources: ["perf"], channels: ["email"], interactionCount: 1, lastSeenAt: new Date() };
      return [
        { ...common, fromPersonId: a, toPersonId: b },
        { ...common, fromPersonId: b, toPersonId: a },
      ];
    });
    await db.edge.createMany({ data: rows });

    const started = Date.now();
    const egoResponse = page.waitForResponse((response) => response.url().includes("/api/graph/ego?"), { timeout: 60_000 });
    await page.goto(`/graph?person=${center}&limit=${NODES}`);
    const response = await egoResponse;
    const egoMs = Date.now() - started;
    expect(response.status()).toBe(200);
    await expect(page.getByTestId("graph-canvas")).toHaveAttribute("data-ready", "true", { timeout: 180_000 });
    const metrics = await page.evaluate(() => window.__wigGraphMetrics);
    expect(metrics?.nodes).toBe(NODES);
    expect(metrics?.edges).toBe(EDGES);

    // Frame times while zooming in and out and panning, as a user would with the wheel and a drag.
    const frames = await page.evaluate(async () => {
      const cy = window.__wigCy;
      if (!cy) throw new Error("no graph");
      const deltas: number[] = [];
      let last = performance.now();
      const centre = { x: cy.width() / 2, y: cy.height() / 2 };
      for (let i = 0; i < 90; i += 1) {
        if (i < 30) cy.zoom({ level: cy.zoom() * 1.03, renderedPosition: centre });
        else if (i < 60) cy.panBy({ x: 6, y: 3 });
        else cy.zoom({ level: cy.zoom() / 1.03, renderedPosition: centre });
        await new Promise((resolve) => requestAnimationFrame(resolve));
        const now = performance.now();
        deltas.push(now - last);
        last = now;
      }
      deltas.sort((a, b) => a - b);
      const at = (p: number) => Math.round((deltas[Math.min(deltas.length - 1, Math.ceil(p * deltas.length) - 1)] ?? 0) * 10) / 10;
      return { frames: deltas.length, p50Ms: at(0.5), p95Ms: at(0.95), maxMs: Math.round((deltas[deltas.length - 1] ?? 0) * 10) / 10 };
    });

    // The keyboard (components/graph/graph-keyboard.ts) at this size: the handler runs synchronously inside
    // dispatchEvent, so timing the dispatch times the work a key press does (the React announcement follows).
    await page.getByRole("form", { name: "Graph filters" }).getByRole("combobox").last().focus();
    await page.keyboard.press("Tab");
    await expect(page.getByRole("application", { name: /^Network of / })).toBeFocused();
    const keyboard = await page.evaluate(() => {
      const container = document.querySelector<HTMLElement>('[data-testid="graph-canvas"]');
      if (!container) throw new Error("no canvas");
      const press = (key: string, shiftKey = false) => {
        const started = performance.now();
        container.dispatchEvent(new KeyboardEvent("keydown", { key, shiftKey, bubbles: true, cancelable: true }));
        return performance.now() - started;
      };
      const summary = (times: number[]) => {
        const sorted = [...times].sort((a, b) => a - b);
        return { presses: sorted.length, p50Ms: Math.round((sorted[Math.floor(sorted.length / 2)] ?? 0) * 100) / 100, maxMs: Math.round((sorted[sorted.length - 1] ?? 0) * 100) / 100 };
      };
      press("Home");
      const ties = Array.from({ length: 50 }, () => press("Enter", true));
      press("Escape");
      const arrows = ["ArrowRight", "ArrowDown", "ArrowLeft", "ArrowUp"];
      const moves = Array.from({ length: 100 }, (_, index) => press(arrows[index % 4] as string));
      return { arrow: summary(moves), tieStepOnHub: summary(ties) };
    });

    const result = { nodes: NODES, edges: EDGES, egoQueryAndTransferMs: egoMs, ...metrics, panZoomFrame: frames, keyboard };
    console.log(`GRAPH-PERF ${JSON.stringify(result)}`);
    await testInfo.attach("graph-perf.json", { body: JSON.stringify(result, null, 2), contentType: "application/json" });
    const path = testInfo.outputPath("graph-2000.png");
    await page.screenshot({ path });
    await testInfo.attach("graph-2000", { path, contentType: "image/png" });
    // Interactive: a pan/zoom frame well under a second even on a loaded CI machine.
    expect(frames.p50Ms).toBeLessThan(500);
    // A key press is one O(n) scan, or one sort of the hub's ties on the first step: far below a frame.
    expect(keyboard.arrow.p50Ms).toBeLessThan(50);
    expect(keyboard.tieStepOnHub.p50Ms).toBeLessThan(50);
  } finally {
    await db.person.deleteMany({ where: { id: { in: ids } } });
  }
});
