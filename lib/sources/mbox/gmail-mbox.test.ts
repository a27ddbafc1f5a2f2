import { describe, expect, it } from "vitest";
import { SourceFormatError } from "../errors";
import { emptyMboxStats, generateMbox } from "../testing/generate-mbox";
import { bytesOf, collect, fixtureStream } from "../testing/helpers";
import { ZInteractionObservation, type ParseProgress } from "../types";
import { parseGmailMbox, sniffMbox } from "./gmail-mbox";
import { inferMailboxOwner } from "./infer-mailbox-owner";

const OWNER = "alex.owner@gmail.com";

async function* rechunk(source: Iterable<Buffer>, size: number): AsyncGenerator<Buffer> {
  for (const buffer of source) for (let i = 0; i < buffer.length; i += size) yield buffer.subarray(i, i + size);
}

describe("parseGmailMbox", () => {
  it("reads headers from the Takeout fixture, filters spam, trash and bulk, never bodies", async () => {
    let last: ParseProgress | undefined;
    const { interactions, issues } = await collect(
      parseGmailMbox(fixtureStream("gmail-takeout.mbox", 61), { ownerEmails: ["Alex.Owner@gmail.com"], onProgress: (p) => (last = p) }),
    );
    for (const interaction of interactions) ZInteractionObservation.parse(interaction);
    expect(issues).toEqual([]);
    expect(last).toMatchObject({ done: true, records: 4, filtered: { spam: 1, trash: 1, mailing_list: 1, bulk: 1 } });
    const [intro, reply, chat, bcc] = interactions;
    expect(intro).toMatchObject({
      sourceName: "gmail",
      sourceId: "CAF=dana-intro-001@mail.gmail.com",
      timestamp: new Date("2026-09-02T08:15:00Z"),
      channel: "email",
      direction: "one_way",
      ownerDirection: "inbound",
      threadId: "1809876543210000001",
      groupSize: 4,
      metadata: { labels: ["Inbox", "Important", "Opened", "Category Personal"] },
      participants: [
        { email: "dana@stripe.com", name: "Smith, Dana", role: "from" },
        { email: "alex.owner@gmail.com", name: "Alex Owner", role: "to" },
        { email: "zoe.mueller@gruene-energie.de", name: "Zoë Müller", role: "to" },
        { email: "marcus.okafor@example.org", name: "Marcus Okafor", role: "cc" },
      ],
      position: { row: 1, byteOffset: 0 },
    });
    expect(reply).toMatchObject({
      ownerDirection: "outbound",
      inReplyTo: "CAF=dana-intro-001@mail.gmail.com",
      timestamp: new Date("2026-09-02T09:30:00Z"),
      metadata: { isReply: true, labels: ["Sent", "Opened"] },
    });
    expect(reply?.participants.map((p) => `${p.role}:${p.email}`)).toEqual(["from:alex.owner@gmail.com", "to:dana@stripe.com", "bcc:priya@raman.dev"]);
    expect(chat).toMatchObject({ channel: "message", groupSize: 2 });
    expect(chat?.sourceId).toMatch(/^mail:/);
    expect(bcc).toMatchObject({ groupSize: 2, ownerDirection: "inbound" });
    const json = JSON.stringify(interactions);
    expect(json).not.toMatch(/hear|offsite|happy to|Intro|Project Falcon/);
  });

  it("decodes subjects only when asked", async () => {
    const { interactions } = await collect(parseGmailMbox(fixtureStream("gmail-takeout.mbox", 4096), { includeSubjects: true }));
    expect(interactions[0]?.metadata.subject).toBe("Intro to Zoë – quick question");
    expect(interactions[0]?.ownerDirection).toBeUndefined();
  });

  // Correctness only (no timing): the throughput is measured outside the test suite. The timeout is generous
  // because the suite shares two cores with other work.
  it("parses a generated 2,000-message mbox identically whatever the chunk size", { timeout: 60_000 }, async () => {
    const stats = emptyMboxStats();
    const chunks = [...generateMbox({ messages: 2000, seed: 7 }, stats)];
    const byChunk: string[][] = [];
    for (const size of [1009, 1 << 20]) {
      let last: ParseProgress | undefined;
      const { interactions, issues } = await collect(parseGmailMbox(rechunk(chunks, size), { ownerEmails: [OWNER], onProgress: (p) => (last = p) }));
      expect(issues).toEqual([]);
      expect(interactions).toHaveLength(stats.personal + stats.sentByOwner);
      expect(last?.filtered).toEqual({ mailing_list: stats.mailingList, spam: stats.spam, trash: stats.trash });
      expect(interactions.filter((i) => i.ownerDirection === "outbound")).toHaveLength(stats.sentByOwner);
      expect(interactions.every((i) => i.ownerDirection !== undefined && i.groupSize >= 2)).toBe(true);
      if (byChunk.length === 0) for (const interaction of interactions) ZInteractionObservation.parse(interaction);
      byChunk.push(interactions.map((i) => `${i.sourceId}|${i.timestamp.toISOString()}|${i.participants.map((p) => p.email).join(",")}`));
    }
    expect(byChunk[1]).toEqual(byChunk[0]);
    expect(new Set(byChunk[0]).size).toBe(byChunk[0]?.length);
  });

  it("reports a message cut inside its headers as truncated and keeps the earlier ones", async () => {
    const text = [...generateMbox({ messages: 3, seed: 1 })].map((b) => b.toString("utf8")).join("");
    const cut = text.slice(0, text.lastIndexOf("X-Gm-Message-State"));
    const { interactions, issues } = await collect(parseGmailMbox(bytesOf(cut, 100)));
    expect(issues).toEqual([expect.objectContaining({ code: "truncated", severity: "skip", position: expect.objectContaining({ row: 3 }) })]);
    expect(interactions.length + 1).toBeLessThanOrEqual(3);
  });

  it("handles LF endings, headers without a blank line, and no Date (falls back to the separator)", async () => {
    const mbox = [
      "From a@b Wed Sep 02 08:15:00 +0000 2026",
      "From: A <a@b.example>",
      "To: c@d.example",
      "From b@c Thu Sep 03 08:15:00 +0000 2026",
      "From: B <b@c.example>",
      "To: c@d.example",
      "Message-ID: <x@y>",
      "",
      "body",
      "",
    ].join("\n");
    const { interactions, issues } = await collect(parseGmailMbox(bytesOf(mbox, 3)));
    expect(issues).toEqual([]);
    expect(interactions.map((i) => i.timestamp.toISOString())).toEqual(["2026-09-02T08:15:00.000Z", "2026-09-03T08:15:00.000Z"]);
    expect(interactions[1]?.position).toEqual({ row: 2, byteOffset: mbox.indexOf("From b@c") });
  });

  it("skips a message without a From address with a reason", async () => {
    const mbox = "From x Wed Sep 02 08:15:00 +0000 2026\r\nTo: c@d.example\r\nDate: Wed, 2 Sep 2026 08:15:00 +0000\r\n\r\nhi\r\n";
    const { issues } = await collect(parseGmailMbox(bytesOf(mbox)));
    expect(issues[0]).toMatchObject({ code: "invalid_message", severity: "skip", position: { row: 1, byteOffset: 0 } });
  });

  it("rejects a CSV uploaded as mbox", async () => {
    const error = await collect(parseGmailMbox(fixtureStream("linkedin-connections.csv"))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceFormatError);
    expect((error as Error).message).toMatch(/LinkedIn Connections\.csv export, not an mbox file/);
    expect(sniffMbox(Buffer.from("From 123@xxx Wed Sep 02 08:15:00 +0000 2026\r\n"))).toBe(true);
  });
});

describe("inferMailboxOwner", () => {
  it("prefers the sender of Sent messages", async () => {
    expect(await inferMailboxOwner(fixtureStream("gmail-takeout.mbox"))).toMatchObject({ email: OWNER, evidence: "sent_label", support: 1, sampled: 8 });
  });

  it("stops after the sample", async () => {
    const guess = await inferMailboxOwner(rechunk(generateMbox({ messages: 3000, owner: "me@example.com" }), 65536), { sampleSize: 500 });
    expect(guess).toMatchObject({ email: "me@example.com", evidence: "sent_label", sampled: 500 });
  });

  it("falls back to Delivered-To, then the most frequent sender", async () => {
    const deliveredTo = "From x Wed Sep 02 08:15:00 +0000 2026\nDelivered-To: me@x.example\nFrom: a@b.example\n\n";
    expect(await inferMailboxOwner(bytesOf(deliveredTo))).toMatchObject({ email: "me@x.example", evidence: "delivered_to" });
    const senders = "From x Wed Sep 02 08:15:00 +0000 2026\nFrom: me@x.example\n\nFrom y Wed Sep 02 08:15:00 +0000 2026\nFrom: me@x.example\n\n";
    expect(await inferMailboxOwner(bytesOf(senders))).toMatchObject({ email: "me@x.example", evidence: "most_frequent_sender", support: 2 });
  });
});
