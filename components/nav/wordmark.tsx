import Link from "next/link";

/** The WIG wordmark: a three-node path glyph (you → introducer → target) beside the name. */
export function Wordmark() {
  return (
    <Link href="/" className="flex items-center gap-2.5 rounded-md" aria-label="WIG home">
      <span className="flex size-7 items-center justify-center rounded-lg bg-accent-600 text-white shadow-sm">
        <svg viewBox="0 0 24 24" width={16} height={16} fill="none" stroke="currentColor" strokeWidth={2} aria-hidden="true">
          <circle cx="5" cy="17" r="2.25" fill="currentColor" stroke="none" />
          <circle cx="12" cy="7" r="2.25" fill="currentColor" stroke="none" />
          <circle cx="19" cy="17" r="2.25" fill="currentColor" stroke="none" />
          <path d="m6.3 15 4.4-6M13.3 9l4.4 6" strokeLinecap="round" />
        </svg>
      </span>
      <span className="leading-tight">
        <span className="block text-sm font-semibold tracking-tight text-zinc-900">WIG</span>
        <span className="block text-[11px] text-zinc-600">Warm Intro Graph</span>
      </span>
    </Link>
  );
}
