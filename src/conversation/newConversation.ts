// src/conversation/newConversation.ts: the record a new thread or DM conversation starts with.
import type { Conversation, TurnOptions } from "./types.js";

/** A conversation with no exchanges yet, bound to channel `id`. */
export function newConversation(input: {
	id: string;
	guildId?: string | null;
	ownerId: string;
	model: string;
	title: string;
	options: TurnOptions;
}): Conversation {
	return {
		id: input.id,
		...(input.guildId ? { guildId: input.guildId } : {}),
		ownerId: input.ownerId,
		model: input.model,
		title: input.title,
		options: input.options,
		exchanges: [],
		nextVersion: 1,
		nextTurn: 1,
		droppedImagesNotified: false,
	};
}

/** The index of the exchange a message id shows, if it is an older result (not the latest, which is a plain next turn). */
export function olderResultIndex(conversation: Conversation, messageId: string | undefined): number | undefined {
	if (!messageId) return undefined;
	const index = conversation.exchanges.findIndex((exchange) => exchange.messageIds.includes(messageId));
	return index >= 0 && index < conversation.exchanges.length - 1 ? index : undefined;
}

/** A branch's record: the history up to exchange `index`, numbering carried on, and where it came from. */
export function branchConversation(
	conversation: Conversation,
	index: number,
	branch: { id: string; ownerId: string; title: string },
): Conversation {
	return {
		...newConversation({
			id: branch.id,
			guildId: conversation.guildId ?? null,
			ownerId: branch.ownerId,
			model: conversation.model,
			title: branch.title,
			options: conversation.options,
		}),
		exchanges: conversation.exchanges.slice(0, index + 1),
		nextVersion: conversation.nextVersion,
		nextTurn: conversation.nextTurn,
		branchOf: { conversationId: conversation.id, turn: conversation.exchanges[index]?.turn ?? 0 },
	};
}
