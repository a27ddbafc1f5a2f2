// Node flags for processes that run imports (the worker `npm start` spawns, the import benchmark).
// An import's live heap is small and flat (batches of 2,000 records, paged reads), but V8 lets garbage
// (the JSON of each batch's statements) pile up to ~650 MB of RSS before a major collection; a capped old
// space makes it collect sooner at no measurable cost (measured: 547 MB → 269 MB peak RSS, same time).
// 192 MB proved too tight for the final edge recompute of a 30,000-row export, hence 320.
export const IMPORT_HEAP_FLAGS = ["--max-old-space-size=320", "--max-semi-space-size=8"] as const;

export function hasHeapCap(execArgv: readonly string[] = process.execArgv, nodeOptions = process.env.NODE_OPTIONS ?? ""): boolean {
  return [...execArgv, ...nodeOptions.split(/\s+/)].some((flag) => flag.startsWith("--max-old-space-size"));
}
