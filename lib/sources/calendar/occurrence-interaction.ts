// One event occurrence → a meeting interaction, or the reason it is not one (cancelled, declined by the
// owner, nobody else attending).
import ICAL from "ical.js";
import { stableId } from "../stable-id";
import type { TInteractionObservation } from "../types";
import { eventPeople } from "./event-participants";
import type { Occurrence } from "./event-occurrences";
import type { IcsBlock } from "./ics-blocks";

type Event = InstanceType<typeof ICAL.Event>;

export interface OccurrenceContext {
  block: IcsBlock;
  owners: ReadonlySet<string>;
  includeSubjects: boolean;
}

export function occurrenceInteraction(master: Event, occurrence: Occurrence, context: OccurrenceContext): TInteractionObservation | string {
  const item = occurrence.item.component;
  if (String(item.getFirstPropertyValue("status") ?? "").toUpperCase() === "CANCELLED") return "cancelled";
  const { participants, declined } = eventPeople(item);
  if (declined.some((email) => context.owners.has(email))) return "owner_declined";
  // A meeting needs at least two people; solo blocks and reminders are not interactions.
  if (participants.length < 2) return "no_attendees";

  const uid = master.uid || stableId("event", [occurrence.start.toISOString(), participants.map((p) => p.email ?? p.name).join(",")]);
  const interaction: TInteractionObservation = {
    kind: "interaction",
    sourceName: "calendar",
    // A recurring occurrence is named by its original start (RECURRENCE-ID), which stays stable when that
    // one occurrence is moved; a single event by its UID alone, which stays stable when it is rescheduled.
    sourceId: occurrence.recurrenceId ? `${uid}#${occurrence.recurrenceId.toISOString()}` : uid,
    timestamp: occurrence.start,
    channel: "meeting",
    direction: "two_way",
    participants,
    groupSize: participants.length,
    metadata: {
      allDay: occurrence.allDay,
      durationMinutes: Math.round((occurrence.end.getTime() - occurrence.start.getTime()) / 60000),
      recurring: occurrence.recurrenceId !== null,
    },
    position: { row: context.block.index, line: context.block.line },
  };
  const organizer = participants.find((p) => p.role === "organizer")?.email;
  if (organizer && context.owners.has(organizer)) interaction.ownerDirection = "outbound";
  else if (participants.some((p) => p.email && context.owners.has(p.email))) interaction.ownerDirection = "inbound";
  const summary = item.getFirstPropertyValue("summary");
  if (context.includeSubjects && typeof summary === "string" && summary.trim()) interaction.metadata.subject = summary.trim();
  return interaction;
}
