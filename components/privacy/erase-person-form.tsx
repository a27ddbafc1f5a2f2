"use client";
// "Erase a person" on the privacy screen: find them by name, email or id (nothing changes), see who it is and what
// goes, then type their name or ERASE to confirm. Erasure cannot be undone: the button stays disabled until
// the confirmation matches, and the server checks it again (lib/privacy/erase-person.ts).
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { erasePerson, previewPersonErasure } from "@/app/admin/privacy/actions";
import { buttonClass } from "@/components/ui/button-link";
import { plural } from "@/components/ui/format";
import { CancelButton, inputClass, lookupInput, OutcomeNote, personName, PersonLookupForm, usePersonField, type Outcome } from "./person-lookup";

import type { PersonToErase as Candidate } from "@/lib/privacy/queries";

const nameOf = (candidate: Candidate) => personName(candidate.names);

function confirms(typed: string, candidate: Candidate): boolean {
  const value = typed.trim().toLocaleLowerCase();
  return value === "erase" || candidate.names.some((name) => name.trim() !== "" && name.trim().toLocaleLowerCase() === value);
}

export function ErasePersonForm() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const lookup = usePersonField();
  const [typed, setTyped] = useState("");
  const [candidate, setCandidate] = useState<Candidate | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // The lookup form (and the button that was pressed) gives way to the confirmation: focus follows it.
  const confirmation = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (candidate) confirmation.current?.focus();
  }, [candidate]);

  const find = (value: string) => {
    startTransition(async () => {
      const result = await previewPersonErasure(lookupInput(value));
      setOutcome(result.ok ? null : { ok: false, message: result.error.message });
      setCandidate(result.ok ? result.data : null);
      setTyped("");
    });
  };

  const erase = (target: Candidate) => {
    startTransition(async () => {
      const result = await erasePerson({ personId: target.id, confirm: typed });
      setOutcome(result.ok ? { ok: true, message: result.data.message } : { ok: false, message: result.error.message });
      if (result.ok) {
        setCandidate(null);
        lookup.clear();
        setTyped("");
        router.refresh();
      }
    });
  };

  return (
    <div className="flex flex-col gap-4 px-5 py-4">
      {candidate ? (
        <div ref={confirmation} tabIndex={-1} role="group" className="flex flex-col gap-3" aria-label="Confirm erasure">
          <p className="text-sm text-zinc-700">
            Erase <span className="font-medium text-zinc-900">{nameOf(candidate)}</span>
            {candidate.deleted ? <span className="text-zinc-500"> (soft-deleted)</span> : null}? Their personal data, {plural(candidate.edges, "relationship")}
            {candidate.mergedRecords > 0 ? ` and ${plural(candidate.mergedRecords, "merged record")}` : ""} are removed for good, their identifiers go on the
            suppression list so imports skip them, and only an anonymous tombstone remains. This cannot be undone.
          </p>
          <p className="font-mono text-xs text-zinc-500">
            {candidate.id}
            {candidate.emails.length > 0 ? ` · ${candidate.emails.join(", ")}` : ""}
            {candidate.phones.length > 0 ? ` · ${candidate.phones.join(", ")}` : ""}
          </p>
          <label className="flex flex-col gap-1.5 text-sm font-medium text-zinc-700">
            Type “{nameOf(candidate)}” or ERASE to confirm
            <input name="confirm" value={typed} autoComplete="off" maxLength={500} onChange={(event) => setTyped(event.target.value)} className={inputClass} />
          </label>
          <div className="flex gap-2">
            <button
              type="button"
              onClick={() => erase(candidate)}
              disabled={pending || !confirms(typed, candidate)}
              className={`${buttonClass("primary")} bg-red-600 hover:bg-red-700 disabled:opacity-50`}
            >
              {pending ? "Erasing…" : `Erase ${nameOf(candidate)}`}
            </button>
            <CancelButton pending={pending} onCancel={() => setCandidate(null)} />
          </div>
        </div>
      ) : (
        <PersonLookupForm ariaLabel="Erase a person" submitLabel="Find person to erase" field={lookup} pending={pending} onFind={find} />
      )}
      <OutcomeNote outcome={outcome} />
    </div>
  );
}
