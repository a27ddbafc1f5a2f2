// Merge history: every visible person that absorbed other records, with the reason and the absorbed ids.
import type { Metadata } from "next";
import { PersonCell } from "@/components/people/person-cell";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatCount } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { RelativeTime } from "@/components/ui/time";
import { listMergedPeople } from "@/lib/people/queries";
import { requirePageUser } from "@/lib/auth/session";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Merges" };

const LIMIT = 100;

export default async function MergesPage() {
  await requirePageUser("member");
  const { rows, total } = await listMergedPeople(LIMIT);
  return (
    <>
      <PageHeader
        title="Merges"
        description="People assembled from several records. Each keeps the ids it absorbed, so a wrong merge can be undone."
      />
      <Card>
        <CardHeader
          title="Merge history"
          description={
            total > rows.length ? `The ${rows.length} most recently updated of ${formatCount(total)} merged people.` : `${total} merged ${total === 1 ? "person" : "people"}.`
          }
        />
        {rows.length === 0 ? (
          <EmptyState title="No merges yet" description="When identity resolution combines duplicate records, the result and its reasons appear here." />
        ) : (
          <Table caption="Merged people">
            <thead>
              <tr>
                <Th>Person</Th>
                <Th>Why merged</Th>
                <Th>Previous ids</Th>
                <Th>Updated</Th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} className="hover:bg-zinc-50/70">
                  <Td className="w-72 max-w-72">
                    <PersonCell person={row} />
                  </Td>
                  <Td className="min-w-64">
                    {row.mergeExplanation ? (
                      <p className="text-zinc-800">{row.mergeExplanation}</p>
                    ) : (
                      <span className="text-zinc-400">No explanation recorded</span>
                    )}
                  </Td>
                  <Td>
                    <ul className="space-y-0.5 font-mono text-xs text-zinc-500">
                      {row.previousIds.map((id) => (
                        <li key={id} title={id}>
                          {id}
                        </li>
                      ))}
                    </ul>
                  </Td>
                  <Td className="whitespace-nowrap text-zinc-500">
                    <RelativeTime date={row.updatedAt} />
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </>
  );
}
