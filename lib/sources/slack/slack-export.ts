// Slack workspace export (zip or unpacked folder) → people from users.json and message interactions from
// the per-channel, per-day JSON files. A zip needs random access (its directory is at the end), so this
// parser takes a path rather than a byte stream. Memory is bounded by the largest single JSON file plus the
// thread map of one conversation.
import { open } from "node:fs/promises";
import { detectFormat, wrongFormatError } from "../detect-format";
import { SourceFormatError } from "../errors";
import { ProgressTracker } from "../io/progress";
import { tracked } from "../io/tracked";
import type { ParseOptions, TParseIssue, TSourceItem } from "../types";
import { linkedInExportEntries } from "../linkedin/linkedin-archive";
import { DEFAULT_ARCHIVE_LIMITS, openExportArchive, type ArchiveEntry, type ArchiveLimits, type ExportArchive } from "../io/export-archive";
import { CONVERSATION_LISTS, readConversations, readUsers, type SlackConversation, type SlackPerson } from "./slack-directory";
import { messageInteraction, type ThreadInfo } from "./slack-messages";

export interface SlackExportOptions extends ParseOptions {
  limits?: Partial<ArchiveLimits>;
  /** Count messages posted by bots and apps. Default false. */
  includeBots?: boolean;
  /** Plain messages in channels up to this size list every member as a participant. Default 20. */
  channelMemberLimit?: number;
}

const DAY_FILE = /^(.*)\/(\d{4}-\d{2}-\d{2})\.json$/;

export function sniffSlackExport(firstBytes: Uint8Array): boolean {
  return detectFormat(firstBytes) === "slack_export";
}

export async function* parseSlackExport(path: string, options: SlackExportOptions = {}): AsyncGenerator<TSourceItem> {
  const tracker = new ProgressTracker(options);
  yield* tracked(tracker, slackItems(path, tracker, options));
}

async function* slackItems(path: string, tracker: ProgressTracker, options: SlackExportOptions): AsyncGenerator<TSourceItem> {
  await rejectNonZip(path);
  const archive = await openExportArchive(path, { ...DEFAULT_ARCHIVE_LIMITS, ...options.limits }, { exportName: "Slack workspace export" });
  try {
    for (const { path: unsafePath, reason } of archive.unsafe) {
      yield issue("unsafe_path", `Skipped "${unsafePath}" in the archive: ${reason}.`, unsafePath);
    }
    const root = exportRoot(archive.entries);
    const byPath = new Map(archive.entries.map((entry) => [entry.path, entry]));
    const read = async (entry: ArchiveEntry): Promise<unknown> => {
      const json: unknown = JSON.parse((await archive.read(entry)).toString("utf8"));
      tracker.addBytes(entry.storedSize);
      return json;
    };

    const people = new Map<string, SlackPerson>();
    const usersEntry = byPath.get(`${root}users.json`);
    if (usersEntry) {
      const users = readUsers(await readJson(read, usersEntry));
      for (const person of users.people) people.set(person.id, person);
      for (const observation of users.observations) yield observation;
      if (users.invalid > 0) yield issue("invalid_user", `${users.invalid} entries of users.json could not be read and were skipped.`, usersEntry.path);
    }
    const conversations = new Map<string, SlackConversation>();
    for (const [file, type] of Object.entries(CONVERSATION_LISTS)) {
      const entry = byPath.get(`${root}${file}`);
      if (!entry) continue;
      for (const conversation of readConversations(await readJson(read, entry), type)) conversations.set(conversation.folder, conversation);
    }

    for (const [folder, days] of dayFilesByFolder(archive, root)) {
      const conversation = conversations.get(folder) ?? inferConversation(folder);
      const threads = new Map<string, ThreadInfo>();
      const huddles = new Set<string>();
      for (const entry of days) {
        tracker.checkAborted();
        let messages: unknown;
        try {
          messages = await read(entry);
        } catch (error) {
          if (error instanceof SourceFormatError) throw error;
          yield issue("invalid_json", `${entry.path} is not valid JSON (${(error as Error).message}); its messages were skipped.`, entry.path);
          continue;
        }
        if (!Array.isArray(messages)) {
          yield issue("invalid_json", `${entry.path} does not hold a list of messages; it was skipped.`, entry.path);
          continue;
        }
        const context = {
          conversation,
          people,
          threads,
          huddles,
          entry: entry.path,
          includeBots: options.includeBots === true,
          memberLimit: options.channelMemberLimit ?? 20,
        };
        for (const [index, message] of messages.entries()) {
          const result = messageInteraction(message, index, context);
          if (typeof result === "string") tracker.filter(result);
          else yield result;
        }
      }
    }
  } finally {
    archive.close();
  }
}

/** Zips from some tools wrap everything in one folder ("Acme Slack export Sep 2 2026/users.json"). */
function exportRoot(entries: ArchiveEntry[]): string {
  const candidates = entries
    .filter((entry) => /(^|\/)(users|channels)\.json$/.test(entry.path))
    .map((entry) => entry.path.slice(0, entry.path.lastIndexOf("/") + 1))
    .sort((a, b) => a.length - b.length);
  const root = candidates[0];
  if (root === undefined) {
    const linkedIn = linkedInExportEntries(entries).map((entry) => entry.path);
    throw new SourceFormatError(
      "wrong_format",
      linkedIn.length > 0
        ? `This archive has no users.json or channels.json, so it is not a Slack workspace export: it holds ${linkedIn.join(" and ")}, like LinkedIn's data export. Import it as the "linkedin" source instead.`
        : "This archive has no users.json or channels.json, so it is not a Slack workspace export. Upload the zip from Slack's \"Export data\" page.",
    );
  }
  return root;
}

function dayFilesByFolder(archive: ExportArchive, root: string): Map<string, ArchiveEntry[]> {
  const folders = new Map<string, ArchiveEntry[]>();
  for (const entry of archive.entries) {
    if (!entry.path.startsWith(root)) continue;
    const match = DAY_FILE.exec(entry.path.slice(root.length));
    const folder = match?.[1];
    if (!folder || folder.includes("/")) continue;
    const days = folders.get(folder) ?? [];
    days.push(entry);
    folders.set(folder, days);
  }
  // Date order within a conversation, so a thread's parent is seen before its replies.
  for (const days of folders.values()) days.sort((a, b) => (a.path < b.path ? -1 : 1));
  return new Map([...folders.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
}

function inferConversation(folder: string): SlackConversation {
  const type = folder.startsWith("mpdm-") ? "group_dm" : /^D[A-Z0-9]{6,}$/.test(folder) ? "dm" : "channel";
  return { id: folder, folder, type, members: [] };
}

async function readJson(read: (entry: ArchiveEntry) => Promise<unknown>, entry: ArchiveEntry): Promise<unknown> {
  try {
    return await read(entry);
  } catch (error) {
    if (error instanceof SourceFormatError) throw error;
    throw new SourceFormatError("invalid_json", `${entry.path} is not valid JSON (${(error as Error).message}); the export looks damaged.`, { cause: error });
  }
}

/** A file (not a folder) must at least be a zip; anything else gets the wrong-format message. */
async function rejectNonZip(path: string): Promise<void> {
  let handle;
  try {
    handle = await open(path, "r");
  } catch (error) {
    throw new SourceFormatError("not_found", `Cannot read ${path}: ${(error as Error).message}.`, { cause: error });
  }
  try {
    const stats = await handle.stat();
    if (stats.isDirectory()) return;
    const head = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const found = detectFormat(head.subarray(0, bytesRead));
    if (found !== "slack_export" && found !== "zip") throw wrongFormatError("slack_export", found);
  } finally {
    await handle.close();
  }
}

function issue(code: string, reason: string, entry: string): TParseIssue {
  return { kind: "issue", severity: "skip", code, reason, position: { entry } };
}
