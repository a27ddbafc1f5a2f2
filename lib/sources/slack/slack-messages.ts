// One Slack message → an interaction between the poster and the people it reached, or a filter reason.
// - A huddle (Slackbot's `huddle_thread` message, whose `room` lists who joined) is a call among the people
//   who joined it; one who sat in it alone is filtered.
// - A thread reply involves the poster, the parent's author and the other repliers.
// - A thread parent involves the poster and everyone who replied.
// - A plain message involves the conversation's members when it is a DM, a group DM or a small channel;
//   in a large channel only the poster is listed, and groupSize carries the audience so scoring can
//   discount it (a post to 300 people is not a tie to each of them).
import { z } from "zod";
import type { TInteractionObservation, TParticipant } from "../types";
import type { SlackConversation, SlackPerson } from "./slack-directory";

const ZMessage = z.looseObject({
  type: z.string().optional(),
  subtype: z.string().optional(),
  user: z.string().optional(),
  bot_id: z.string().optional(),
  ts: z.string(),
  thread_ts: z.string().optional(),
  parent_user_id: z.string().optional(),
  reply_users: z.array(z.string()).optional(),
  // Slack Connect: people from another workspace are not in users.json; their messages carry their profile.
  user_profile: z.looseObject({ real_name: z.string().optional(), display_name: z.string().optional(), name: z.string().optional() }).optional(),
  room: z
    .looseObject({
      id: z.string().optional(),
      created_by: z.string().optional(),
      date_start: z.number().optional(),
      date_end: z.number().optional(),
      participants: z.array(z.string()).optional(),
      participant_history: z.array(z.string()).optional(),
    })
    .optional(),
});
type SlackMessage = z.infer<typeof ZMessage>;

/** Membership changes and channel housekeeping are not conversation. */
const JOIN_LEAVE = new Set(["channel_join", "channel_leave", "group_join", "group_leave"]);
const SYSTEM = new Set([
  "channel_topic",
  "channel_purpose",
  "channel_name",
  "channel_archive",
  "channel_unarchive",
  "group_topic",
  "group_purpose",
  "group_name",
  "group_archive",
  "group_unarchive",
  "pinned_item",
  "unpinned_item",
  "bot_add",
  "bot_remove",
  "tombstone",
  "reminder_add",
  "channel_convert_to_private",
]);

export interface ThreadInfo {
  author?: string;
  repliers: Set<string>;
}

export interface MessageContext {
  conversation: SlackConversation;
  people: ReadonlyMap<string, SlackPerson>;
  /** Threads of the current conversation by thread_ts; day files are read in date order, parents first. */
  threads: Map<string, ThreadInfo>;
  /** Huddle rooms of the current conversation already turned into a call (Slack may post a room twice). */
  huddles: Set<string>;
  entry: string;
  includeBots: boolean;
  /** Channels up to this many members list them all as participants of plain messages. */
  memberLimit: number;
}

export function messageInteraction(raw: unknown, index: number, context: MessageContext): TInteractionObservation | string {
  const parsed = ZMessage.safeParse(raw);
  if (!parsed.success) return "invalid_message";
  const message = parsed.data;
  if ((message.type ?? "message") !== "message") return "not_a_message";
  if (message.room !== undefined || message.subtype === "huddle_thread") return huddleInteraction(message, index, context);
  if (message.subtype && JOIN_LEAVE.has(message.subtype)) return "join_leave";
  if (message.subtype && SYSTEM.has(message.subtype)) return "system_message";
  const poster = message.user;
  const isBot = message.subtype === "bot_message" || (poster ? context.people.get(poster)?.isBot === true : message.bot_id !== undefined);
  if (isBot && !context.includeBots) return "bot";
  if (!poster) return "no_author";
  const timestamp = new Date(Math.round(Number(message.ts) * 1000));
  if (Number.isNaN(timestamp.getTime())) return "invalid_message";

  const { conversation } = context;
  const isReply = message.thread_ts !== undefined && message.thread_ts !== message.ts;
  const ids = new Set<string>([poster]);
  if (message.thread_ts !== undefined) {
    const thread = threadInfo(context.threads, message.thread_ts);
    if (!isReply) thread.author = poster;
    const author = message.parent_user_id ?? thread.author;
    if (author) ids.add(author);
    for (const id of message.reply_users ?? []) thread.repliers.add(id);
    if (isReply) thread.repliers.add(poster);
    for (const id of thread.repliers) ids.add(id);
  }
  const memberCount = conversation.members.length;
  const listMembers = conversation.type === "dm" || conversation.type === "group_dm" || memberCount <= context.memberLimit;
  if (ids.size === 1 && listMembers) for (const id of conversation.members) ids.add(id);

  const posterName = profileName(message);
  const participants: TParticipant[] = [...ids].map((id) =>
    participant(id, id === poster ? "poster" : "member", context.people, id === poster ? posterName : undefined),
  );
  const threadId = message.thread_ts !== undefined ? `${conversation.id}:${message.thread_ts}` : undefined;
  const interaction: TInteractionObservation = {
    kind: "interaction",
    sourceName: "slack",
    sourceId: `${conversation.id}:${message.ts}`,
    timestamp,
    channel: "message",
    // A reply to someone else's thread is an exchange; a post is one-way until someone answers.
    direction: isReply && ids.size > 1 ? "two_way" : "one_way",
    participants,
    // A plain post to a big channel reaches its members even though they are not listed.
    groupSize: ids.size > 1 || memberCount === 0 ? ids.size : Math.max(ids.size, memberCount),
    metadata: { conversationType: conversation.type, conversationSize: memberCount, isReply },
    position: { row: index + 1, entry: context.entry },
  };
  if (threadId) interaction.threadId = threadId;
  if (isReply && threadId) interaction.inReplyTo = threadId;
  return interaction;
}

function threadInfo(threads: Map<string, ThreadInfo>, ts: string): ThreadInfo {
  let thread = threads.get(ts);
  if (!thread) {
    thread = { repliers: new Set() };
    threads.set(ts, thread);
  }
  return thread;
}

const SLACKBOT = "USLACKBOT";

/**
 * A huddle: a call among everyone who joined (`participant_history`; `participants` is who is still in it),
 * at its start, once per room however many messages mention it. Its starter comes first, as the organizer.
 */
function huddleInteraction(message: SlackMessage, index: number, context: MessageContext): TInteractionObservation | string {
  const room = message.room;
  if (!room) return "system_message";
  const joined = new Set([room.created_by, ...(room.participant_history ?? []), ...(room.participants ?? [])]);
  joined.delete(undefined);
  joined.delete(SLACKBOT);
  const ids = [...joined].filter((id): id is string => typeof id === "string" && id.length > 0 && context.people.get(id)?.isBot !== true);
  if (ids.length < 2) return "huddle_alone";
  const roomId = room.id ?? message.ts;
  if (context.huddles.has(roomId)) return "huddle_repeated";
  context.huddles.add(roomId);
  const startSeconds = room.date_start !== undefined && room.date_start > 0 ? room.date_start : Number(message.ts);
  const timestamp = new Date(Math.round(startSeconds * 1000));
  if (Number.isNaN(timestamp.getTime())) return "invalid_message";
  const { conversation } = context;
  const metadata: TInteractionObservation["metadata"] = { conversationType: conversation.type, conversationSize: conversation.members.length };
  if (room.date_end !== undefined && room.date_end > startSeconds) metadata.durationMinutes = Math.round((room.date_end - startSeconds) / 60);
  return {
    kind: "interaction",
    sourceName: "slack",
    sourceId: `${conversation.id}:huddle:${roomId}`,
    timestamp,
    channel: "call",
    // Everyone listed joined the call: both sides took part.
    direction: "two_way",
    participants: ids.map((id, position) => ({ ...participant(id, "member", context.people), role: position === 0 ? "organizer" : "attendee" })),
    groupSize: ids.length,
    metadata,
    position: { row: index + 1, entry: context.entry },
  };
}

/** The name a message carries for its poster (Slack Connect users are missing from users.json). */
function profileName(message: SlackMessage): string | undefined {
  const profile = message.user_profile;
  const name = profile?.real_name?.trim() || profile?.display_name?.trim() || profile?.name?.trim();
  return name || undefined;
}

function participant(id: string, role: TParticipant["role"], people: ReadonlyMap<string, SlackPerson>, fallbackName?: string): TParticipant {
  const person = people.get(id);
  const result: TParticipant = { handle: `slack:${id}`, role };
  if (person?.email) result.email = person.email;
  const name = person?.name ?? fallbackName;
  if (name) result.name = name;
  return result;
}
