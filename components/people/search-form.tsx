// A plain GET form: works without JavaScript, and the URL (?q=) is shareable. Typeahead comes later.
import { buttonClass } from "@/components/ui/button-link";

export function SearchForm({ defaultValue }: { defaultValue: string }) {
  return (
    <form action="/" method="get" role="search" className="flex gap-2">
      <label htmlFor="people-search" className="sr-only">
        Search people by name or email
      </label>
      <div className="relative flex-1">
        <svg
          aria-hidden="true"
          viewBox="0 0 24 24"
          className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-zinc-400"
          fill="none"
          stroke="currentColor"
          strokeWidth={2}
          strokeLinecap="round"
        >
          <circle cx="11" cy="11" r="7" />
          <path d="m20 20-3.5-3.5" />
        </svg>
        <input
          id="people-search"
          name="q"
          type="search"
          defaultValue={defaultValue}
          placeholder="Name or email address"
          maxLength={200}
          autoComplete="off"
          spellCheck={false}
          className="w-full rounded-md border border-zinc-300 bg-white py-2 pl-9 pr-3 text-sm text-zinc-900 shadow-sm placeholder:text-zinc-500 focus:border-accent-500 focus:outline-none focus:ring-2 focus:ring-accent-500/20"
        />
      </div>
      <button type="submit" className={buttonClass("primary")}>
        Search
      </button>
    </form>
  );
}
