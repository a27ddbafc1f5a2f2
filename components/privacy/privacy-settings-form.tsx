"use client";
// Retention and subject settings on the privacy screen. Each number shows its allowed range next to it; the
// server validates again (ZPrivacySettingsInput) and an out-of-range value comes back as a field error with
// the range. Empty "interaction" or "audit" retention means off (kept forever).
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { savePrivacySettings } from "@/app/admin/privacy/actions";
import { buttonClass } from "@/components/ui/button-link";

export interface SettingsValues {
  softDeletedPurgeDays: number;
  interactionRetentionMonths: number | null;
  auditRetentionMonths: number | null;
  storeSubjects: boolean;
}

export interface Limits {
  softDeletedPurgeDays: { min: number; max: number };
  interactionRetentionMonths: { min: number; max: number };
  auditRetentionMonths: { min: number; max: number };
}

const inputClass =
  "w-28 rounded-md border border-zinc-300 px-3 py-2 text-sm font-normal text-zinc-900 shadow-sm outline-none focus:border-indigo-500 focus:ring-2 focus:ring-indigo-100";

type NumberField = "softDeletedPurgeDays" | "interactionRetentionMonths" | "auditRetentionMonths";

const toNumber = (raw: string): number | null => (raw.trim() === "" ? null : Number(raw));

export function PrivacySettingsForm({ initial, limits }: { initial: SettingsValues; limits: Limits }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [raw, setRaw] = useState<Record<NumberField, string>>({
    softDeletedPurgeDays: String(initial.softDeletedPurgeDays),
    interactionRetentionMonths: initial.interactionRetentionMonths === null ? "" : String(initial.interactionRetentionMonths),
    auditRetentionMonths: initial.auditRetentionMonths === null ? "" : String(initial.auditRetentionMonths),
  });
  const [storeSubjects, setStoreSubjects] = useState(initial.storeSubjects);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const save = () => {
    startTransition(async () => {
      const result = await savePrivacySettings({
        softDeletedPurgeDays: toNumber(raw.softDeletedPurgeDays) ?? Number.NaN,
        interactionRetentionMonths: toNumber(raw.interactionRetentionMonths),
        auditRetentionMonths: toNumber(raw.auditRetentionMonths),
        storeSubjects,
      });
      const fields = result.ok ? {} : (result.error.fields ?? {});
      setErrors(fields);
      // Field errors show beside their field; the line by the button then only says nothing was saved.
      const failure = result.ok ? "" : Object.keys(fields).length > 0 ? "Not saved: check the highlighted field." : result.error.message;
      setMessage(result.ok ? { ok: true, text: result.data.message } : { ok: false, text: failure });
      if (result.ok) router.refresh();
    });
  };

  const field = (name: NumberField, label: string, unit: string, optional: boolean) => {
    const range = limits[name];
    const error = errors[name]?.[0];
    return (
      <div className="flex flex-col gap-1.5">
        <label htmlFor={`privacy-${name}`} className="text-sm font-medium text-zinc-700">
          {label}
        </label>
        <div className="flex items-center gap-2">
          <input
            id={`privacy-${name}`}
            name={name}
            type="number"
            inputMode="numeric"
            value={raw[name]}
            placeholder={optional ? "off" : undefined}
            aria-invalid={error ? true : undefined}
            aria-describedby={`privacy-${name}-range`}
            onChange={(event) => setRaw((current) => ({ ...current, [name]: event.target.value }))}
            className={inputClass}
          />
          <span id={`privacy-${name}-range`} className="text-xs text-zinc-500">
            {unit}, allowed {range.min}–{range.max}
            {optional ? "; empty = keep forever" : ""}
          </span>
        </div>
        {error ? (
          <span role="alert" className="text-xs text-red-700">
            {error}
          </span>
        ) : null}
      </div>
    );
  };

  return (
    <form
      aria-label="Privacy settings"
      className="flex flex-col gap-4 px-5 py-4"
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      {field("softDeletedPurgeDays", "Erase soft-deleted people after", "days", false)}
      {field("interactionRetentionMonths", "Delete interactions older than", "months", true)}
      {field("auditRetentionMonths", "Delete audit rows older than", "months", true)}
      <label className="flex items-center gap-2 text-sm text-zinc-700">
        <input type="checkbox" name="storeSubjects" checked={storeSubjects} onChange={(event) => setStoreSubjects(event.target.checked)} />
        Importers may store email and event subjects (off: dates, channels and counts only)
      </label>
      <div className="flex items-center gap-3">
        <button type="submit" disabled={pending} className={`${buttonClass("primary")} disabled:opacity-50`}>
          {pending ? "Saving…" : "Save settings"}
        </button>
        {message ? (
          <span role={message.ok ? "status" : "alert"} className={`text-sm ${message.ok ? "text-emerald-700" : "text-red-700"}`}>
            {message.text}
          </span>
        ) : null}
      </div>
    </form>
  );
}
