"use client";
// Pieces the privacy screen's two-step forms share (delete, erase), and the blocklist's person field: find a
// person by name (picked from suggestions), email or id, then act on the one found, with one outcome line.
// Finding changes nothing.
import { useState } from "react";
import { TypeaheadCombobox } from "@/components/search/typeahead-combobox";
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Why a typed value cannot name one person (a name must be picked from the suggestions), or null. */
export function lookupProblem(value: string): string | null {
  const typed = value.trim();
  if (typed.includes("@") || UUID.test(typed)) return null;
  return `“${typed}” is not an email address or a person id: type part of their name and pick them from the suggestions, or enter their email or id.`;
}

export const PERSON_FIELD_LABEL = "Person (name, email or id)";

/**
 * A person field: its text, and the person picked from the suggestions while the text still shows their
 * name. `lookup` is what to send: the picked person's id, or the typed email or id.
 */
export function usePersonField() {
  const [text, setText] = useState("");
  const [picked, setPicked] = useState<{ id: string; name: string } | null>(null);
  const lookup = picked && picked.name === text ? picked.id : text.trim();
  return {
    text,
    lookup,
    setText,
    pick: (person: { id: string; name: string }) => setPicked(person),
    clear: () => {
      setText("");
      setPicked(null);
    },
  };
}

export type PersonField = ReturnType<typeof usePersonField>;

/** The field itself: suggestions of people by name as one types; an email or id is taken as typed. */
export function PersonFieldInput({ field, onPick }: { field: PersonField; onPick?(personId: string): void }) {
  return (
    <div className="min-w-72 flex-1">
      <TypeaheadCombobox
        kinds="people"
        label={PERSON_FIELD_LABEL}
        labelClassName="mb-1.5 block text-sm font-medium text-zinc-700"
        inputClassName={`${inputClass} w-full`}
        name="lookup"
        required
        maxLength={320}
        value={field.text}
        onValueChange={field.setText}
        onPick={(hit) => {
          field.pick(hit);
          onPick?.(hit.id);
        }}
      />
    </div>
  );
}

interface PersonLookupFormProps {
  ariaLabel: string;
  submitLabel: string;
  field: PersonField;
  pending: boolean;
  /** With a person id or an email address. */
  onFind(lookup: string): void;
}

/** Finding changes nothing, so picking a suggestion finds at once. */
export function PersonLookupForm({ ariaLabel, submitLabel, field, pending, onFind }: PersonLookupFormProps) {
  const [problem, setProblem] = useState<string | null>(null);
  const find = (lookup: string) => {
    const why = lookupProblem(lookup);
    setProblem(why);
    if (!why) onFind(lookup);
  };
  return (
    <form
      className="flex flex-col gap-2"
      aria-label={ariaLabel}
      onSubmit={(event) => {
        event.preventDefault();
        if (field.lookup !== "") find(field.lookup);
      }}
    >
      <div className="flex flex-wrap items-end gap-2">
        <PersonFieldInput field={field} onPick={find} />
        <button type="submit" disabled={pending} className={`${buttonClass("secondary")} disabled:opacity-50`}>
          {pending ? "Finding…" : submitLabel}
        </button>
      </div>
      {problem ? (
        <p role="alert" className="text-xs text-red-700">
          {problem}
        </p>
      ) : null}
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
