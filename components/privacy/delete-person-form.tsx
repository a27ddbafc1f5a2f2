"use client";
// "Delete a person" on the privacy screen, in two steps: find the person by name, email or id (nothing changes),
// then confirm after seeing who it is. The delete is a soft delete, restorable from the same screen.
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { deletePerson, previewPersonDeletion } from "@/app/admin/privacy/actions";
import { buttonClass } from "@/components/ui/button-link";
import { CancelButton, inputClass, lookupInput, OutcomeNote, personName, PersonLookupForm, usePersonField, type Outcome } from "./person-lookup";

interface Candidate {
  id: string;
  names: string[];
  emails: string[];
  title: string | null;
}

const nameOf = (candidate: Candidate) => personName(candidate.names);

export function DeletePersonForm() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const lookup = usePersonField();
  const [reason, setReason] = useState("");
  const [candidate, setCandidate] = useState<Candidate | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // The lookup form (and the button that was pressed) gives way to the confirmation: focus follows it.
  const confirmation = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (candidate) confirmation.current?.focus();
  }, [candidate]);

  const find = (value: string) => {
    startTransition(async () => {
      const result = await previewPersonDeletion(lookupInput(value));
      if (result.ok) {
        setCandidate(result.data);
        setOutcome(null);
      } else {
        setCandidate(null);
        setOutcome({ ok: false, message: result.error.message });
      }
    });
  };

  const confirm = (target: Candidate) => {
    startTransition(async () => {
      const trimmed = reason.trim();
      const result = await deletePerson(trimmed ? { personId: target.id, reason: trimmed } : { personId: target.id });
      setOutcome(result.ok ? { ok: true, message: `${nameOf(target)}: ${result.data.message}` } : { ok: false, message: result.error.message });
      if (result.ok) {
        setCandidate(null);
        lookup.clear();
        setReason("");
        router.refresh();
      }
    });
  };

  return (
    <div className="flex flex-col gap-4 px-5 py-4">
      {candidate ? (
        <div ref={confirmation} tabIndex={-1} role="group" className="flex flex-col gap-3" aria-label="Confirm deletion">
          <p className="text-sm text-zinc-700">
            Delete <span className="font-medium text-zinc-900">{nameOf(candidate)}</span>
            {candidate.title ? <span className="text-zinc-500"> ({candidate.title})</span> : null}? They disappear from search, profiles, paths and the
            graph until restored here.
          </p>
          <p className="font-mono text-xs text-zinc-500">
            {candidate.id}
            {candidate.emails.length > 0 ? ` · ${candidate.emails.join(", ")}` : ""}
          </p>
          <label className="flex flex-col gap-1.5 text-sm font-medium text-zinc-700">
            Reason (optional, kept in the audit log)
            <input name="reason" value={reason} maxLength={2_000} onChange={(event) => setReason(event.target.value)} className={inputClass} />
          </label>
          <div className="flex gap-2">
            <button type="button" onClick={() => confirm(candidate)} disabled={pending} className={`${buttonClass("primary")} disabled:opacity-50`}>
              {pending ? "Deleting…" : `Delete ${nameOf(candidate)}`}
            </button>
            <CancelButton pending={pending} onCancel={() => setCandidate(null)} />
          </div>
        </div>
      ) : (
        <PersonLookupForm ariaLabel="Delete a person" submitLabel="Find person" field={lookup} pending={pending} onFind={find} />
      )}
      <OutcomeNote outcome={outcome} />
    </div>
  );
}
