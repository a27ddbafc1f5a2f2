// The audit trail's filter form: a plain GET form, so the filtered view is a URL (no client JavaScript).
// Invalid values come back with a message under their field; the page decides what "invalid" means.
import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClass } from "@/components/ui/button-link";
import { Card } from "@/components/ui/card";
import type { AuditFilterOptions } from "@/lib/audit/queries";

export type AuditFilterField = "correlationId" | "action" | "entityType" | "entityId" | "actorId" | "from" | "to";
/** What each control shows: the submitted text, even when it did not validate, so it can be corrected. */
export type AuditFormValues = Record<AuditFilterField, string>;
export type AuditFieldErrors = Partial<Record<AuditFilterField, string>>;

const controlClass =
  "block w-full rounded-md border bg-white px-3 py-1.5 text-sm text-zinc-900 shadow-sm placeholder:text-zinc-500 focus:outline-none focus:ring-2";
const okClass = "border-zinc-300 focus:border-accent-500 focus:ring-accent-500/20";
const errorClass = "border-red-400 focus:border-red-500 focus:ring-red-500/20";

function Field({ name, label, hint, errors, children }: { name: AuditFilterField; label: string; hint?: string; errors: AuditFieldErrors; children: ReactNode }) {
  const error = errors[name];
  return (
    <div className="min-w-0">
      <label htmlFor={`audit-${name}`} className="mb-1 block text-xs font-medium text-zinc-600">
        {label}
      </label>
      {children}
      {error ? (
        <p id={`audit-${name}-error`} className="mt-1 text-xs text-red-600">
          {error}
        </p>
      ) : hint ? (
        <p className="mt-1 text-xs text-zinc-500">{hint}</p>
      ) : null}
    </div>
  );
}

/** id, name and the accessibility wiring that ties a control to its label and its error message. */
function control(name: AuditFilterField, errors: AuditFieldErrors, extra = "") {
  const invalid = errors[name] !== undefined;
  return {
    id: `audit-${name}`,
    name,
    "aria-invalid": invalid || undefined,
    "aria-describedby": invalid ? `audit-${name}-error` : undefined,
    className: `${controlClass} ${invalid ? errorClass : okClass} ${extra}`,
  };
}

/** Actions grouped by their domain ("person.merged" -> "person."), each group led by its prefix. */
function actionGroups(actions: AuditFilterOptions["actions"]): { prefix: string | null; actions: AuditFilterOptions["actions"] }[] {
  const groups = new Map<string | null, AuditFilterOptions["actions"]>();
  for (const entry of actions) {
    const dot = entry.action.indexOf(".");
    const prefix = dot > 0 ? entry.action.slice(0, dot + 1) : null;
    groups.set(prefix, [...(groups.get(prefix) ?? []), entry]);
  }
  return [...groups].map(([prefix, grouped]) => ({ prefix, actions: grouped }));
}

export function AuditFilterForm({
  values,
  errors,
  options,
  clearHref,
}: {
  values: AuditFormValues;
  errors: AuditFieldErrors;
  options: AuditFilterOptions;
  /** Shown as "Clear filters" when any filter is set. */
  clearHref?: string;
}) {
  const knownAction = values.action === "" || options.actions.some((entry) => entry.action === values.action) || actionGroups(options.actions).some((group) => group.prefix === values.action);
  const knownType = values.entityType === "" || options.entityTypes.includes(values.entityType);
  return (
    <Card className="mb-6">
      <form action="/admin/audit" method="get" aria-label="Filter the audit trail" className="grid gap-x-4 gap-y-3 p-5 sm:grid-cols-2 lg:grid-cols-4">
        <Field name="correlationId" label="Correlation id" hint="Exact match: one operation." errors={errors}>
          <input {...control("correlationId", errors, "font-mono placeholder:font-sans")} defaultValue={values.correlationId} placeholder="e.g. merge-1764126000000-3f9c2a1b" spellCheck={false} autoComplete="off" />
        </Field>

        <Field name="action" label="Action" hint="Exact, or all actions with a prefix." errors={errors}>
          <select {...control("action", errors)} defaultValue={values.action}>
            <option value="">Any action</option>
            {knownAction ? null : <option value={values.action}>{values.action}</option>}
            {actionGroups(options.actions).map((group) =>
              group.prefix ? (
                <optgroup key={group.prefix} label={group.prefix.slice(0, -1)}>
                  <option value={group.prefix}>All {group.prefix}* actions</option>
                  {group.actions.map((entry) => (
                    <option key={entry.action} value={entry.action}>
                      {entry.action} ({entry.count})
                    </option>
                  ))}
                </optgroup>
              ) : (
                group.actions.map((entry) => (
                  <option key={entry.action} value={entry.action}>
                    {entry.action} ({entry.count})
                  </option>
                ))
              ),
            )}
          </select>
        </Field>

        <Field name="entityType" label="Entity type" errors={errors}>
          <select {...control("entityType", errors)} defaultValue={values.entityType}>
            <option value="">Any type</option>
            {knownType ? null : <option value={values.entityType}>{values.entityType}</option>}
            {options.entityTypes.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </select>
        </Field>

        <Field name="entityId" label="Entity id" errors={errors}>
          <input {...control("entityId", errors, "font-mono placeholder:font-sans")} defaultValue={values.entityId} placeholder="e.g. a person's id" spellCheck={false} autoComplete="off" />
        </Field>

        <Field name="actorId" label="Actor" hint="A user id or a job's actor name." errors={errors}>
          <input {...control("actorId", errors, "font-mono placeholder:font-sans")} defaultValue={values.actorId} list="audit-actor-options" placeholder="Any actor" spellCheck={false} autoComplete="off" />
          <datalist id="audit-actor-options">
            {options.actors.map(({ actorId, actor }) => (
              <option key={actorId} value={actorId} label={actor ? (actor.name ? `${actor.name} <${actor.email}>` : actor.email) : actorId} />
            ))}
          </datalist>
        </Field>

        <Field name="from" label="From (UTC)" hint="Inclusive." errors={errors}>
          <input {...control("from", errors, "tabular-nums")} type="datetime-local" step={1} defaultValue={values.from} />
        </Field>

        <Field name="to" label="To (UTC)" hint="Exclusive." errors={errors}>
          <input {...control("to", errors, "tabular-nums")} type="datetime-local" step={1} defaultValue={values.to} />
        </Field>

        {/* Bottom padding lines the buttons up with the inputs, which have a hint line beneath them. */}
        <div className="flex items-end gap-2 sm:pb-5">
          <button type="submit" className={buttonClass("primary")}>
            Apply filters
          </button>
          {clearHref ? (
            <Link href={clearHref} className={buttonClass("ghost")}>
              Clear filters
            </Link>
          ) : null}
        </div>
      </form>
    </Card>
  );
}

export interface ActiveFilter {
  label: string;
  value: ReactNode;
  /** The same view without this filter. */
  removeHref: string;
}

/** The filters in force, as removable chips: what a shared link is showing, at a glance. */
export function ActiveFilters({ filters }: { filters: ActiveFilter[] }) {
  if (filters.length === 0) return null;
  return (
    <ul aria-label="Active filters" className="mb-4 flex flex-wrap items-center gap-2 text-xs">
      {filters.map((filter) => (
        <li key={filter.label} className="inline-flex items-center gap-1.5 rounded-full bg-accent-50 py-1 pl-3 pr-1 text-accent-700 ring-1 ring-inset ring-accent-200">
          <span className="text-accent-600">{filter.label}</span>
          <span className="font-medium">{filter.value}</span>
          <Link href={filter.removeHref} aria-label={`Remove the ${filter.label.toLowerCase()} filter`} className="rounded-full px-1.5 text-accent-500 hover:bg-accent-100 hover:text-accent-700">
            ×
          </Link>
        </li>
      ))}
    </ul>
  );
}
