// Everything we hold that identifies a person: emails, phones, social profiles, name variations.
import type { ReactNode } from "react";
import { Card, CardHeader } from "@/components/ui/card";
import { formatDate } from "@/components/ui/format";
import type { PersonProfile } from "@/lib/people/queries";
import { socialLinks } from "./social-links";

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="py-3 first:pt-0 last:pb-0">
      <dt className="text-xs font-medium text-zinc-500">{label}</dt>
      <dd className="mt-1 text-sm text-zinc-800">{children}</dd>
    </div>
  );
}

function ValueList({ values, mono = false }: { values: readonly string[]; mono?: boolean }) {
  if (values.length === 0) return <span className="text-zinc-500">None recorded</span>;
  return (
    <ul className="space-y-0.5">
      {values.map((value) => (
        <li key={value} className={`break-all ${mono ? "font-mono text-[13px]" : ""}`}>
          {value}
        </li>
      ))}
    </ul>
  );
}

export function IdentityCard({ person }: { person: PersonProfile }) {
  const links = socialLinks(person.socialHandles);
  const variations = person.names.slice(1);
  return (
    <Card>
      <CardHeader title="Identity" description="Every identifier seen for this person across sources." />
      <dl className="divide-y divide-zinc-100 px-5 py-4">
        <Field label="Emails">
          <ValueList values={person.emails} mono />
        </Field>
        <Field label="Phones">
          <ValueList values={person.phones} mono />
        </Field>
        <Field label="Social profiles">
          {links.length === 0 ? (
            <span className="text-zinc-500">None recorded</span>
          ) : (
            <ul className="space-y-1">
              {links.map((link) => (
                <li key={`${link.network}:${link.label}`} className="flex items-baseline gap-2">
                  <span className="w-16 shrink-0 text-xs text-zinc-500">{link.networkLabel}</span>
                  {link.href ? (
                    <a href={link.href} target="_blank" rel="noopener noreferrer" className="break-all text-accent-700 hover:underline">
                      {link.label}
                    </a>
                  ) : (
                    <span className="break-all">{link.label}</span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </Field>
        {variations.length > 0 ? (
          <Field label="Also known as">
            <ValueList values={variations} />
          </Field>
        ) : null}
        <Field label="Record">
          <span className="text-xs text-zinc-500">
            Added {formatDate(person.createdAt)} · updated {formatDate(person.updatedAt)}
            <br />
            <span className="font-mono text-[11px]">{person.id}</span>
          </span>
        </Field>
      </dl>
    </Card>
  );
}
