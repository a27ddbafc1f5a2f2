"use client";
// "Propose a merge": any member picks two people they know are the same (search by name or exact email),
// adds an optional note, and the pair lands in the review queue for an admin to approve.
import { useRouter } from "next/navigation";
import { useEffect, useId, useState, useTransition } from "react";
import { proposeMergeAction, searchPeopleToPropose } from "@/app/merges/actions";
import { buttonClass } from "@/components/ui/button-link";
import type { PickablePerson } from "@/lib/merges-ui/people-picker";

const inputClass =
  "w-full rounded-md border border-zinc-300 px-3 py-2 text-sm font-normal text-zinc-900 shadow-sm outline-none focus:border-indigo-500 focus:ring-2 focus:ring-indigo-100";

interface Outcome {
  ok: boolean;
  message: string;
}

function PersonPicker({ label, value, onChange, exclude }: { label: string; value: PickablePerson | null; onChange: (person: PickablePerson | null) => void; exclude: string | null }) {
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<PickablePerson[]>([]);
  const [error, setError] = useState<string | null>(null);
  // The query the results answer: "No one found." only once the search for what is typed has come back.
  const [answered, setAnswered] = useState<string | null>(null);
  const [searching, startSearch] = useTransition();
  const listId = useId();

  useEffect(() => {
    const trimmed = query.trim();
    if (value || trimmed.length < 2) {
      setResults([]);
      return;
    }
    let cancelled = false;
    const timer = setTimeout(() => {
      startSearch(async () => {
        const result = await searchPeopleToPropose({ query: trimmed });
        if (cancelled) return;
        if (result.ok) {
          setResults(result.data.filter((person) => person.id !== exclude));
          setError(null);
          setAnswered(trimmed);
        } else setError(result.error.message);
      });
    }, 250);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [query, value, exclude]);

  if (value) {
    return (
      <div className="flex flex-col gap-1.5 text-sm font-medium text-zinc-700">
        {label}
        <div className="flex items-center justify-between gap-2 rounded-md border border-zinc-200 bg-zinc-50 px-3 py-2" data-testid={`picked-${label.toLowerCase().replace(/\s+/g, "-")}`}>
          <span className="min-w-0">
            <span className="block truncate font-medium text-zinc-900">{value.name}</span>
            {value.subtitle ? <span className="block truncate text-xs font-normal text-zinc-500">{value.subtitle}</span> : null}
          </span>
          <button type="button" onClick={() => onChange(null)} className={buttonClass("ghost")} aria-label={`Change ${label.toLowerCase()}`}>
            Change
          </button>
        </div>
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-1.5">
      <label className="flex flex-col gap-1.5 text-sm font-medium text-zinc-700">
        {label}
        <input
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          placeholder="Name or email"
          autoComplete="off"
          aria-controls={listId}
          className={inputClass}
        />
      </label>
      {error ? (
        <p role="alert" className="text-xs text-red-700">
          {error}
        </p>
      ) : null}
      <ul id={listId} aria-label={`${label}: matches`} className="max-h-56 overflow-y-auto rounded-md border border-zinc-100 empty:hidden">
        {results.map((person) => (
          <li key={person.id}>
            <button type="button" onClick={() => onChange(person)} className="block w-full px-3 py-1.5 text-left text-sm hover:bg-zinc-50">
              <span className="block truncate text-zinc-900">{person.name}</span>
              {person.subtitle ? <span className="block truncate text-xs text-zinc-500">{person.subtitle}</span> : null}
            </button>
          </li>
        ))}
      </ul>
      {searching ? <p className="text-xs text-zinc-500">Searching…</p> : null}
      {!searching && query.trim().length >= 2 && answered === query.trim() && results.length === 0 && !error ? <p className="text-xs text-zinc-500">No one found.</p> : null}
    </div>
  );
}

export function ProposeMergeForm() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [first, setFirst] = useState<PickablePerson | null>(null);
  const [second, setSecond] = useState<PickablePerson | null>(null);
  const [note, setNote] = useState("");
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const submit = () => {
    if (!first || !second) return;
    startTransition(async () => {
      const trimmed = note.trim();
      const result = await proposeMergeAction({ personAId: first.id, personBId: second.id, ...(trimmed ? { note: trimmed } : {}) });
      setOutcome(result.ok ? { ok: true, message: `${first.name} and ${second.name}: ${result.data.message}` } : { ok: false, message: result.error.message });
      if (result.ok) {
        setFirst(null);
        setSecond(null);
        setNote("");
        router.refresh();
      }
    });
  };

  return (
    <form
      className="flex flex-col gap-4 px-5 py-4"
      aria-label="Propose a merge"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      {/* grid-cols-1 (minmax(0, 1fr)), not the implicit auto column, so long names in the results truncate
          instead of widening the column past the card on a phone. */}
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <PersonPicker label="First person" value={first} onChange={setFirst} exclude={second?.id ?? null} />
        <PersonPicker label="Second person" value={second} onChange={setSecond} exclude={first?.id ?? null} />
      </div>
      <label className="flex flex-col gap-1.5 text-sm font-medium text-zinc-700">
        Why they are the same person (optional)
        <input name="note" value={note} maxLength={1_000} onChange={(event) => setNote(event.target.value)} className={inputClass} />
      </label>
      <div>
        <button type="submit" disabled={pending || !first || !second} className={`${buttonClass("primary")} disabled:opacity-50`}>
          {pending ? "Proposing…" : "Propose merge"}
        </button>
      </div>
      {outcome ? (
        <p role={outcome.ok ? "status" : "alert"} className={`rounded-md px-3 py-2 text-sm ${outcome.ok ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-700"}`}>
          {outcome.message}
        </p>
      ) : null}
    </form>
  );
}
