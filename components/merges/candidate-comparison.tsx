// Two people side by side, row by row (names, emails, phones, organization, title, identities per source,
// sources, recent interactions), with the values both sides share highlighted, so a reviewer sees at a
// glance what agrees and what does not.
import Link from "next/link";
import type { ReactNode } from "react";
import { formatDate, sourceLabel } from "@/components/ui/format";
import type { PersonSideView } from "./types";

function normalize(value: string): string {
  return value.trim().toLowerCase();
}

function Values({ values, shared, mono = false }: { values: readonly string[]; shared: ReadonlySet<string>; mono?: boolean }) {
  if (values.length === 0) return <span className="text-zinc-500">—</span>;
  return (
    <ul className="space-y-0.5">
      {values.map((value) => {
        const isShared = shared.has(normalize(value));
        return (
          <li key={value} className={`relative break-all ${mono ? "font-mono text-xs" : ""} ${isShared ? "text-emerald-800" : "text-zinc-800"}`}>
            {isShared ? (
              <>
                {/* Screen readers ignore aria-label on a plain span: the mark is hidden and the word read instead. */}
                <span className="mr-1 text-emerald-700" aria-hidden="true">
                  =
                </span>
                <span className="sr-only">shared: </span>
              </>
            ) : null}
            {value}
          </li>
        );
      })}
    </ul>
  );
}

function sharedOf(a: readonly string[], b: readonly string[]): Set<string> {
  const right = new Set(b.map(normalize));
  return new Set(a.map(normalize).filter((value) => right.has(value)));
}

function identitiesBySource(person: PersonSideView): string[] {
  const groups = new Map<string, string[]>();
  for (const identity of person.identities) {
    const list = groups.get(identity.sourceName) ?? [];
    list.push(identity.sourceId);
    groups.set(identity.sourceName, list);
  }
  return [...groups.entries()].sort(([x], [y]) => x.localeCompare(y)).map(([source, ids]) => `${sourceLabel(source)}: ${ids.join(", ")}`);
}

function Row({ label, left, right }: { label: string; left: ReactNode; right: ReactNode }) {
  return (
    <tr className="border-t border-zinc-100 align-top">
      <th scope="row" className="w-32 py-2 pr-3 text-left text-xs font-medium text-zinc-500">
        {label}
      </th>
      <td className="w-[42%] py-2 pr-3 text-sm">{left}</td>
      <td className="w-[42%] py-2 text-sm">{right}</td>
    </tr>
  );
}

function Header({ person, side }: { person: PersonSideView; side: "A" | "B" }) {
  return (
    <th scope="col" className="pb-2 pr-3 text-left align-bottom">
      <span className="block text-[10px] font-medium uppercase tracking-wide text-zinc-500">Person {side}</span>
      <Link href={`/people/${person.id}`} className="text-sm font-semibold text-zinc-900 hover:text-accent-700 hover:underline" data-testid={`candidate-person-${side.toLowerCase()}`}>
        {person.name}
      </Link>
      {person.deleted ? <span className="ml-2 rounded bg-red-50 px-1.5 py-0.5 text-[10px] font-medium text-red-700">deleted</span> : null}
    </th>
  );
}

export function CandidateComparison({ a, b }: { a: PersonSideView; b: PersonSideView }) {
  const none = new Set<string>();
  const aIdentities = identitiesBySource(a);
  const bIdentities = identitiesBySource(b);
  const organization = (person: PersonSideView) => (person.organization ? [person.organization] : []);
  const title = (person: PersonSideView) => (person.title ? [person.title] : []);
  const dates = (person: PersonSideView) => person.recentInteractions.map((iso) => formatDate(new Date(iso)));
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse" aria-label="Side-by-side comparison">
        <thead>
          <tr>
            <td className="w-32" />
            <Header person={a} side="A" />
            <Header person={b} side="B" />
          </tr>
        </thead>
        <tbody>
          <Row label="Names" left={<Values values={a.names} shared={sharedOf(a.names, b.names)} />} right={<Values values={b.names} shared={sharedOf(b.names, a.names)} />} />
          <Row label="Emails" left={<Values mono values={a.emails} shared={sharedOf(a.emails, b.emails)} />} right={<Values mono values={b.emails} shared={sharedOf(b.emails, a.emails)} />} />
          <Row label="Phones" left={<Values mono values={a.phones} shared={sharedOf(a.phones, b.phones)} />} right={<Values mono values={b.phones} shared={sharedOf(b.phones, a.phones)} />} />
          <Row
            label="Organization"
            left={<Values values={organization(a)} shared={sharedOf(organization(a), organization(b))} />}
            right={<Values values={organization(b)} shared={sharedOf(organization(b), organization(a))} />}
          />
          <Row label="Title" left={<Values values={title(a)} shared={sharedOf(title(a), title(b))} />} right={<Values values={title(b)} shared={sharedOf(title(b), title(a))} />} />
          <Row label="Identities" left={<Values mono values={aIdentities} shared={sharedOf(aIdentities, bIdentities)} />} right={<Values mono values={bIdentities} shared={sharedOf(bIdentities, aIdentities)} />} />
          <Row
            label="Sources"
            left={<Values values={a.sources.map(sourceLabel)} shared={sharedOf(a.sources.map(sourceLabel), b.sources.map(sourceLabel))} />}
            right={<Values values={b.sources.map(sourceLabel)} shared={sharedOf(b.sources.map(sourceLabel), a.sources.map(sourceLabel))} />}
          />
          <Row label="Recent interactions" left={<Values values={dates(a)} shared={none} />} right={<Values values={dates(b)} shared={none} />} />
          <Row label="Id" left={<span className="font-mono text-[11px] text-zinc-500">{a.id}</span>} right={<span className="font-mono text-[11px] text-zinc-500">{b.id}</span>} />
        </tbody>
      </table>
    </div>
  );
}
