import { initials } from "./format";

const sizes = { sm: "size-7 text-[11px]", md: "size-9 text-xs", lg: "size-14 text-lg" } as const;

/** Initials on a tint derived from the name, so the same person always gets the same colour. */
export function Avatar({ name, size = "md" }: { name: string; size?: keyof typeof sizes }) {
  const palette = ["bg-indigo-100 text-indigo-700", "bg-sky-100 text-sky-700", "bg-emerald-100 text-emerald-700", "bg-amber-100 text-amber-800", "bg-rose-100 text-rose-700", "bg-violet-100 text-violet-700"];
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  const tint = palette[hash % palette.length];
  return (
    <span aria-hidden="true" className={`inline-flex shrink-0 items-center justify-center rounded-full font-semibold ${sizes[size]} ${tint}`}>
      {initials(name)}
    </span>
  );
}
