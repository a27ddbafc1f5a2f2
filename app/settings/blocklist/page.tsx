// /settings/blocklist: a member's own blocklist. Blocking a person or an email domain hides the member's own
// relationships with them (the edges between the member's node and theirs) from the graph and from intro
// paths, for everyone on the team. Only the member sees their list.
import type { Metadata } from "next";
import { BlockForms, UnblockButton } from "@/components/privacy/blocklist-forms";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime, plural } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { RowActionStatus } from "@/components/ui/row-action-status";
import { Table, Td, Th } from "@/components/ui/table";
import { requirePageUser } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { listBlocklist } from "@/lib/privacy/blocklist";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Blocklist" };

export default async function BlocklistPage() {
  const user = await requirePageUser("member");
  const entries = await listBlocklist(prisma, user.id);
  return (
    <>
      <PageHeader
        eyebrow="Settings"
        title="Blocklist"
        description="People and email domains whose relationship with you is hidden from the graph and from intro paths, for everyone on the team."
      />
      <div className="space-y-6">
        {user.personId ? null : (
          <p role="note" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">
            Your account is not linked to a person in the graph yet, so your entries hide nothing until it is.
          </p>
        )}
        <Card>
          <CardHeader title="Block" description="A person (pick them by name, or give their email or id), or everyone with an address at a domain." />
          <BlockForms />
        </Card>
        <Card>
          <CardHeader title="Your blocklist" description={`${plural(entries.length, "entry", "entries")}.`} />
          <RowActionStatus>
            {entries.length === 0 ? (
              <EmptyState title="Nothing blocked" description="Blocked people and domains appear here." />
            ) : (
              <Table caption="Your blocklist">
                <thead>
                  <tr>
                    <Th>Blocked</Th>
                    <Th>Kind</Th>
                    <Th>Added</Th>
                    <Th className="text-right">
                      <span className="sr-only">Actions</span>
                    </Th>
                  </tr>
                </thead>
                <tbody>
                  {entries.map((entry) => {
                    const label = entry.kind === "domain" ? (entry.domain ?? "") : (entry.personName ?? "A person no longer shown");
                    return (
                      <tr key={entry.id}>
                        <Td className="font-medium text-zinc-900">{label}</Td>
                        <Td>{entry.kind === "domain" ? "Email domain" : "Person"}</Td>
                        <Td className="whitespace-nowrap">{formatDateTime(entry.createdAt)}</Td>
                        <Td className="text-right">
                          <UnblockButton entryId={entry.id} label={label} />
                        </Td>
                      </tr>
                    );
                  })}
                </tbody>
              </Table>
            )}
          </RowActionStatus>
        </Card>
      </div>
    </>
  );
}
