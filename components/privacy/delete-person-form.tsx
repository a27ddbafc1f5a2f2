"use client";
// "Delete a person" on the privacy screen, in two steps: find the person by id or email (nothing changes),
// then confirm after seeing who it is. The delete is a soft delete, restorable from the same screen.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { deletePerson, previewPersonDeletion } from "@/app/admin/privacy/actions";
import { buttonClass } from "@/components/ui/button-link";

interface Candidate {
  id: string;
  names: string[];
  emails: string[];
  title: string | null;
}

interface Outcome {
  ok: boolean;
  message: string;
}

const inputClass =
  "rounded-md border border-zinc-300 px-3 py-2 text-sm font-normal text-zinc-900 shadow-sm outline-none focus:border-indigo-500 focus:ring-2 focus:ring-indigo-100";

function nameOf(candidate: Candidate): string {
  return candidate.names.find((name) => name.trim() !== "") ?? "Unnamed person";
}

export function DeletePersonForm() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [lookup, setLookup] = useState("");
  const [reason, setReason] = useState("");
  const [candidate, setCandidate] = useState<Candidate | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const find = () => {
    const value = lookup.trim();
    if (value === "") return;
    startTransition(async () => {
      const result = await previewPersonDeletion(value.includes("@") ? { email: value } : { personId: value });
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
        setLookup("");
        setReason("");
        router.refresh();
      }
    });
  };

  return (
    <div className="flex flex-col gap-4 px-5 py-4">
      {candidate ? (
        <div className="flex flex-col gap-3" aria-label="Confirm deletion">
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
            <button type="button" onClick={() => setCandidate(null)} disabled={pending} className={buttonClass("ghost")}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <form
          className="flex flex-wrap items-end gap-2"
          aria-label="Delete a person"
          onSubmit={(event) => {
            event.preventDefault();
            find();
          }}
        >
          <label className="flex min-w-72 flex-1 flex-col gap-1.5 text-sm font-medium text-zinc-700">
            Person id or email
            <input name="lookup" value={lookup} required maxLength={320} onChange={(event) => setLookup(event.target.value)} className={inputClass} />
          </label>
          <button type="submit" disabled={pending} className={`${buttonClass("secondary")} disabled:opacity-50`}>
            {pending ? "Finding…" : "Find person"}
          </button>
        </form>
      )}
      {outcome ? (
        <p role={outcome.ok ? "status" : "alert"} className={`rounded-md px-3 py-2 text-sm ${outcome.ok ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-700"}`}>
          {outcome.message}
        </p>
      ) : null}
    </div>
  );
}
