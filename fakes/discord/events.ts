// Gateway dispatches for state changes, scoped by guild/shard and intents the way Discord scopes them.
import type { FakeContext } from "./context.js";
import { type DispatchScope, INTENTS } from "./gateway.js";
import { channelToApi, memberToApi, messageToGateway } from "./serialize.js";
import { CHANNEL_TYPES, isThread } from "./state.js";
import type { FakeChannel, StoredMessage } from "./types.js";

const EPHEMERAL = 1 << 6;

function messageScope(context: FakeContext, message: StoredMessage): DispatchScope {
	const channel = context.state.channels.get(message.channel_id);
	const isDirect = channel?.type === CHANNEL_TYPES.DM;
	const messageContent = { authorId: message.author.id, mentionIds: message.mentions, isDirect };
	if (isDirect || !channel?.guild_id) return { intent: INTENTS.DirectMessages, messageContent };
	return { guildId: channel.guild_id, intent: INTENTS.GuildMessages, messageContent };
}

/** Ephemeral messages never reach the gateway. */
export function dispatchMessageCreate(context: FakeContext, message: StoredMessage): void {
	if (message.flags & EPHEMERAL) return;
	context.gateway.dispatch("MESSAGE_CREATE", messageToGateway(context.state, message), messageScope(context, message));
}

export function dispatchMessageUpdate(context: FakeContext, message: StoredMessage): void {
	if (message.flags & EPHEMERAL) return;
	context.gateway.dispatch("MESSAGE_UPDATE", messageToGateway(context.state, message), messageScope(context, message));
}

export function dispatchMessageDelete(context: FakeContext, message: StoredMessage): void {
	if (message.flags & EPHEMERAL) return;
	const guildId = context.state.channels.get(message.channel_id)?.guild_id;
	const data = { id: message.id, channel_id: message.channel_id, ...(guildId ? { guild_id: guildId } : {}) };
	const { messageContent: _unused, ...scope } = messageScope(context, message);
	context.gateway.dispatch("MESSAGE_DELETE", data, scope);
}

export function dispatchReaction(
	context: FakeContext,
	event: "MESSAGE_REACTION_ADD" | "MESSAGE_REACTION_REMOVE",
	message: StoredMessage,
	userId: string,
	emoji: string,
): void {
	const guildId = context.state.channels.get(message.channel_id)?.guild_id;
	const data: Record<string, unknown> = {
		user_id: userId,
		channel_id: message.channel_id,
		message_id: message.id,
		emoji: { id: null, name: emoji },
		burst: false,
		type: 0,
	};
	if (guildId) {
		data.guild_id = guildId;
		if (event === "MESSAGE_REACTION_ADD") data.member = memberToApi(context.state, userId);
		data.message_author_id = message.author.id;
	}
	const scope: DispatchScope = guildId
		? { guildId, intent: INTENTS.GuildMessageReactions }
		: { intent: INTENTS.DirectMessageReactions };
	context.gateway.dispatch(event, data, scope);
}

/** CHANNEL_* for channels, THREAD_* for threads (THREAD_CREATE carries newly_created). */
export function dispatchChannel(
	context: FakeContext,
	change: "CREATE" | "UPDATE" | "DELETE",
	channel: FakeChannel,
): void {
	const thread = isThread(channel);
	const event = `${thread ? "THREAD" : "CHANNEL"}_${change}`;
	let data: Record<string, unknown> = channelToApi(channel);
	if (thread && change === "CREATE") data = { ...data, newly_created: true };
	if (thread && change === "DELETE")
		data = { id: channel.id, guild_id: channel.guild_id, parent_id: channel.parent_id, type: channel.type };
	context.gateway.dispatch(event, data, channel.guild_id ? { guildId: channel.guild_id, intent: INTENTS.Guilds } : {});
}

/** The bot always hears about its own member; other members need the privileged GUILD_MEMBERS intent. */
export function dispatchMemberUpdate(context: FakeContext, userId: string): void {
	const { state } = context;
	const data = { guild_id: state.guild.id, ...memberToApi(state, userId) };
	const intent = userId === state.botUser.id ? INTENTS.Guilds : INTENTS.GuildMembers;
	context.gateway.dispatch("GUILD_MEMBER_UPDATE", data, { guildId: state.guild.id, intent });
}
