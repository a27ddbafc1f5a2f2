// ORGANIZER and ATTENDEE properties → participants. Who counts: people who did not decline. Rooms and
// resources (CUTYPE=ROOM/RESOURCE, Google's resource and group calendars), non-participants and
// delegators are not people in the meeting.
import ICAL from "ical.js";
import { normalizeEmail } from "../normalize-email";
import type { TParticipant } from "../types";

type Component = InstanceType<typeof ICAL.Component>;
type Property = InstanceType<typeof ICAL.Property>;

const NOT_PEOPLE_DOMAINS = ["resource.calendar.google.com", "group.calendar.google.com", "group.v.calendar.google.com"];

export interface EventPeople {
  participants: TParticipant[];
  /** Lowercased emails of attendees who declined. */
  declined: string[];
}

export function eventPeople(event: Component): EventPeople {
  const participants: TParticipant[] = [];
  const declined: string[] = [];
  const organizer = event.getFirstProperty("organizer");
  if (organizer) addPerson(participants, organizer, "organizer");
  for (const attendee of event.getAllProperties("attendee")) {
    const partstat = param(attendee, "partstat")?.toUpperCase();
    const cutype = param(attendee, "cutype")?.toUpperCase();
    const role = param(attendee, "role")?.toUpperCase();
    if (cutype === "ROOM" || cutype === "RESOURCE" || role === "NON-PARTICIPANT") continue;
    if (partstat === "DECLINED" || partstat === "DELEGATED") {
      const email = emailOf(attendee);
      if (email) declined.push(email);
      continue;
    }
    addPerson(participants, attendee, "attendee");
  }
  // An organizer who declined their own meeting (Google lists them as an attendee too) is not in it.
  return { participants: participants.filter((p) => !p.email || !declined.includes(p.email)), declined };
}

function addPerson(participants: TParticipant[], property: Property, role: "organizer" | "attendee"): void {
  const email = emailOf(property);
  const name = param(property, "cn")?.trim();
  if (email && NOT_PEOPLE_DOMAINS.some((domain) => email.endsWith(`@${domain}`))) return;
  if (!email && !name) return;
  // The organizer usually appears again as an attendee; the first (organizer) entry wins.
  if (email && participants.some((p) => p.email === email)) return;
  const participant: TParticipant = { role };
  if (email) participant.email = email;
  if (name && name.toLowerCase() !== email) participant.name = name;
  participants.push(participant);
}

function emailOf(property: Property): string | undefined {
  const value = property.getFirstValue();
  const text = typeof value === "string" ? value : "";
  // Some producers put the address only in the EMAIL parameter (RFC 7986) and a URN in the value.
  const candidate = /^mailto:/i.test(text) ? text : param(property, "email") ?? text;
  return normalizeEmail(candidate) || undefined;
}

function param(property: Property, name: string): string | undefined {
  const value = property.getParameter(name);
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" ? first : undefined;
}
