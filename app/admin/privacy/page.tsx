// Privacy: the one screen where soft-deleted people and organizations are visible, with when they were hidden,
// where an admin deletes a person (with a confirmation step) and restores deleted people and organizations,
// erases a person for good, exports what is held on a deleted person, edits retention and subject settings,
// and previews or runs the retention purges.
import type { Metadata } from "next";
import { DeletePersonForm } from "@/components/privacy/delete-person-form";
import { ErasePersonForm } from "@/components/privacy/erase-person-form";
import { PrivacySettingsForm } from "@/components/privacy/privacy-settings-form";
import { RetentionPanel } from "@/components/privacy/retention-panel";
import { RestoreButton } from "@/components/privacy/restore-button";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { displayName, formatCount, formatDateTime } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { RowActionStatus } from "@/components/ui/row-action-status";
import { Table, Td, Th } from "@/components/ui/table";
import { RelativeTime } from "@/components/ui/time";
import { buttonClass } from "@/components/ui/button-link";
import { listDeletedOrganizations } from "@/lib/people/deleted-queries";
import { requirePageUser } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { listDeletedPeopleForPrivacy } from "@/lib/privacy/queries";
import { getPrivacySettings, RETENTION_LIMITS } from "@/lib/privacy/settings";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Privacy" };

const LIMIT = 200;

function countLine(shown: number, total: number, noun: string): string {
  return total > shown ? `The ${shown} most recently deleted of ${formatCount(total)} ${noun}.` : `${total} ${noun}.`;
}

function DeletedAt({ date }: { date: Date | null }) {
  if (!date) return null;
  return (
    <span className="flex flex-col">
      <RelativeTime date={date} />
      <span className="text-xs text-zinc-500">{formatDateTime(date)}</span>
    </span>
  );
}

export default async function PrivacyPage() {
  await requirePageUser("admin");
  const [people, organizations, settings] = await Promise.all([
    listDeletedPeopleForPrivacy(prisma, LIMIT),
    listDeletedOrganizations(LIMIT),
    getPrivacySettings(prisma),
  ]);
  return (
    <>
      <PageHeader
        eyebrow="Admin"
        title="Privacy"
        description="Soft-deleted records. They are hidden from search, profiles, paths and the graph; only this screen shows them."
      />
      <div className="space-y-6">
        <Card>
          <CardHeader
            title="Delete a person"
            description="Find them by name (pick from the suggestions), email or id, check who it is, then confirm. The person is hidden, not erased, and can be restored below."
          />
          <DeletePersonForm />
        </Card>

        <Card>
          <CardHeader
            title="Erase a person"
            description="The right to be forgotten: removes their personal data, relationships and identifiers from interactions for good, and keeps only keyed hashes so imports skip them. Works on visible and soft-deleted people."
          />
          <ErasePersonForm />
        </Card>

        <Card>
          <CardHeader
            title="Deleted people"
            description={`${countLine(people.rows.length, people.total, people.total === 1 ? "person" : "people")}${people.erased > 0 ? ` ${formatCount(people.erased)} erased (tombstones, not listed).` : ""}`}
          />
          <RowActionStatus>
            {people.rows.length === 0 ? (
              <EmptyState title="No deleted people" description="People removed on request are listed here until they are purged." />
            ) : (
              <Table caption="Soft-deleted people">
                <thead>
                  <tr>
                    <Th>Person</Th>
                    <Th>Emails</Th>
                    <Th>Id</Th>
                    <Th>Deleted</Th>
                    <Th className="text-right">
                      <span className="sr-only">Actions</span>
                    </Th>
                  </tr>
                </thead>
                <tbody>
                  {people.rows.map((person) => (
                    <tr key={person.id}>
                      <Td>
                        <span className="font-medium text-zinc-900">{displayName(person.names)}</span>
                        {person.title ? <span className="block text-xs text-zinc-500">{person.title}</span> : null}
                      </Td>
                      <Td className="font-mono text-xs">{person.emails.join(", ") || <span className="font-sans text-zinc-500">—</span>}</Td>
                      <Td className="font-mono text-xs text-zinc-500">{person.id}</Td>
                      <Td className="whitespace-nowrap">
                        <DeletedAt date={person.deletedAt} />
                      </Td>
                      <Td className="text-right">
                        <span className="flex items-start justify-end gap-2">
                          <a href={`/api/people/${person.id}/export`} download className={buttonClass("secondary")} aria-label={`Export JSON for ${displayName(person.names)}`}>
                            Export JSON
                          </a>
                          {person.mergedInto ? (
                            <span className="max-w-40 text-right text-xs text-zinc-500">Merged; undo the merge to restore</span>
                          ) : (
                            <RestoreButton kind="person" id={person.id} label={displayName(person.names)} />
                          )}
                        </span>
                      </Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            )}
          </RowActionStatus>
        </Card>

        <Card>
          <CardHeader
            title="Deleted organizations"
            description={countLine(organizations.rows.length, organizations.total, organizations.total === 1 ? "organization" : "organizations")}
          />
          <RowActionStatus>
            {organizations.rows.length === 0 ? (
              <EmptyState title="No deleted organizations" />
            ) : (
              <Table caption="Soft-deleted organizations">
                <thead>
                  <tr>
                    <Th>Organization</Th>
                    <Th>Domain</Th>
                    <Th className="text-right">People linked</Th>
                    <Th>Deleted</Th>
                    <Th className="text-right">
                      <span className="sr-only">Actions</span>
                    </Th>
                  </tr>
                </thead>
                <tbody>
                  {organizations.rows.map((organization) => (
                    <tr key={organization.id}>
                      <Td className="font-medium text-zinc-900">{organization.name}</Td>
                      <Td className="font-mono text-xs">{organization.domain ?? <span className="font-sans text-zinc-500">—</span>}</Td>
                      <Td className="text-right tabular-nums">{formatCount(organization._count.people)}</Td>
                      <Td className="whitespace-nowrap">
                        <DeletedAt date={organization.deletedAt} />
                      </Td>
                      <Td className="text-right">
                        <RestoreButton kind="organization" id={organization.id} label={organization.name} />
                      </Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            )}
          </RowActionStatus>
        </Card>

        <Card>
          <CardHeader
            title="Retention and member visibility"
            description="Stored for the whole team. Purges run daily at 03:15 UTC (job privacy.retention); each run is audited with its counts."
          />
          <PrivacySettingsForm initial={settings} limits={RETENTION_LIMITS} />
        </Card>

        <Card>
          <CardHeader title="Run the retention purges" description="Preview counts what the current settings would remove without changing anything." />
          <RetentionPanel />
        </Card>
      </div>
    </>
  );
}
