/** Explains the encodings: what node size and edge weight/colour mean. */
export function GraphLegend() {
  return (
    <div className="rounded-xl border border-zinc-200 bg-white p-4 text-xs text-zinc-600 shadow-sm">
      <h2 className="mb-3 text-sm font-semibold text-zinc-900">Reading the graph</h2>
      <ul className="space-y-2.5">
        <li className="flex items-center gap-3">
          <span aria-hidden="true" className="flex w-10 items-end gap-1">
            <span className="size-2 rounded-full border border-zinc-400 bg-zinc-100" />
            <span className="size-3.5 rounded-full border border-zinc-400 bg-zinc-100" />
          </span>
          Size: mutual connections in view
        </li>
        <li className="flex items-center gap-3">
          <span aria-hidden="true" className="flex w-10 flex-col gap-1">
            <span className="h-px w-full bg-zinc-300" />
            <span className="h-[3px] w-full rounded bg-accent-600" />
          </span>
          Line: weak to strong tie
        </li>
        <li className="flex items-center gap-3">
          <span aria-hidden="true" className="flex w-10">
            <span className="size-3.5 rounded-full border-2 border-indigo-800 bg-accent-600" />
          </span>
          The person at the centre
        </li>
        <li className="flex items-center gap-3">
          <span aria-hidden="true" className="flex w-10">
            <span className="h-[4px] w-full rounded bg-amber-500" />
          </span>
          An intro path, or the selected link
        </li>
      </ul>
      <p className="mt-3 text-zinc-500">Hover a node for details; click it to recentre. Click a line for its factor breakdown. Scroll to zoom, drag to pan. Above 600 people the layout is rings by closeness instead of a force layout.</p>
    </div>
  );
}
