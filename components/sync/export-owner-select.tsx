"use client";
// "Whose export is this?": an admin uploads each member's LinkedIn export, mailbox or calendar, and the
// import has to know whose it is. LinkedIn connections become that member's ties; a mailbox or a calendar
// is read from their side (who wrote, who was invited). Defaults to the uploader.

export interface ExportOwnerOption {
  /** A user id, or "" for the uploader's own account when it is linked to no person. */
  value: string;
  label: string;
}

export function ExportOwnerSelect({ owners, value, disabled, onChange }: { owners: ExportOwnerOption[]; value: string; disabled: boolean; onChange: (value: string) => void }) {
  return (
    <div className="flex flex-col gap-1.5 sm:max-w-sm">
      <label htmlFor="sync-owner" className="text-xs font-medium text-zinc-600">
        Whose export is this?
      </label>
      <select
        id="sync-owner"
        name="owner"
        value={value}
        disabled={disabled}
        aria-describedby="sync-owner-hint"
        onChange={(event) => onChange(event.target.value)}
        className="block w-full rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm text-zinc-900 shadow-sm focus:border-accent-500 focus:outline-none focus:ring-2 focus:ring-accent-500/20"
      >
        {owners.map((owner) => (
          <option key={owner.value} value={owner.value}>
            {owner.label}
          </option>
        ))}
      </select>
      <p id="sync-owner-hint" className="text-xs text-zinc-400">
        Their LinkedIn connections become their ties; their mailbox and calendar are read from their side.
      </p>
    </div>
  );
}
