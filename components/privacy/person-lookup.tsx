// Pieces the privacy screen's two-step forms share (delete, erase): find a person by id or email, then act
// on the one found, with one outcome line. Finding changes nothing.
import { buttonClass } from "@/components/ui/button-link";

export interface Outcome {
  ok: boolean;
  message: string;
}

export const inputClass =
  "rounded-md border border-zinc-300 px-3 py-2 text-sm font-normal text-zinc-900 shadow-sm outline-none focus:border-indigo-500 focus:ring-2 focus:ring-indigo-100";

export function personName(names: readonly string[]): string {
  return names.find((name) => name.trim() !== "") ?? "Unnamed person";
}

/** The lookup a server action takes: an email when the value has an @, otherwise a person id. */
export function lookupInput(value: string): { email: string } | { personId: string } {
  return value.includes("@") ? { email: value } : { personId: value };
}

interface PersonLookupFormProps {
  ariaLabel: string;
  submitLabel: string;
  value: string;
  pending: boolean;
  onChange(value: string): void;
  onFind(value: string): void;
}

export function PersonLookupForm({ ariaLabel, submitLabel, value, pending, onChange, onFind }: PersonLookupFormProps) {
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      aria-label={ariaLabel}
      onSubmit={(event) => {
        event.preventDefault();
        if (value.trim() !== "") onFind(value.trim());
      }}
    >
      <label className="flex min-w-72 flex-1 flex-col gap-1.5 text-sm font-medium text-zinc-700">
        Person id or email
        <input name="lookup" value={value} required maxLength={320} onChange={(event) => onChange(event.target.value)} className={inputClass} />
      </label>
      <button type="submit" disabled={pending} className={`${buttonClass("secondary")} disabled:opacity-50`}>
        {pending ? "Finding…" : submitLabel}
      </button>
    </form>
  );
}

export function CancelButton({ pending, onCancel }: { pending: boolean; onCancel(): void }) {
  return (
    <button type="button" onClick={onCancel} disabled={pending} className={buttonClass("ghost")}>
      Cancel
    </button>
  );
}

export function OutcomeNote({ outcome }: { outcome: Outcome | null }) {
  if (!outcome) return null;
  return (
    <p role={outcome.ok ? "status" : "alert"} className={`rounded-md px-3 py-2 text-sm ${outcome.ok ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-700"}`}>
      {outcome.message}
    </p>
  );
}
