import { readFile, readdir } from "node:fs/promises";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { SourceFormatError } from "../errors";
import { archiveScratch } from "../testing/archive-helpers";
import { collect, fixturePath } from "../testing/helpers";
import { writeZip, type ZipSource } from "../testing/write-zip";
import { ZSourceItem, type ParseProgress, type TSourceItem } from "../types";
import { parseSlackExport, sniffSlackExport } from "./slack-export";

const folder = fixturePath("slack-export");
const zipFile = archiveScratch("wig-slack-").zip;

async function folderSources(prefix = ""): Promise<ZipSource[]> {
  const files = (await readdir(folder, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
  return Promise.all(
    files.map(async (file) => {
      const full = join(file.parentPath, file.name);
      return { name: prefix + relative(folder, full), data: await readFile(full) };
    }),
  );
}

const summary = (items: TSourceItem[]) =>
  items.map((item) => (item.kind === "interaction" ? `${item.sourceId} ${item.groupSize} ${item.participants.map((p) => p.handle).join(",")}` : item.kind === "person" ? `person ${item.sourceId}` : `issue ${item.code}`));

describe("parseSlackExport", () => {
  it("reads the fixture folder: people, threads, DMs, group DMs; skips joins, bots and bad files", async () => {
    let last: ParseProgress | undefined;
    const { people, interactions, issues } = await collect(parseSlackExport(folder, { onProgress: (p) => (last = p) }));
    for (const item of [...people, ...interactions]) ZSourceItem.parse(item);
    expect(people.map((p) => p.sourceId)).toEqual(["U01ALEX", "U02DANA", "U03LI", "U04ZOE"]);
    expect(people[0]).toMatchObject({ names: ["Alex Owner", "alex"], emails: ["alex.owner@gmail.com"], title: "Founder", socialHandles: { slack: "U01ALEX" } });
    expect(issues.map((i) => i.code).sort()).toEqual(["invalid_json", "invalid_user"]);
    expect(last?.filtered).toEqual({ join_leave: 2, bot: 1, system_message: 1 });

    // Conversations come in folder order (D01ALEXDANA, general, mpdm-…), messages in date order within each.
    const [dmIn, dmOut, parent, reply, lateReply, plain, group] = interactions;
    expect(parent).toMatchObject({ sourceId: "C01GENERAL:1788253200.000100", groupSize: 3, direction: "one_way", metadata: { conversationType: "channel", conversationSize: 4, isReply: false } });
    expect(parent?.participants).toEqual([
      { handle: "slack:U01ALEX", email: "alex.owner@gmail.com", name: "Alex Owner", role: "poster" },
      { handle: "slack:U02DANA", email: "dana@stripe.com", name: "Dana Smith", role: "member" },
      { handle: "slack:U04ZOE", name: "Zoë Müller", role: "member" },
    ]);
    expect(reply).toMatchObject({ groupSize: 3, direction: "two_way", inReplyTo: "C01GENERAL:1788253200.000100", threadId: "C01GENERAL:1788253200.000100" });
    expect(reply?.participants.map((p) => p.handle)).toEqual(["slack:U02DANA", "slack:U01ALEX", "slack:U04ZOE"]);
    expect(lateReply?.participants.map((p) => p.handle)).toEqual(["slack:U04ZOE", "slack:U01ALEX", "slack:U02DANA"]);
    expect(plain).toMatchObject({ groupSize: 4, timestamp: new Date("2026-09-02T11:30:00.000Z") });
    expect(dmIn).toMatchObject({ groupSize: 2, metadata: { conversationType: "dm" }, position: { row: 1, entry: "D01ALEXDANA/2026-09-03.json" } });
    expect(dmOut?.participants.map((p) => p.role)).toEqual(["poster", "member"]);
    expect(group).toMatchObject({ groupSize: 3, metadata: { conversationType: "group_dm" } });
    expect(interactions).toHaveLength(7);
    expect(JSON.stringify(interactions)).not.toMatch(/Kickoff|Lunch|intro me/);
  });

  it("lists only the poster of a plain message in a channel above the member limit", async () => {
    const { interactions } = await collect(parseSlackExport(folder, { channelMemberLimit: 2 }));
    const plain = interactions.find((i) => i.sourceId.endsWith(":1788348600.000100"));
    expect(plain).toMatchObject({ groupSize: 4, participants: [expect.objectContaining({ handle: "slack:U03LI", role: "poster" })] });
  });

  it("turns a huddle into one call among those who joined, and names Slack Connect posters from their message", async () => {
    const day = [
      {
        type: "message", subtype: "huddle_thread", user: "USLACKBOT", text: "", ts: "1788508800.000200", no_notifications: true,
        room: { id: "R01HUDDLE", created_by: "U02DANA", date_start: 1788508800, date_end: 1788510600, participants: [], participant_history: ["U02DANA", "USLACKBOT", "U01ALEX", "U04ZOE", "U01ALEX"], channels: ["C01GENERAL"] },
      },
      { type: "message", subtype: "huddle_thread", user: "USLACKBOT", text: "", ts: "1788510700.000100", room: { id: "R01HUDDLE", created_by: "U02DANA", participant_history: ["U02DANA", "U01ALEX"] } },
      { type: "message", subtype: "huddle_thread", user: "USLACKBOT", text: "", ts: "1788512000.000100", room: { id: "R02ALONE", created_by: "U03LI", participant_history: ["U03LI"] } },
      { type: "message", user: "U09EXT", user_team: "T09NORTH", text: "hello from Northwind", ts: "1788512400.000100", user_profile: { real_name: "Priya Raman", display_name: "priya" } },
    ];
    const path = await zipFile("huddle.zip", [...(await folderSources()), { name: "general/2026-09-04.json", data: Buffer.from(JSON.stringify(day)) }]);
    let last: ParseProgress | undefined;
    const { interactions } = await collect(parseSlackExport(path, { onProgress: (p) => (last = p) }));
    for (const item of interactions) ZSourceItem.parse(item);
    expect(last?.filtered).toEqual({ join_leave: 2, bot: 1, system_message: 1, huddle_alone: 1, huddle_repeated: 1 });
    const huddle = interactions.find((i) => i.sourceId === "C01GENERAL:huddle:R01HUDDLE");
    expect(huddle).toMatchObject({
      channel: "call", direction: "two_way", groupSize: 3, timestamp: new Date(1788508800 * 1000),
      metadata: { conversationType: "channel", conversationSize: 4, durationMinutes: 30 },
    });
    expect(huddle?.participants).toEqual([
      { handle: "slack:U02DANA", email: "dana@stripe.com", name: "Dana Smith", role: "organizer" },
      { handle: "slack:U01ALEX", email: "alex.owner@gmail.com", name: "Alex Owner", role: "attendee" },
      { handle: "slack:U04ZOE", name: "Zoë Müller", role: "attendee" },
    ]);
    expect(interactions.filter((i) => i.sourceId.includes(":huddle:"))).toHaveLength(1);
    const connect = interactions.find((i) => i.sourceId === "C01GENERAL:1788512400.000100");
    expect(connect?.participants[0]).toEqual({ handle: "slack:U09EXT", name: "Priya Raman", role: "poster" });
    expect(interactions).toHaveLength(9);
    expect(JSON.stringify(interactions)).not.toMatch(/Northwind/);
  });

  it("reads the same export from a zip, with or without a wrapping folder", async () => {
    const fromFolder = summary((await collect(parseSlackExport(folder))).people as TSourceItem[]);
    for (const prefix of ["", "Acme Slack export Sep 1 2026 - Sep 3 2026/"]) {
      const path = await zipFile(`export-${prefix.length}.zip`, await folderSources(prefix));
      const items: TSourceItem[] = [];
      for await (const item of parseSlackExport(path)) items.push(item);
      expect(summary(items.filter((i) => i.kind === "person"))).toEqual(fromFolder);
      expect(items.filter((i) => i.kind === "interaction")).toHaveLength(7);
    }
  });

  it("refuses a zip bomb and too many entries with an actionable error", async () => {
    const bomb = await zipFile("bomb.zip", [...(await folderSources()), { name: "general/2026-09-04.json", data: Buffer.alloc(30 * 1024 * 1024, 0x20) }]);
    const error = await collect(parseSlackExport(bomb, { limits: { maxTotalBytes: 10 * 1024 * 1024 } })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceFormatError);
    expect((error as SourceFormatError).reasonCode).toBe("archive_too_large");
    expect((error as Error).message).toMatch(/inflate to more than 10485760 bytes.*zip bomb/);
    const many = await collect(parseSlackExport(bomb, { limits: { maxEntries: 3 } })).catch((e: unknown) => e);
    expect((many as Error).message).toMatch(/has 11 files, more than the limit of 3/);
  });

  it("refuses an entry whose inflated size exceeds what its header declares", async () => {
    const liar = await zipFile("liar.zip", [...(await folderSources()).filter((s) => !s.name.startsWith("general/")), { name: "general/2026-09-05.json", data: Buffer.from(`[${'{"type":"message","user":"U01ALEX","ts":"1.0"},'.repeat(200)}{}]`), declaredSize: 10 }]);
    const error = await collect(parseSlackExport(liar)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceFormatError);
    expect((error as SourceFormatError).reasonCode).toBe("invalid_zip");
  });

  it("skips and reports entries that escape the export root", async () => {
    const path = await zipFile("traversal.zip", [
      ...(await folderSources()),
      { name: "../../etc/cron.d/evil.json", data: Buffer.from("[]") },
      { name: "/etc/passwd", data: Buffer.from("root:x") },
    ]);
    const { interactions, issues } = await collect(parseSlackExport(path));
    expect(interactions).toHaveLength(7);
    expect(issues.filter((i) => i.code === "unsafe_path").map((i) => i.position.entry)).toEqual(["../../etc/cron.d/evil.json", "/etc/passwd"]);
  });

  it("rejects other zips and other files", async () => {
    // LinkedIn's export, recognised by its first entry or only by its directory: the message says where it belongs.
    const linkedin = await zipFile("linkedin.zip", [{ name: "Connections.csv", data: Buffer.from("Notes:\n") }]);
    const notSlack = await collect(parseSlackExport(linkedin)).catch((e: unknown) => e);
    expect((notSlack as Error).message).toMatch(/LinkedIn data export \(zip\), not a Slack export.*"linkedin" source/);
    const linkedinLater = await zipFile("linkedin-later.zip", [{ name: "Profile.csv", data: Buffer.from("x") }, { name: "Connections.csv", data: Buffer.from("Notes:\n") }]);
    const notSlackLater = await collect(parseSlackExport(linkedinLater)).catch((e: unknown) => e);
    expect((notSlackLater as Error).message).toMatch(/not a Slack workspace export.*LinkedIn's data export.*"linkedin" source/);
    const other = await zipFile("other.zip", [{ name: "Profile.csv", data: Buffer.from("x") }]);
    expect(((await collect(parseSlackExport(other)).catch((e: unknown) => e)) as Error).message).toMatch(/not a Slack workspace export\. Upload the zip/);
    const mbox = await collect(parseSlackExport(fixturePath("gmail-takeout.mbox"))).catch((e: unknown) => e);
    expect(mbox).toBeInstanceOf(SourceFormatError);
    expect((mbox as Error).message).toMatch(/mbox file \(Gmail Takeout\), not a Slack export/);
    expect(sniffSlackExport(writeZip([{ name: "users.json", data: Buffer.from("[]") }]))).toBe(true);
  });
});
