// GET /admin/sync – the sync dashboard (admins only): upload an export for a source (drag and drop or the
// file picker, limited to WIG_UPLOAD_MAX_BYTES), watch queued and running imports move live, and read every
// source's health and the run history with counts, errors and row issues. "Sync again" and "Cancel" are
// server actions (./actions.ts); the live part polls GET /api/sync/status. ?source=<name> shows only that
// source's runs in the history. An upload names whose export it is (a team member; the uploader by default).
import type { Metadata } from "next";
import { LiveRuns } from "@/components/sync/live-runs";
import { RunHistory } from "@/components/sync/run-history";
import { SourcesTable } from "@/components/sync/sources-table";
import { SyncLiveProvider } from "@/components/sync/sync-live";
import { UploadCard, type SourceOption } from "@/components/sync/upload-card";
import { sourceLabel } from "@/components/ui/format";
import type { SelectOption } from "@/components/ui/labelled-select";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { firstParam, type SearchParams } from "@/lib/api/search-params";
import { listTeamMembers } from "@/lib/people/team";
import { ZSourceName, type TSourceName } from "@/lib/sources/types";
import { getSyncDashboard, RUN_HISTORY_LIMIT } from "@/lib/sync/queries";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sync" };

const UPLOADS: Record<TSourceName, Omit<SourceOption, "value" | "label">> = {
  linkedin: {
    hint: "The zip from LinkedIn's “Get a copy of your data” (its Connections.csv and messages.csv are read), or one of those two files.",
    accept: ".zip,application/zip,.csv,text/csv",
  },
  google_contacts: { hint: "contacts.csv from Google Contacts → Export → Google CSV.", accept: ".csv,text/csv" },
  vcard: { hint: "A .vcf file with one or many cards (vCard 3.0 or 4.0), or a Google Takeout zip with Contacts.", accept: ".vcf,.vcard,text/vcard,.zip,application/zip" },
  gmail: {
    hint: "The Google Takeout zip with Mail in it, or the .mbox file from it. Only headers are read; bodies are never stored.",
    accept: ".mbox,application/mbox,.zip,application/zip",
  },
  calendar: {
    hint: "An .ics calendar export (Google Calendar, Outlook, Apple Calendar), or a Google Takeout zip with Calendar (every calendar in it).",
    accept: ".ics,text/calendar,.zip,application/zip",
  },
  slack: { hint: "The .zip of a Slack workspace export.", accept: ".zip,application/zip" },
};

export default async function SyncPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePageUser("admin");
  // ?source=<name> narrows the run history to one source; anything else shows every source.
  const source = ZSourceName.safeParse(firstParam(await searchParams, "source"));
  const sourceName = source.success ? source.data : undefined;
  const { sources, runs, active } = await getSyncDashboard(prisma, { sourceName });
  const limitBytes = serverEnv().WIG_UPLOAD_MAX_BYTES;
  const failing = sources.filter((source) => source.configured && source.status === "failed");
  const options: SourceOption[] = (Object.keys(UPLOADS) as TSourceName[]).map((value) => ({ value, label: sourceLabel(value), ...UPLOADS[value] }));
  const team = await listTeamMembers();
  const owners: SelectOption[] = team.map((member) => ({ value: member.userId, label: `${member.name} · ${member.email}` }));
  // An uploader whose account is linked to no person still imports as themselves (their sign-in address).
  const uploaderInTeam = team.some((member) => member.userId === user.id);
  if (!uploaderInTeam) owners.unshift({ value: "", label: `Me · ${user.email}` });
  const defaultOwner = uploaderInTeam ? user.id : "";

  return (
    <SyncLiveProvider initialActive={active}>
      <PageHeader
        eyebrow="Admin"
        title="Sync"
        description={
          failing.length > 0
            ? `${failing.map((source) => sourceLabel(source.sourceName)).join(", ")} failed ${failing.length === 1 ? "its" : "their"} last sync. The error says what to do.`
            : "Import exports from LinkedIn, Google Contacts, vCard, Gmail, calendars and Slack. Imports run in the background; re-importing the same file changes nothing."
        }
      />
      <UploadCard sources={options} owners={owners} defaultOwner={defaultOwner} limitBytes={limitBytes} />
      <LiveRuns />
      <SourcesTable sources={sources} />
      <RunHistory runs={runs} limit={RUN_HISTORY_LIMIT} sourceName={sourceName} />
    </SyncLiveProvider>
  );
}
