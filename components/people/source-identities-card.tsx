// Which source records were resolved into this person, grouped by source, and the organization.
import { Card, CardHeader } from "@/components/ui/card";
import { formatDate, sourceLabel } from "@/components/ui/format";
import type { SourceIdentities } from "@/lib/people/person-details";

const SHOWN_PER_SOURCE = 8;

export function SourceIdentitiesCard({ groups, organization }: { groups: SourceIdentities[]; organization: { name: string; domain: string | null } | null }) {
  const total = groups.reduce((sum, group) => sum + group.identities.length, 0);
  return (
    <Card>
      <CardHeader title="Identities per source" description={total > 0 ? `${total} source ${total === 1 ? "record" : "records"} resolved into this person.` : "No source records yet."} />
      <dl className="divide-y divide-zinc-100 px-5 py-2 text-sm" data-testid="source-identities">
        <div className="py-2.5">
          <dt className="text-xs font-medium text-zinc-500">Organization</dt>
          <dd className="mt-0.5 text-zinc-800">
            {organization ? (
              <>
                {organization.name}
                {organization.domain ? <span className="text-zinc-500"> · {organization.domain}</span> : null}
              </>
            ) : (
              <span className="text-zinc-500">None recorded</span>
            )}
          </dd>
        </div>
        {groups.map((group) => (
          <div key={group.sourceName} className="py-2.5">
            <dt className="flex items-center justify-between text-xs font-medium text-zinc-500">
              <span>{sourceLabel(group.sourceName)}</span>
              <span className="tabular-nums text-zinc-500">{group.identities.length}</span>
            </dt>
            <dd className="mt-1">
              <ul className="space-y-1.5">
                {group.identities.slice(0, SHOWN_PER_SOURCE).map((identity) => (
                  // The record's id gets the whole width (an address beside its date broke mid-word), its date below.
                  <li key={identity.id}>
                    <span className="block font-mono text-[12px] text-zinc-700 [overflow-wrap:anywhere]">{identity.sourceId}</span>
                    {identity.observedAt ? <span className="block text-[11px] text-zinc-500">observed {formatDate(identity.observedAt)}</span> : null}
                  </li>
                ))}
                {group.identities.length > SHOWN_PER_SOURCE ? <li className="text-[11px] text-zinc-500">and {group.identities.length - SHOWN_PER_SOURCE} more</li> : null}
              </ul>
            </dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
