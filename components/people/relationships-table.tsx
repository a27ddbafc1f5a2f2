// A person's strongest outgoing relationships: who they know, how strongly, why (the top factors as bars),
// through which channels, how often and how recently (one column, so the table fits beside the identity card).
import { PersonCell } from "@/components/people/person-cell";
import { FactorBar } from "@/components/strength/factor-breakdown";
import { Badge, ChipList } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatCount, plural, sourceLabel } from "@/components/ui/format";
import { StrengthBar } from "@/components/ui/strength-bar";
import { Table, Td, Th } from "@/components/ui/table";
import { RelativeTime } from "@/components/ui/time";
import type { RelationshipRow } from "@/lib/people/queries";

export function RelationshipsTable({ rows, total }: { rows: RelationshipRow[]; total: number }) {
  const description =
    total > rows.length ? `The ${rows.length} strongest of ${formatCount(total)}, by strength.` : `${plural(total, "relationship")}, strongest first.`;
  return (
    <Card>
      <CardHeader title="Strongest relationships" description={total > 0 ? description : undefined} />
      {rows.length === 0 ? (
        <EmptyState title="No relationships yet" description="Edges appear after a sync finds interactions between this person and others." />
      ) : (
        <Table caption="Strongest relationships">
          <thead>
            <tr>
              <Th>Person</Th>
              <Th>Strength</Th>
              <Th>Why</Th>
              <Th>Contact</Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} className="hover:bg-zinc-50/70">
                <Td className="min-w-40 max-w-52">
                  <PersonCell person={row.person} />
                  {row.relationshipType !== "knows" ? (
                    <span className="mt-1 ml-10 block">
                      <Badge>{row.relationshipType.replace("_", " ")}</Badge>
                    </span>
                  ) : null}
                </Td>
                <Td className="align-middle">
                  <StrengthBar strength={row.strength} />
                </Td>
                <Td className="min-w-32">
                  {row.topFactors.length === 0 ? (
                    <span className="text-xs text-zinc-500">no breakdown</span>
                  ) : (
                    <ul className="space-y-1" aria-label="Top factors">
                      {row.topFactors.map((factor) => (
                        <li key={factor.key} className="text-[11px] text-zinc-600" title={`${factor.label}: score ${factor.normalized.toFixed(2)}, contribution ${factor.contribution.toFixed(2)}`}>
                          <span className="block truncate">{factor.label}</span>
                          <FactorBar value={factor.normalized} tone={factor.key === "override" ? "amber" : "accent"} />
                        </li>
                      ))}
                    </ul>
                  )}
                </Td>
                <Td className="min-w-32">
                  <ChipList items={row.channels} />
                  <p className="mt-1 text-xs text-zinc-500">
                    <span className="tabular-nums">{formatCount(row.interactionCount)}</span> {row.interactionCount === 1 ? "interaction" : "interactions"}
                    {row.sources.length > 0 ? ` via ${row.sources.map(sourceLabel).join(", ")}` : ""}
                  </p>
                  {row.lastSeenAt ? (
                    <p className="text-xs text-zinc-500">
                      {/* "last seen" reads right before every relative form ("last seen last month", "… 2 weeks ago"); it
                          may wrap before the time, so the column is no wider than with the old "last". */}
                      last seen{" "}
                      <span className="whitespace-nowrap">
                        <RelativeTime date={row.lastSeenAt} />
                      </span>
                    </p>
                  ) : null}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
