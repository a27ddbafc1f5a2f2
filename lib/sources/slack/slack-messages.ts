// One Slack message → an interaction between the poster and the people it reached, or a filter reason.
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
});

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
  "huddle_thread",
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

  const participants: TParticipant[] = [...ids].map((id) => participant(id, id === poster ? "poster" : "member", context.people));
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

function participant(id: string, role: "poster" | "member", people: ReadonlyMap<string, SlackPerson>): TParticipant {
  const person = people.get(id);
  const result: TParticipant = { handle: `slack:${id}`, role };
  if (person?.email) result.email = person.email;
  if (person?.name) result.name = person.name;
  return result;
}
