// users.json and the conversation lists (channels.json, groups.json, dms.json, mpims.json) of a Slack
// export: who is who (emails live in user profiles) and who is in which conversation.
import { z } from "zod";
import { normalizeEmail } from "../normalize-email";
import type { TPersonObservation } from "../types";

const ZSlackUser = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  real_name: z.string().optional(),
  deleted: z.boolean().optional(),
  is_bot: z.boolean().optional(),
  is_app_user: z.boolean().optional(),
  profile: z
    .looseObject({
      email: z.string().optional(),
      real_name: z.string().optional(),
      display_name: z.string().optional(),
      title: z.string().optional(),
      phone: z.string().optional(),
    })
    .optional(),
});
type SlackUser = z.infer<typeof ZSlackUser>;

const ZConversation = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  members: z.array(z.string()).optional(),
});

export interface SlackPerson {
  id: string;
  email?: string;
  name?: string;
  isBot: boolean;
}

export type ConversationType = "channel" | "private_channel" | "dm" | "group_dm";

export interface SlackConversation {
  id: string;
  /** The folder its day files live in: the channel name, or the id for DMs. */
  folder: string;
  type: ConversationType;
  members: string[];
}

export const CONVERSATION_LISTS: Record<string, ConversationType> = {
  "channels.json": "channel",
  "groups.json": "private_channel",
  "dms.json": "dm",
  "mpims.json": "group_dm",
};

/** Parses users.json; invalid entries are counted, not fatal. */
export function readUsers(json: unknown): { people: SlackPerson[]; observations: TPersonObservation[]; invalid: number } {
  const people: SlackPerson[] = [];
  const observations: TPersonObservation[] = [];
  let invalid = 0;
  (Array.isArray(json) ? json : []).forEach((raw: unknown, index) => {
    const parsed = ZSlackUser.safeParse(raw);
    if (!parsed.success) {
      invalid += 1;
      return;
    }
    const user = parsed.data;
    const person = toPerson(user);
    people.push(person);
    if (!person.isBot) observations.push(toObservation(user, person, index + 1));
  });
  return { people, observations, invalid };
}

function toPerson(user: SlackUser): SlackPerson {
  const email = normalizeEmail(user.profile?.email ?? "");
  const name = user.profile?.real_name || user.real_name || user.profile?.display_name || user.name;
  const person: SlackPerson = { id: user.id, isBot: user.is_bot === true || user.is_app_user === true || user.id === "USLACKBOT" };
  if (email) person.email = email;
  if (name) person.name = name;
  return person;
}

function toObservation(user: SlackUser, person: SlackPerson, row: number): TPersonObservation {
  const names = [user.profile?.real_name, user.real_name, user.profile?.display_name].map((n) => n?.trim()).filter((n): n is string => Boolean(n));
  const observation: TPersonObservation = {
    kind: "person",
    sourceName: "slack",
    sourceId: user.id,
    names: [...new Set(names)],
    emails: person.email ? [person.email] : [],
    phones: user.profile?.phone?.trim() ? [user.profile.phone.trim()] : [],
    socialHandles: { slack: user.id },
    position: { row, entry: "users.json" },
  };
  if (user.profile?.title?.trim()) observation.title = user.profile.title.trim();
  return observation;
}

/** Parses one conversation list; DMs are foldered by id, everything else by name. */
export function readConversations(json: unknown, type: ConversationType): SlackConversation[] {
  const conversations: SlackConversation[] = [];
  for (const raw of Array.isArray(json) ? json : []) {
    const parsed = ZConversation.safeParse(raw);
    if (!parsed.success) continue;
    const { id, name, members } = parsed.data;
    conversations.push({ id, folder: type === "dm" ? id : name ?? id, type, members: members ?? [] });
  }
  return conversations;
}
