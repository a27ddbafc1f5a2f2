import { describe, expect, it } from "vitest";
import { SourceFormatError } from "../errors";
import { bytesOf, collect, fixtureStream } from "../testing/helpers";
import { ZInteractionObservation, type ParseProgress } from "../types";
import { parseCalendar, sniffCalendar } from "./calendar";

const now = new Date("2026-09-10T00:00:00Z");
const owner = ["alex.owner@gmail.com"];

describe("parseCalendar", () => {
  it("turns the fixture's meetings into interactions, one per occurrence up to now", async () => {
    let last: ParseProgress | undefined;
    const { interactions, issues } = await collect(parseCalendar(fixtureStream("calendar.ics", 100), { now, ownerEmails: owner, onProgress: (p) => (last = p) }));
    for (const interaction of interactions) ZInteractionObservation.parse(interaction);
    expect(interactions).toHaveLength(1 + 8 + 1 + 1 + 500);
    expect(last?.filtered).toEqual({ cancelled: 2, no_attendees: 1, future: 1, owner_declined: 1 });
    expect(issues).toEqual([expect.objectContaining({ severity: "warn", code: "occurrences_capped" })]);
    expect(issues[0]?.reason).toContain("617 times up to now; the most recent 500");

    const single = interactions.find((i) => i.sourceId === "7kukuqrf2bc9v3nq0a1b2c3d4e@google.com");
    expect(single).toMatchObject({
      sourceName: "calendar",
      timestamp: new Date("2026-09-02T16:30:00Z"),
      channel: "meeting",
      direction: "two_way",
      ownerDirection: "inbound",
      groupSize: 3,
      metadata: { allDay: false, durationMinutes: 45, recurring: false },
      // Declined Marcus and the boardroom are out; the email split by a fold is whole.
      participants: [
        { email: "dana@stripe.com", name: "Dana Smith", role: "organizer" },
        { email: "alex.owner@gmail.com", name: "Alex Owner", role: "attendee" },
        { email: "zoe.mueller@gruene-energie.de", role: "attendee" },
      ],
    });
    expect(JSON.stringify(interactions)).not.toMatch(/Partnership|Agenda|Stand-up|Oyster/);

    const weekly = interactions.filter((i) => i.sourceId.startsWith("weekly-1on1-zoe@google.com#"));
    expect(weekly.map((i) => i.sourceId.split("#")[1])).toEqual([
      "2026-07-06T08:00:00.000Z",
      "2026-07-13T08:00:00.000Z",
      "2026-07-27T08:00:00.000Z",
      "2026-08-03T08:00:00.000Z",
      "2026-08-17T08:00:00.000Z",
      "2026-08-24T08:00:00.000Z",
      "2026-08-31T08:00:00.000Z",
      "2026-09-07T08:00:00.000Z",
    ]);
    // The moved occurrence keeps its original id but happens at its new time.
    expect(weekly[3]).toMatchObject({ timestamp: new Date("2026-08-04T14:00:00Z"), ownerDirection: "outbound", metadata: { recurring: true } });

    const offsite = interactions.find((i) => i.sourceId === "offsite-2026@acme.example");
    expect(offsite).toMatchObject({ timestamp: new Date("2026-08-25T00:00:00Z"), groupSize: 3, metadata: { allDay: true, durationMinutes: 2880 } });
    // Asia/Tokyo has no VTIMEZONE in the file: converted with the IANA database.
    expect(interactions.find((i) => i.sourceId === "tokyo-1@example.org")?.timestamp).toEqual(new Date("2026-09-05T00:00:00Z"));
    const standups = interactions.filter((i) => i.sourceId.startsWith("standup@acme.example#"));
    expect(standups).toHaveLength(500);
    expect(standups.at(-1)?.timestamp).toEqual(new Date("2026-09-09T09:00:00Z"));
  });

  it("keeps the most recent occurrences under a small cap, and subjects only when asked", async () => {
    const { interactions, issues } = await collect(parseCalendar(fixtureStream("calendar.ics", 4096), { now, maxOccurrencesPerEvent: 3, includeSubjects: true }));
    const weekly = interactions.filter((i) => i.sourceId.startsWith("weekly-1on1-zoe"));
    expect(weekly.map((i) => i.timestamp.toISOString().slice(0, 10))).toEqual(["2026-08-24", "2026-08-31", "2026-09-07"]);
    expect(weekly[0]?.metadata.subject).toBe("1:1 Zoë / Alex");
    expect(issues.filter((i) => i.code === "occurrences_capped")).toHaveLength(2);
    // Without ownerEmails, the meeting the owner declined still counts for the other two people.
    expect(interactions.find((i) => i.sourceId === "declined-by-owner@google.com")?.groupSize).toBe(2);
  });

  it("relates an exception that comes before its master", async () => {
    const ics = [
      "BEGIN:VCALENDAR",
      "BEGIN:VEVENT",
      "UID:r1",
      "RECURRENCE-ID:20260902T090000Z",
      "DTSTART:20260902T150000Z",
      "ORGANIZER:mailto:a@x.example",
      "ATTENDEE;PARTSTAT=ACCEPTED:mailto:b@x.example",
      "END:VEVENT",
      "BEGIN:VEVENT",
      "UID:r1",
      "DTSTART:20260901T090000Z",
      "RRULE:FREQ=DAILY;COUNT=3",
      "ORGANIZER:mailto:a@x.example",
      "ATTENDEE;PARTSTAT=ACCEPTED:mailto:b@x.example",
      "END:VEVENT",
      "END:VCALENDAR",
      "",
    ].join("\r\n");
    const { interactions } = await collect(parseCalendar(bytesOf(ics), { now }));
    expect(interactions.map((i) => `${i.sourceId} ${i.timestamp.toISOString()}`)).toEqual([
      "r1#2026-09-01T09:00:00.000Z 2026-09-01T09:00:00.000Z",
      "r1#2026-09-02T09:00:00.000Z 2026-09-02T15:00:00.000Z",
      "r1#2026-09-03T09:00:00.000Z 2026-09-03T09:00:00.000Z",
    ]);
  });

  it("relates an exception written further down the file, after other events", async () => {
    const event = (lines: string[]) => ["BEGIN:VEVENT", ...lines, "ORGANIZER:mailto:a@x.example", "ATTENDEE;PARTSTAT=ACCEPTED:mailto:b@x.example", "END:VEVENT"];
    const ics = [
      "BEGIN:VCALENDAR",
      ...event(["UID:w3", "DTSTART:20260901T140000Z", "RRULE:FREQ=WEEKLY;COUNT=3"]),
      ...event(["UID:other", "DTSTART:20260903T100000Z"]),
      // The 8 Sep occurrence moved to 17:00.
      ...event(["UID:w3", "RECURRENCE-ID:20260908T140000Z", "DTSTART:20260908T170000Z"]),
      "END:VCALENDAR",
      "",
    ].join("\r\n");
    const { interactions } = await collect(parseCalendar(bytesOf(ics), { now }));
    expect(interactions.map((i) => `${i.sourceId} ${i.timestamp.toISOString()}`).sort()).toEqual([
      "other 2026-09-03T10:00:00.000Z",
      "w3#2026-09-01T14:00:00.000Z 2026-09-01T14:00:00.000Z",
      "w3#2026-09-08T14:00:00.000Z 2026-09-08T17:00:00.000Z",
    ]);
  });

  it("relates an exception written before its series, with other events between", async () => {
    const event = (lines: string[]) => ["BEGIN:VEVENT", ...lines, "ORGANIZER:mailto:a@x.example", "ATTENDEE;PARTSTAT=ACCEPTED:mailto:b@x.example", "END:VEVENT"];
    const ics = [
      "BEGIN:VCALENDAR",
      ...event(["UID:w4", "RECURRENCE-ID:20260908T140000Z", "DTSTART:20260908T170000Z"]),
      ...event(["UID:other", "DTSTART:20260903T100000Z"]),
      ...event(["UID:w4", "DTSTART:20260901T140000Z", "RRULE:FREQ=WEEKLY;COUNT=3"]),
      // An exception whose series never comes is still a meeting of its own.
      ...event(["UID:lost", "RECURRENCE-ID:20260902T090000Z", "DTSTART:20260902T100000Z"]),
      "END:VCALENDAR",
      "",
    ].join("\r\n");
    const { interactions } = await collect(parseCalendar(bytesOf(ics), { now }));
    expect(interactions.map((i) => `${i.sourceId} ${i.timestamp.toISOString()}`).sort()).toEqual([
      "lost#2026-09-02T09:00:00.000Z 2026-09-02T10:00:00.000Z",
      "other 2026-09-03T10:00:00.000Z",
      "w4#2026-09-01T14:00:00.000Z 2026-09-01T14:00:00.000Z",
      "w4#2026-09-08T14:00:00.000Z 2026-09-08T17:00:00.000Z",
    ]);
  });

  it("reports a truncated file and a broken event, keeping the rest", async () => {
    const ics = [
      "BEGIN:VCALENDAR",
      "BEGIN:VEVENT",
      "UID:ok",
      "DTSTART:20260901T090000Z",
      "ORGANIZER:mailto:a@x.example",
      "ATTENDEE:mailto:b@x.example",
      "END:VEVENT",
      "BEGIN:VEVENT",
      "UID:broken",
      "DTSTART:not-a-date",
      "ORGANIZER:mailto:a@x.example",
      "ATTENDEE:mailto:b@x.example",
      "END:VEVENT",
      "BEGIN:VEVENT",
      "UID:cut",
      "DTSTART:2026",
    ].join("\r\n");
    const { interactions, issues } = await collect(parseCalendar(bytesOf(ics), { now }));
    expect(interactions.map((i) => i.sourceId)).toEqual(["ok"]);
    // The broken event is reported when its UID group closes, after the truncation found at the end.
    expect(issues.map((i) => `${i.code}@${i.position.line}`).sort()).toEqual(["invalid_event@8", "truncated@14"]);
  });

  it("rejects a vCard file", async () => {
    const error = await collect(parseCalendar(fixtureStream("contacts-v4.vcf"))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceFormatError);
    expect((error as Error).message).toMatch(/vCard \(\.vcf\) file, not an iCalendar/);
    expect(sniffCalendar(Buffer.from("BEGIN:VCALENDAR\r\n"))).toBe(true);
  });
});
