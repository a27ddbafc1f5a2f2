import { strengthPercent } from "./format";

/** Strength in [0, 1] as a bar plus its 0–100 value. The bar is decorative; the number carries the meaning. */
export function StrengthBar({ strength }: { strength: number }) {
  const percent = strengthPercent(strength);
  const colour = percent >= 66 ? "bg-accent-600" : percent >= 33 ? "bg-accent-400" : "bg-zinc-300";
  return (
    <span className="flex items-center gap-2" title={`Strength ${strength.toFixed(2)}`}>
      <span aria-hidden="true" className="h-1.5 w-16 overflow-hidden rounded-full bg-zinc-100">
        <span className={`block h-full rounded-full ${colour}`} style={{ width: `${percent}%` }} />
      </span>
      <span className="w-7 text-right text-xs font-medium tabular-nums text-zinc-700">{percent}</span>
    </span>
  );
}
