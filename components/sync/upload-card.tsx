"use client";
// "Import a file": pick the source, drop the export on the zone (or choose it with the file picker), and
// upload. The file goes as the raw body of POST /api/sync/uploads (streamed to disk on the server); an
// oversize or empty file is refused here before a byte is sent, with the same message the server would
// give. Upload progress comes from XMLHttpRequest (fetch cannot report it); once queued, the run is handed
// to the live status, which follows it to the end.
import { useQuery } from "@tanstack/react-query";
import { useRef, useState, type DragEvent } from "react";
import { buttonClass } from "@/components/ui/button-link";
import { Card, CardHeader } from "@/components/ui/card";
import { formatCount } from "@/components/ui/format";
import { LabelledSelect, type SelectOption } from "@/components/ui/labelled-select";
import { formatBytes, tooLargeMessage } from "@/lib/sync/format";
import type { RunCounts, RunProgress } from "@/lib/sync/queries";
import { useSyncLive } from "./sync-live";

export interface SourceOption {
  value: string;
  label: string;
  /** What to upload, e.g. "Connections.csv from LinkedIn's data export". */
  hint: string;
  accept: string;
}

type Phase =
  | { kind: "idle" }
  | { kind: "uploading"; sent: number; total: number }
  | { kind: "done"; runId: string; fileName: string; label: string }
  | { kind: "error"; message: string };

type RunOutcome = RunProgress & RunCounts;

async function fetchRun(runId: string): Promise<RunOutcome> {
  const response = await fetch(`/api/sync/runs/${runId}`, { headers: { Accept: "application/json" }, cache: "no-store" });
  if (!response.ok) throw new Error(`The run answered ${response.status}.`);
  return (await response.json()) as RunOutcome;
}

/** What became of the run an upload queued, in one sentence, once the worker has it. */
function describeOutcome(phase: Extract<Phase, { kind: "done" }>, run: RunOutcome | undefined): { tone: "ok" | "error" | "warning"; message: string } {
  const queued = `${phase.fileName} is uploaded and queued as a ${phase.label} import. Its progress shows under “Running now”.`;
  if (!run || run.status === "queued" || run.status === "running") return { tone: "ok", message: queued };
  // Parser messages may start with the file's name, which the sentence already gives.
  const error = run.error ?? "no reason was recorded.";
  const reason = error.startsWith(`${phase.fileName}: `) ? error.slice(phase.fileName.length + 2) : error;
  if (run.status === "failed") return { tone: "error", message: `The import of ${phase.fileName} failed: ${reason}` };
  if (run.status === "cancelled") return { tone: "warning", message: `The import of ${phase.fileName} was cancelled.` };
  const parts = [
    `${formatCount(run.rowsRead)} ${run.rowsRead === 1 ? "row" : "rows"} read`,
    `${formatCount(run.created)} ${run.created === 1 ? "record" : "records"} created (people and interactions)`,
    `${formatCount(run.updated)} ${run.updated === 1 ? "person" : "people"} updated`,
  ];
  if (run.skipped > 0) parts.push(`${formatCount(run.skipped)} skipped`);
  if (run.failed > 0) parts.push(`${formatCount(run.failed)} failed`);
  return { tone: "ok", message: `Imported ${phase.fileName} as ${phase.label}: ${parts.join(", ")}.` };
}

/** A likely source from the file name, used only until the admin picks one themselves. */
function guessSource(name: string): string | null {
  const lower = name.toLowerCase();
  if (lower.endsWith(".mbox")) return "gmail";
  if (lower.endsWith(".ics")) return "calendar";
  if (lower.endsWith(".vcf") || lower.endsWith(".vcard")) return "vcard";
  // LinkedIn names its export "Basic_LinkedInDataExport_<date>.zip" (or "Complete_…").
  if (lower.includes("linkedin")) return "linkedin";
  // Google Takeout: "takeout-<date>-001.zip"; mail is what people take out for WIG most.
  if (lower.startsWith("takeout") && lower.endsWith(".zip")) return "gmail";
  if (lower.endsWith(".zip")) return "slack";
  if (lower.includes("connections") || lower.includes("messages")) return "linkedin";
  if (lower.includes("contacts") && lower.endsWith(".csv")) return "google_contacts";
  return null;
}

interface UploadAnswer {
  status: number;
  body: { runId?: string; error?: { message?: string } } | null;
}

function sendFile(url: string, file: File, onProgress: (sent: number) => void, register: (xhr: XMLHttpRequest) => void): Promise<UploadAnswer> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    register(xhr);
    xhr.open("POST", url);
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.onprogress = (event) => onProgress(event.loaded);
    xhr.onload = () => {
      let body: UploadAnswer["body"] = null;
      try {
        body = JSON.parse(xhr.responseText) as UploadAnswer["body"];
      } catch {
        body = null;
      }
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => reject(new Error("network"));
    xhr.onabort = () => reject(new Error("aborted"));
    xhr.send(file);
  });
}

export function UploadCard({ sources, owners, defaultOwner, limitBytes }: { sources: SourceOption[]; owners: SelectOption[]; defaultOwner: string; limitBytes: number }) {
  const live = useSyncLive();
  const [source, setSource] = useState(sources[0]?.value ?? "");
  const [owner, setOwner] = useState(defaultOwner);
  const [sourceChosen, setSourceChosen] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [dragging, setDragging] = useState(false);
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const inputRef = useRef<HTMLInputElement>(null);
  const xhrRef = useRef<XMLHttpRequest | null>(null);

  const selected = sources.find((option) => option.value === source);
  const problem = file === null ? null : file.size === 0 ? "The file is empty. Choose the export file itself." : file.size > limitBytes ? tooLargeMessage(file.size, limitBytes) : null;
  const uploading = phase.kind === "uploading";

  const choose = (next: File | null) => {
    setFile(next);
    setPhase({ kind: "idle" });
    if (next && !sourceChosen) {
      const guess = guessSource(next.name);
      if (guess && sources.some((option) => option.value === guess)) setSource(guess);
    }
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    if (uploading) return;
    const dropped = event.dataTransfer.files[0];
    if (dropped) choose(dropped);
  };

  const upload = async () => {
    if (!file || problem || !selected) return;
    setPhase({ kind: "uploading", sent: 0, total: file.size });
    const url = `/api/sync/uploads?${new URLSearchParams({ source: selected.value, fileName: file.name, ...(owner ? { owner } : {}) })}`;
    try {
      const answer = await sendFile(
        url,
        file,
        (sent) => setPhase({ kind: "uploading", sent, total: file.size }),
        (xhr) => {
          xhrRef.current = xhr;
        },
      );
      if (answer.status === 202 && answer.body?.runId) {
        live.watch(answer.body.runId);
        live.refresh();
        setPhase({ kind: "done", runId: answer.body.runId, fileName: file.name, label: selected.label });
        setFile(null);
        if (inputRef.current) inputRef.current.value = "";
      } else {
        setPhase({ kind: "error", message: answer.body?.error?.message ?? `The upload was refused (HTTP ${answer.status}).` });
      }
    } catch (error) {
      const aborted = error instanceof Error && error.message === "aborted";
      setPhase({
        kind: "error",
        message: aborted ? "Upload cancelled. Nothing was imported." : "The connection closed during the upload. Check that the file is under the limit and try again.",
      });
    } finally {
      xhrRef.current = null;
    }
  };

  // Follows the queued run to its end, so the card can say how it went.
  const followed = phase.kind === "done" ? phase.runId : null;
  const run = useQuery({
    queryKey: ["sync-run", followed],
    queryFn: () => fetchRun(followed as string),
    enabled: followed !== null,
    staleTime: 0,
    retry: false,
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return status === undefined || status === "queued" || status === "running" ? 1_000 : false;
    },
  });
  const outcome = phase.kind === "done" ? describeOutcome(phase, run.data) : null;

  const percent = phase.kind === "uploading" && phase.total > 0 ? Math.floor((phase.sent / phase.total) * 100) : 0;

  return (
    <Card className="mb-6">
      <CardHeader title="Import a file" description={`Drop an export here or choose it. Files up to ${formatBytes(limitBytes)}; the import runs in the background.`} />
      <form
        aria-label="Import a file"
        className="flex flex-col gap-4 p-5"
        onSubmit={(event) => {
          event.preventDefault();
          void upload();
        }}
      >
        <LabelledSelect
          id="sync-source"
          name="source"
          label="Source"
          value={source}
          options={sources}
          hint={selected?.hint}
          disabled={uploading}
          onChange={(value) => {
            setSource(value);
            setSourceChosen(true);
          }}
        />
        {/* An admin uploads each member's export: the import has to know whose it is. */}
        <LabelledSelect
          id="sync-owner"
          name="owner"
          label="Whose export is this?"
          value={owner}
          options={owners}
          hint="Their LinkedIn connections become their ties; their mailbox and calendar are read from their side."
          disabled={uploading}
          onChange={setOwner}
        />

        <div
          onDragEnter={(event) => {
            event.preventDefault();
            if (!uploading) setDragging(true);
          }}
          onDragOver={(event) => {
            event.preventDefault();
            event.dataTransfer.dropEffect = uploading ? "none" : "copy";
          }}
          onDragLeave={(event) => {
            if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
          }}
          onDrop={onDrop}
          data-testid="sync-dropzone"
          className={`flex flex-col items-center justify-center gap-2 rounded-lg border-2 border-dashed px-6 py-8 text-center transition-colors ${
            dragging ? "border-accent-500 bg-accent-50" : problem ? "border-red-300 bg-red-50/40" : "border-zinc-300 bg-zinc-50/60"
          }`}
        >
          <svg aria-hidden="true" viewBox="0 0 24 24" width={22} height={22} fill="none" stroke="currentColor" strokeWidth={1.75} strokeLinecap="round" strokeLinejoin="round" className="text-zinc-400">
            <path d="M12 16V4m0 0-4 4m4-4 4 4" />
            <path d="M4 15v3a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-3" />
          </svg>
          {file ? (
            <p className="text-sm text-zinc-700">
              <span className="font-medium text-zinc-900">{file.name}</span> <span className="text-zinc-500">· {formatBytes(file.size)}</span>
            </p>
          ) : (
            <p className="text-sm text-zinc-600">{dragging ? "Drop the file to choose it" : "Drag and drop an export file here, or"}</p>
          )}
          <label className={`${buttonClass("secondary")} cursor-pointer focus-within:ring-2 focus-within:ring-accent-500`}>
            {file ? "Choose another file" : "Choose a file"}
            <input
              ref={inputRef}
              type="file"
              name="file"
              aria-describedby="sync-file-limit"
              accept={selected?.accept}
              disabled={uploading}
              className="sr-only"
              onChange={(event) => choose(event.target.files?.[0] ?? null)}
            />
          </label>
          <p id="sync-file-limit" className="text-xs text-zinc-500">
            Up to {formatBytes(limitBytes)}
          </p>
        </div>

        {problem ? (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 ring-1 ring-inset ring-red-200">
            {problem}
          </p>
        ) : null}

        {phase.kind === "uploading" ? (
          <div className="flex flex-col gap-1.5">
            <div
              role="progressbar"
              aria-label={`Uploading ${file?.name ?? "the file"}`}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={percent}
              aria-valuetext={`${percent}% · ${formatBytes(phase.sent)} of ${formatBytes(phase.total)} uploaded`}
              className="h-2 w-full overflow-hidden rounded-full bg-zinc-100"
            >
              <span className="block h-full rounded-full bg-accent-600 transition-[width] duration-300" style={{ width: `${percent}%` }} />
            </div>
            <p className="text-xs tabular-nums text-zinc-500">
              Uploading: {percent}% · {formatBytes(phase.sent)} of {formatBytes(phase.total)}
            </p>
          </div>
        ) : null}

        {outcome ? (
          <p
            key={outcome.tone}
            role={outcome.tone === "error" ? "alert" : "status"}
            className={`rounded-md px-3 py-2 text-sm ring-1 ring-inset ${
              outcome.tone === "error" ? "bg-red-50 text-red-700 ring-red-200" : outcome.tone === "warning" ? "bg-amber-50 text-amber-800 ring-amber-200" : "bg-emerald-50 text-emerald-800 ring-emerald-200"
            }`}
          >
            {outcome.message}
          </p>
        ) : null}
        {phase.kind === "error" ? (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 ring-1 ring-inset ring-red-200">
            {phase.message}
          </p>
        ) : null}

        <div className="flex gap-2">
          <button type="submit" disabled={!file || problem !== null || uploading} className={`${buttonClass("primary")} disabled:cursor-not-allowed disabled:opacity-50`}>
            {uploading ? "Uploading…" : "Upload and import"}
          </button>
          {uploading ? (
            <button type="button" onClick={() => xhrRef.current?.abort()} className={buttonClass("ghost")}>
              Cancel upload
            </button>
          ) : null}
        </div>
      </form>
    </Card>
  );
}
