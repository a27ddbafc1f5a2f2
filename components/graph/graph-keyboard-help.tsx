"use client";
// The graph's keys, listed beside the canvas so they can be found before the canvas has focus (the canvas
// itself shows a short hint while focused and describes the keys to screen readers). The single-key switch is
// the app-wide one the merge review queue shows too.
import { Kbd, ShortcutsToggle, useSingleKeyShortcuts } from "@/components/ui/single-key-shortcuts";

export function GraphKeyboardHelp() {
  const [singleKeys, setSingleKeys] = useSingleKeyShortcuts();
  const keys: Array<[keys: string[], what: string]> = [
    [["Tab"], "Focus the graph (after the filters)"],
    [["←", "↑", "→", "↓"], "Move to the person drawn nearest that way"],
    [["Home"], "Back to the person at the centre"],
    [["Enter"], "Open the person’s card and recentre on them; on a tie, open its factors"],
    [singleKeys ? ["Shift+Enter", "e"] : ["Shift+Enter"], "Step through the person’s ties, strongest first"],
    ...(singleKeys ? [[["Shift+E"], "Previous tie"] as [string[], string]] : []),
    [["Esc"], "From a tie back to the person; from this panel back to the graph"],
  ];
  return (
    <section aria-labelledby="graph-keys-title" className="rounded-xl border border-zinc-200 bg-white p-4 text-xs text-zinc-600 shadow-sm">
      <h2 id="graph-keys-title" className="mb-3 text-sm font-semibold text-zinc-900">
        Keyboard
      </h2>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1.5">
        {keys.map(([combo, what]) => (
          <div key={what} className="contents">
            <dt className="flex flex-wrap content-start items-start gap-0.5">
              {combo.map((key) => (
                <Kbd key={key}>{key}</Kbd>
              ))}
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <div className="mt-3">
        <ShortcutsToggle on={singleKeys} onChange={setSingleKeys} />
      </div>
    </section>
  );
}
