// src/discord/turns/sendAll.ts: posts rendered messages to a thread or DM, in order.
import type { MessageCreateOptions } from "discord.js";
import type { Outgoing } from "./renderReply.js";
import type { TurnChannel } from "./turnChannel.js";

/** Sends messages in order and returns their ids; nobody is ever pinged. */
export async function sendAll(
	channel: TurnChannel,
	outgoing: readonly Outgoing[],
	replyTo?: string,
): Promise<string[]> {
	const ids: string[] = [];
	for (const [index, message] of outgoing.entries()) {
		const options: MessageCreateOptions = {
			content: message.content || undefined,
			files: message.files.map((file) => ({ attachment: file.data, name: file.name })),
			components: message.components ?? [],
			allowedMentions: { parse: [], repliedUser: false },
		};
		if (replyTo && index === 0) options.reply = { messageReference: replyTo, failIfNotExists: false };
		ids.push((await channel.send(options)).id);
	}
	return ids;
}
