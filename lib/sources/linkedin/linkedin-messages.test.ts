import { describe, expect, it } from "vitest";
import { SourceFormatError } from "../errors";
import { bytesOf, collect, fixtureStream } from "../testing/helpers";
import { ZInteractionObservation, type ParseProgress } from "../types";
import { stableId } from "../stable-id";
import { inferLinkedInMessagesOwner, parseLinkedInMessages } from "./linkedin-messages";

describe("parseLinkedInMessages", () => {
  it("turns messages into interactions without content, marking group threads", async () => {
    let last: ParseProgress | undefined;
    const { interactions, issues } = await collect(
      parseLinkedInMessages(fixtureStream("linkedin-messages.csv"), { ownerProfileUrl: "https://www.linkedin.com/in/Alex-Owner/", onProgress: (p) => (last = p) }),
    );
    for (const interaction of interactions) ZInteractionObservation.parse(interaction);
    expect(interactions).toHaveLength(3);
    const [incoming, reply, group] = interactions;
    expect(incoming).toMatchObject({
      sourceId: stableId("linkedin-msg", ["2-YTk0ZTM2ZDAtOGQ5Zi00", "2026-09-02T10:15:33.000Z", "dana-smith-4a1b2c"]),
      timestamp: new Date("2026-09-02T10:15:33Z"),
      channel: "linkedin",
      direction: "one_way",
      ownerDirection: "inbound",
      groupSize: 2,
      threadId: "2-YTk0ZTM2ZDAtOGQ5Zi00",
      metadata: { conversationType: "dm" },
      participants: [
        { name: "Dana Smith", handle: "linkedin:dana-smith-4a1b2c", role: "from" },
        { name: "Alex Owner", handle: "linkedin:alex-owner", role: "to" },
      ],
    });
    expect(reply).toMatchObject({ ownerDirection: "outbound", groupSize: 2 });
    expect(reply?.participants[1]?.handle).toBe("linkedin:dana-smith-4a1b2c");
    expect(group).toMatchObject({ groupSize: 3, metadata: { conversationType: "group_dm" } });
    expect(group?.participants.map((p) => p.name)).toEqual(["Priya Raman", "Alex Owner", "Marcus Okafor"]);
    // No content or subject anywhere in the output.
    expect(JSON.stringify(interactions)).not.toMatch(/introduce|Intro\?|quotes|Sponsored/);
    expect(issues).toEqual([expect.objectContaining({ code: "invalid_row", severity: "skip", position: { row: 6 } })]);
    expect(last?.filtered).toEqual({ no_sender: 1, draft: 1 });
  });

  it("keeps subjects only when asked", async () => {
    const { interactions } = await collect(parseLinkedInMessages(fixtureStream("linkedin-messages.csv"), { includeSubjects: true }));
    expect(interactions[0]?.metadata.subject).toBe("Intro?");
    expect(interactions[0]?.ownerDirection).toBeUndefined();
  });

  it("rejects Connections.csv uploaded as messages", async () => {
    const error = await collect(parseLinkedInMessages(fixtureStream("linkedin-connections.csv"))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceFormatError);
    expect((error as Error).message).toMatch(/LinkedIn Connections\.csv export, not a LinkedIn messages\.csv export/);
  });

  it("rejects an empty file", async () => {
    const error = await collect(parseLinkedInMessages(bytesOf(""))).catch((e: unknown) => e);
    expect((error as SourceFormatError).reasonCode).toBe("empty_file");
  });

  it("lets the owner take part under their address when it is given, so the conversations are their ties", async () => {
    const owner = "alex.owner@gmail.com";
    const { interactions } = await collect(
      parseLinkedInMessages(fixtureStream("linkedin-messages.csv"), { ownerProfileUrl: "https://www.linkedin.com/in/alex-owner", ownerEmails: [" Alex.Owner@Gmail.com "] }),
    );
    for (const interaction of interactions) {
      ZInteractionObservation.parse(interaction);
      const mine = interaction.participants.filter((participant) => participant.handle === "linkedin:alex-owner");
      expect(mine).toEqual([expect.objectContaining({ email: owner })]);
      expect(interaction.participants.filter((participant) => participant.email !== undefined)).toHaveLength(1);
    }
    // Without the profile, nobody gets the address.
    const { interactions: plain } = await collect(parseLinkedInMessages(fixtureStream("linkedin-messages.csv"), { ownerEmails: [owner] }));
    expect(plain.flatMap((interaction) => interaction.participants).some((participant) => participant.email)).toBe(false);
  });
});

describe("inferLinkedInMessagesOwner", () => {
  const header = "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\n";
  const row = (conversation: string, from: string, to: string, date: string) =>
    `${conversation},,${from},https://www.linkedin.com/in/${from},${to},https://www.linkedin.com/in/${to},${date} UTC,,hi,INBOX\n`;

  it("finds the one person in every conversation", async () => {
    expect(await inferLinkedInMessagesOwner(fixtureStream("linkedin-messages.csv"))).toBe("https://www.linkedin.com/in/alex-owner");
    const csv = header + row("c1", "dana", "me", "2026-09-01 10:00:00") + row("c2", "me", "li", "2026-09-02 10:00:00") + row("c3", "raj", "me", "2026-09-03 10:00:00");
    expect(await inferLinkedInMessagesOwner(bytesOf(csv))).toBe("https://www.linkedin.com/in/me");
  });

  it("gives up when not exactly one person is in every conversation, or the file is not messages.csv", async () => {
    // One conversation: both people are in all of them.
    expect(await inferLinkedInMessagesOwner(bytesOf(header + row("c1", "dana", "me", "2026-09-01 10:00:00")))).toBeNull();
    // Nobody in both.
    expect(await inferLinkedInMessagesOwner(bytesOf(header + row("c1", "dana", "me", "2026-09-01 10:00:00") + row("c2", "li", "raj", "2026-09-02 10:00:00")))).toBeNull();
    expect(await inferLinkedInMessagesOwner(bytesOf("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"))).toBeNull();
  });
});
