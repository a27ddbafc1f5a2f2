"use client";
// The member's blocklist screen: block a person (picked by name, or by email or id) or a whole email domain,
// and remove entries.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { blockDomain, blockPerson, unblock } from "@/app/settings/blocklist/actions";
import { buttonClass } from "@/components/ui/button-link";
import { useRowActionStatus } from "@/components/ui/row-action-status";
import { inputClass, lookupProblem, PersonFieldInput, usePersonField } from "./person-lookup";


type Result = { ok: true; data: { message: string } } | { ok: false; error: { message: string } };

function useSubmit() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);
  const submit = (call: () => Promise<Result>, onDone?: () => void) =>
    startTransition(async () => {
      const result = await call();
      setOutcome(result.ok ? { ok: true, message: result.data.message } : { ok: false, message: result.error.message });
      if (result.ok) {
        onDone?.();
        router.refresh();
      }
    });
  return { pending, outcome, submit };
}

function Outcome({ outcome }: { outcome: { ok: boolean; message: string } | null }) {
  if (!outcome) return null;
  return (
    <p role={outcome.ok ? "status" : "alert"} className={`rounded-md px-3 py-2 text-sm ${outcome.ok ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-700"}`}>
      {outcome.message}
    </p>
  );
}

export function BlockForms() {
  const person = usePersonField();
  const [domain, setDomain] = useState("");
  const { pending, outcome, submit } = useSubmit();
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <div className="flex flex-col gap-4 px-5 py-4">
      {/* Picking a suggestion only fills the field: blocking waits for the button. */}
      <form
        aria-label="Block a person"
        className="flex flex-wrap items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          const why = lookupProblem(person.lookup);
          setProblem(why);
          if (!why) submit(() => blockPerson({ lookup: person.lookup }), person.clear);
        }}
      >
        <PersonFieldInput field={person} />
        <button type="submit" disabled={pending} className={`${buttonClass("secondary")} disabled:opacity-50`}>
          Block person
        </button>
        {problem ? (
          <p role="alert" className="basis-full text-xs text-red-700">
            {problem}
          </p>
        ) : null}
      </form>
      <form
        aria-label="Block a domain"
        className="flex flex-wrap items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          submit(() => blockDomain({ domain }), () => setDomain(""));
        }}
      >
        <label className="flex min-w-72 flex-1 flex-col gap-1.5 text-sm font-medium text-zinc-700">
          Email domain
          <input name="domain" value={domain} required maxLength={253} placeholder="example.com" onChange={(event) => setDomain(event.target.value)} className={inputClass} />
        </label>
        <button type="submit" disabled={pending} className={`${buttonClass("secondary")} disabled:opacity-50`}>
          Block domain
        </button>
      </form>
      <Outcome outcome={outcome} />
    </div>
  );
}

/** The entry's row leaves the refreshed list, so success is confirmed above the table (RowActionStatus). */
export function UnblockButton({ entryId, label }: { entryId: string; label: string }) {
  const { pending, outcome, submit } = useSubmit();
  const report = useRowActionStatus();
  const remove = () => {
    report(null);
    submit(
      () => unblock({ entryId }),
      () => report(`Unblocked ${label}.`),
    );
  };
  return (
    <span className="flex flex-col items-end gap-1">
      <button type="button" onClick={remove} disabled={pending} aria-label={`Unblock ${label}`} className={`${buttonClass("secondary")} disabled:opacity-50`}>
        {pending ? "Removing…" : "Unblock"}
      </button>
      {outcome && !outcome.ok ? <Outcome outcome={outcome} /> : null}
    </span>
  );
}
