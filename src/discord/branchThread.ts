// src/discord/branchThread.ts: a reply to an older result starts a new thread from that point; the original stays as it was.
import type { Channel, ThreadChannel } from "discord.js";
import { newConversation } from "../conversation/newConversation.js";
import type { Conversation } from "../conversation/types.js";
import type { Deps } from "../deps.js";
import type { Settings } from "../moderation/settings.js";
import { messages } from "./messages.js";
import { openThread, threadParentOf } from "./openThread.js";
import { threadTitle } from "./threadTitle.js";
import { versionsOf } from "./turnActions.js";

/** The index of the exchange a message id shows, if it is an older result (not the latest, which is a plain next turn). */
export function olderResultIndex(conversation: Conversation, messageId: string | undefined): number | undefined {
	if (!messageId) return undefined;
	const index = conversation.exchanges.findIndex((exchange) => exchange.messageIds.includes(messageId));
	return index >= 0 && index < conversation.exchanges.length - 1 ? index : undefined;
}

/** Opens the branch thread with the history up to exchange `index`, and links the two threads. */
export async function branchThread(
	deps: Deps,
	original: ThreadChannel,
	conversation: Conversation,
	index: number,
	requesterId: string,
	replyTo: string,
	settings: Settings,
): Promise<ThreadChannel | undefined> {
	const parent = threadParentOf(original as Channel);
	if (!parent) return undefined;
	const base = conversation.exchanges[index];
	const version = versionsOf(base);
	const thread = await openThread(parent, threadTitle(conversation.title, "⑂ "), {
		reason: "Branch of an image conversation",
		memberId: requesterId,
		threads: settings.threads,
	});
	await deps.store.saveConversation({
		...newConversation({
			id: thread.id,
			guildId: conversation.guildId ?? null,
			ownerId: requesterId,
			model: conversation.model,
			title: thread.name,
			options: conversation.options,
		}),
		exchanges: conversation.exchanges.slice(0, index + 1),
		nextVersion: conversation.nextVersion,
		nextTurn: conversation.nextTurn,
		branchOf: { conversationId: conversation.id, turn: base?.turn ?? 0 },
	});
	await thread.send({ content: messages.branchedFrom(original.id, version), allowedMentions: { parse: [] } });
	await original.send({
		content: messages.branched(thread.id, version),
		reply: { messageReference: replyTo, failIfNotExists: false },
		allowedMentions: { parse: [], repliedUser: false },
	});
	return thread;
}
