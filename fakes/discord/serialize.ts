// Turns the fake's state into the JSON shapes Discord sends over REST and the gateway.
import { CHANNEL_TYPES, type FakeState, isThread } from "./state.js";
import type { FakeChannel, FakeUser, StoredAttachment, StoredMessage } from "./types.js";

export type Json = Record<string, unknown>;

export function userToApi(user: FakeUser): Json {
	return {
		id: user.id,
		username: user.username,
		global_name: user.global_name,
		discriminator: user.discriminator,
		avatar: user.avatar,
		public_flags: 0,
		flags: 0,
		banner: null,
		accent_color: null,
		avatar_decoration_data: null,
		...(user.bot ? { bot: true } : {}),
	};
}

/** A member object; `withUser` is false inside MESSAGE_CREATE, where the author is separate. */
export function memberToApi(state: FakeState, userId: string, withUser = true): Json | undefined {
	const member = state.members.get(userId);
	if (!member) return undefined;
	return {
		...(withUser ? { user: userToApi(state.requireUser(userId)) } : {}),
		roles: member.roles,
		nick: member.nick,
		avatar: null,
		banner: null,
		joined_at: member.joined_at,
		premium_since: null,
		deaf: false,
		mute: false,
		flags: 0,
		pending: false,
		communication_disabled_until: member.communication_disabled_until,
	};
}

export function channelToApi(channel: FakeChannel): Json {
	const { name, ...rest } = channel;
	const json: Json = { ...rest, recipients: channel.recipients?.map(userToApi) };
	if (channel.type !== CHANNEL_TYPES.DM) json.name = name;
	if (channel.recipients === undefined) delete json.recipients;
	if (channel.thread_metadata) json.thread_metadata = { ...channel.thread_metadata };
	return json;
}

export function attachmentToApi(attachment: StoredAttachment): Json {
	const { data: _data, ...rest } = attachment;
	return { ...rest, flags: 0 };
}

/** A message as REST returns it; `depth` stops referenced_message recursion like Discord does. */
export function messageToApi(state: FakeState, message: StoredMessage, depth = 0): Json {
	const author = state.users.get(message.author.id);
	const json: Json = {
		id: message.id,
		channel_id: message.channel_id,
		author: author ? userToApi(author) : { ...message.author, discriminator: "0000", avatar: null, global_name: null },
		content: message.content,
		timestamp: message.timestamp,
		edited_timestamp: message.edited_timestamp,
		tts: message.tts,
		mention_everyone: false,
		mentions: message.mentions.flatMap((id) => {
			const user = state.users.get(id);
			return user ? [userToApi(user)] : [];
		}),
		mention_roles: [],
		attachments: message.attachments.map(attachmentToApi),
		embeds: message.embeds,
		components: message.components,
		pinned: false,
		type: message.type,
		flags: message.flags,
	};
	if (message.reactions.length > 0) json.reactions = reactionsToApi(state, message);
	if (message.webhook_id) json.webhook_id = message.webhook_id;
	if (message.application_id) json.application_id = message.application_id;
	if (message.interaction_metadata) json.interaction_metadata = message.interaction_metadata;
	if (message.position !== undefined) json.position = message.position;
	if (message.nonce !== undefined) json.nonce = message.nonce;
	if (message.message_reference) {
		json.message_reference = { type: 0, ...message.message_reference };
		const referenced = state.messagesById.get(message.message_reference.message_id);
		if (depth === 0 && message.type !== 18) {
			json.referenced_message = referenced && !referenced.deleted ? messageToApi(state, referenced, depth + 1) : null;
		}
	}
	const thread = message.thread_id ? state.channels.get(message.thread_id) : undefined;
	if (thread && depth === 0) json.thread = channelToApi(thread);
	return json;
}

function reactionsToApi(state: FakeState, message: StoredMessage): Json[] {
	return message.reactions.map((reaction) => ({
		emoji: { id: null, name: reaction.emoji },
		count: reaction.userIds.length,
		count_details: { burst: 0, normal: reaction.userIds.length },
		me: reaction.userIds.includes(state.botUser.id),
		me_burst: false,
		burst_colors: [],
	}));
}

/** A message as MESSAGE_CREATE / MESSAGE_UPDATE carry it: plus guild_id, member and channel_type. */
export function messageToGateway(state: FakeState, message: StoredMessage): Json {
	const json = messageToApi(state, message);
	const channel = state.channels.get(message.channel_id);
	if (channel) json.channel_type = channel.type;
	if (channel?.guild_id) {
		json.guild_id = channel.guild_id;
		const member = message.webhook_id ? undefined : memberToApi(state, message.author.id, false);
		if (member) json.member = member;
	}
	return json;
}

export function guildToApi(state: FakeState): Json {
	return {
		id: state.guild.id,
		name: state.guild.name,
		icon: null,
		splash: null,
		discovery_splash: null,
		owner_id: state.guild.ownerId,
		afk_channel_id: null,
		afk_timeout: 300,
		widget_enabled: false,
		verification_level: 0,
		default_message_notifications: 1,
		explicit_content_filter: 2,
		roles: [...state.roles.values()],
		emojis: [],
		stickers: [],
		features: [],
		mfa_level: 0,
		application_id: null,
		system_channel_id: state.ids.textChannelId,
		system_channel_flags: 0,
		rules_channel_id: null,
		max_members: 500_000,
		vanity_url_code: null,
		description: null,
		banner: null,
		premium_tier: 0,
		premium_subscription_count: 0,
		preferred_locale: state.guildLocale,
		public_updates_channel_id: null,
		nsfw_level: 0,
		premium_progress_bar_enabled: false,
		safety_alerts_channel_id: null,
	};
}

/** The full GUILD_CREATE a freshly identified session receives, active threads included. */
export function guildCreateToGateway(state: FakeState): Json {
	const guildChannels = [...state.channels.values()].filter((channel) => channel.guild_id === state.guild.id);
	return {
		...guildToApi(state),
		joined_at: state.members.get(state.botUser.id)?.joined_at,
		large: false,
		unavailable: false,
		member_count: state.members.size,
		voice_states: [],
		members: [...state.members.keys()].flatMap((id) => memberToApi(state, id) ?? []),
		channels: guildChannels.filter((channel) => !isThread(channel)).map(channelToApi),
		threads: guildChannels
			.filter((channel) => isThread(channel) && !channel.thread_metadata?.archived)
			.map(channelToApi),
		presences: [],
		stage_instances: [],
		guild_scheduled_events: [],
		soundboard_sounds: [],
		embedded_activities: [],
	};
}
