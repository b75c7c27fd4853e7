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
		createdAt: new Date().toISOString(),
		options: input.options,
		exchanges: [],
		nextVersion: 1,
		nextTurn: 1,
		droppedImagesNotified: false,
	};
}
