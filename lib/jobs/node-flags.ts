// Node flags for the job worker `npm start` spawns, which the import benchmark runs with too.
// - A capped old space makes V8 collect sooner: an import's live heap is small and flat (batches, paged
//   reads), but without a cap V8 let garbage (each batch's statements) reach ~650 MB of RSS.
// - The cap must still hold the largest live heap a job needs. Entity resolution after an import holds
//   every live person in memory: measured 27 Nov 2026 at 80,000 people, ~200 MB live; the worker died of
//   "heap out of memory" at a 192 MB cap, and at 256 MB the resolution took 145 s instead of 66 s (garbage
//   collection thrashing). 1 GB leaves room for several times that population. The full edge recompute
//   keeps its pairs in typed arrays: 90 MB of heap for 913,000 pairs.
// - With these flags `bench:import` (30,000 connections + 100,000 messages) peaked at 323 MB RSS.
export const WORKER_HEAP_FLAGS = ["--max-old-space-size=1024", "--max-semi-space-size=8"] as const;

export function hasHeapCap(execArgv: readonly string[] = process.execArgv, nodeOptions = process.env.NODE_OPTIONS ?? ""): boolean {
  return [...execArgv, ...nodeOptions.split(/\s+/)].some((flag) => flag.startsWith("--max-old-space-size"));
}
