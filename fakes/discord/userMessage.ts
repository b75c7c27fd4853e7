// A human (or another bot, or a webhook) posting a message, dispatched as MESSAGE_CREATE.
import type { FakeContext } from "./context.js";
import { dispatchChannel, dispatchMessageCreate } from "./events.js";
import { assertMayAct } from "./interactionPayload.js";
import { computeMentions } from "./messageBody.js";
import { PERMISSIONS } from "./permissions.js";
import { isThread } from "./state.js";
import type { FakeAttachmentInput, StoredMessage } from "./types.js";

export interface UserMessageOptions {
	channelId: string;
	content: string;
	/** Defaults to the seeded user, or the seeded other bot when `bot` is set. */
	authorId?: string;
	attachments?: FakeAttachmentInput[];
	/** A message id: the new message replies to it (message_reference + referenced_message). */
	replyTo?: string;
	bot?: boolean;
	/** Posts as this webhook (author id = webhook id, webhook_id set, no member). */
	webhookId?: string;
}

export function postUserMessage(context: FakeContext, options: UserMessageOptions): StoredMessage {
	const { state } = context;
	const channel = state.requireChannel(options.channelId);
	let author: StoredMessage["author"];
	if (options.webhookId) {
		author = { id: options.webhookId, username: "Captain Hook", bot: true };
	} else {
		const authorId = options.authorId ?? (options.bot ? state.ids.otherBotId : state.ids.userId);
		const user = state.requireUser(authorId);
		const permission = isThread(channel) ? PERMISSIONS.SendMessagesInThreads : PERMISSIONS.SendMessages;
		assertMayAct(context, user.id, channel.id, permission, "send messages");
		author = { id: user.id, username: user.username, ...(user.bot || options.bot ? { bot: true } : {}) };
		if (isThread(channel)) state.threadMembers.get(channel.id)?.add(user.id);
	}
	if (channel.thread_metadata?.archived) {
		channel.thread_metadata.archived = false;
		channel.thread_metadata.archive_timestamp = new Date().toISOString();
		dispatchChannel(context, "UPDATE", channel);
	}
	let replied: StoredMessage | undefined;
	if (options.replyTo !== undefined) {
		replied = state.messagesById.get(options.replyTo);
		if (!replied || replied.deleted || replied.channel_id !== channel.id) {
			throw new Error(`fake Discord: cannot reply to ${options.replyTo}: no such message in ${channel.id}`);
		}
	}
	const message = state.createMessage({
		channel_id: channel.id,
		...(channel.guild_id ? { guild_id: channel.guild_id } : {}),
		author,
		content: options.content,
		embeds: [],
		components: [],
		attachments: (options.attachments ?? []).map((input) => state.createAttachment(input, { channelId: channel.id })),
		flags: 0,
		type: replied ? 19 : 0,
		mentions: computeMentions(options.content, undefined, replied?.author.id),
		...(replied
			? {
					message_reference: {
						message_id: replied.id,
						channel_id: channel.id,
						...(channel.guild_id ? { guild_id: channel.guild_id } : {}),
					},
				}
			: {}),
		...(options.webhookId ? { webhook_id: options.webhookId } : {}),
	});
	dispatchMessageCreate(context, message);
	return message;
}
