// Everything the fake Discord knows: one guild, its users, roles, channels, threads, messages and attachments.
import { randomBytes } from "node:crypto";
import { imageSize } from "./imageSize.js";
import type { InteractionRecord } from "./interactionRecord.js";
import { BASIC_MEMBER_PERMISSIONS, BOT_PERMISSIONS, MODERATOR_PERMISSIONS, memberPermissions } from "./permissions.js";
import { createSnowflakes } from "./snowflake.js";
import type {
	FakeAttachmentInput,
	FakeChannel,
	FakeMember,
	FakeRole,
	FakeUser,
	RegisteredCommands,
	StoredAttachment,
	StoredMessage,
} from "./types.js";

export const CHANNEL_TYPES = {
	GuildText: 0,
	DM: 1,
	GuildAnnouncement: 5,
	PublicThread: 11,
	PrivateThread: 12,
} as const;

export function isThread(channel: FakeChannel): boolean {
	return (
		channel.type === 10 || channel.type === CHANNEL_TYPES.PublicThread || channel.type === CHANNEL_TYPES.PrivateThread
	);
}

/** Fields a new message needs; the store fills in id, timestamps and bookkeeping. */
export type NewMessage = Omit<
	StoredMessage,
	"id" | "timestamp" | "edited_timestamp" | "edits" | "reactions" | "tts" | "mentions"
> &
	Partial<Pick<StoredMessage, "tts" | "mentions">>;

export class FakeState {
	readonly nextId = createSnowflakes();
	readonly users = new Map<string, FakeUser>();
	readonly members = new Map<string, FakeMember>();
	readonly roles = new Map<string, FakeRole>();
	readonly channels = new Map<string, FakeChannel>();
	readonly threadMembers = new Map<string, Set<string>>();
	readonly messagesById = new Map<string, StoredMessage>();
	readonly channelMessageIds = new Map<string, string[]>();
	readonly attachments = new Map<string, StoredAttachment>();
	readonly interactions = new Map<string, InteractionRecord>();
	readonly registeredCommands: RegisteredCommands = { global: [], guild: new Map() };
	readonly typing: string[] = [];
	/** Each user's Discord client language (interactions carry it as `locale`); en-US when unset. */
	readonly userLocales = new Map<string, string>();
	/** The guild's preferred_locale. */
	guildLocale = "en-US";

	readonly botUser: FakeUser;
	readonly token: string;
	readonly guild: { id: string; name: string; ownerId: string };
	readonly moderatorRoleId: string;
	readonly ids: {
		textChannelId: string;
		nsfwChannelId: string;
		userId: string;
		otherUserId: string;
		moderatorId: string;
		otherBotId: string;
		dmChannelId: string;
	};

	constructor(readonly baseUrl: string) {
		this.botUser = {
			id: this.nextId(),
			username: "Nano Banana",
			global_name: null,
			discriminator: "4242",
			avatar: null,
			bot: true,
		};
		this.users.set(this.botUser.id, this.botUser);
		this.token = `${Buffer.from(this.botUser.id).toString("base64url")}.ZmFrZQ.${randomBytes(20).toString("base64url")}`;
		const owner = this.addUser("guildowner");
		const userId = this.addUser("alice").id;
		const otherUserId = this.addUser("bob").id;
		const moderatorId = this.addUser("mod").id;
		const otherBotId = this.addUser("otherbot", true).id;
		this.guild = { id: this.nextId(), name: "Fake Guild", ownerId: owner.id };
		this.addRole({ id: this.guild.id, name: "@everyone", permissions: BASIC_MEMBER_PERMISSIONS, position: 0 });
		this.moderatorRoleId = this.addRole({
			name: "Moderator",
			permissions: BASIC_MEMBER_PERMISSIONS | MODERATOR_PERMISSIONS,
			position: 1,
		}).id;
		const botRole = this.addRole({
			name: this.botUser.username,
			permissions: BOT_PERMISSIONS,
			position: 2,
			managed: true,
		});
		botRole.tags = { bot_id: this.botUser.id };
		for (const user of [owner.id, userId, otherUserId, otherBotId]) this.addMember(user, []);
		this.addMember(moderatorId, [this.moderatorRoleId]);
		this.addMember(this.botUser.id, [botRole.id]);
		const textChannelId = this.addTextChannel("general").id;
		const nsfwChannelId = this.addTextChannel("after-dark", { nsfw: true }).id;
		const dmChannelId = this.dmChannelFor(userId).id;
		this.ids = { textChannelId, nsfwChannelId, userId, otherUserId, moderatorId, otherBotId, dmChannelId };
	}

	addUser(username: string, bot = false): FakeUser {
		const user: FakeUser = {
			id: this.nextId(),
			username,
			global_name: bot ? null : username,
			discriminator: "0",
			avatar: null,
		};
		if (bot) user.bot = true;
		this.users.set(user.id, user);
		return user;
	}

	addRole(role: { id?: string; name: string; permissions: bigint; position: number; managed?: boolean }): FakeRole {
		const stored: FakeRole = {
			id: role.id ?? this.nextId(),
			name: role.name,
			permissions: role.permissions.toString(),
			position: role.position,
			color: 0,
			hoist: false,
			managed: role.managed ?? false,
			mentionable: false,
			flags: 0,
		};
		this.roles.set(stored.id, stored);
		return stored;
	}

	addMember(userId: string, roles: string[]): FakeMember {
		const member: FakeMember = {
			userId,
			roles,
			nick: null,
			joined_at: new Date().toISOString(),
			communication_disabled_until: null,
		};
		this.members.set(userId, member);
		return member;
	}

	/** A new user who is a guild member with @everyone's permissions only, like someone who just joined. */
	addGuildMember(username: string): FakeUser {
		const user = this.addUser(username);
		this.addMember(user.id, []);
		return user;
	}

	addTextChannel(name: string, options: { nsfw?: boolean; topic?: string } = {}): FakeChannel {
		const position = [...this.channels.values()].filter((channel) => channel.guild_id && !isThread(channel)).length;
		const channel: FakeChannel = {
			id: this.nextId(),
			type: CHANNEL_TYPES.GuildText,
			name,
			guild_id: this.guild.id,
			parent_id: null,
			position,
			permission_overwrites: [],
			nsfw: options.nsfw ?? false,
			topic: options.topic ?? null,
			rate_limit_per_user: 0,
			last_message_id: null,
			flags: 0,
		};
		this.channels.set(channel.id, channel);
		return channel;
	}

	/** The DM channel between a user and the bot, created on first use. */
	dmChannelFor(userId: string): FakeChannel {
		for (const channel of this.channels.values()) {
			if (channel.type === CHANNEL_TYPES.DM && channel.recipients?.some((user) => user.id === userId)) return channel;
		}
		const user = this.requireUser(userId);
		const channel: FakeChannel = {
			id: this.nextId(),
			type: CHANNEL_TYPES.DM,
			name: "",
			last_message_id: null,
			flags: 0,
			recipients: [user],
		};
		this.channels.set(channel.id, channel);
		return channel;
	}

	requireUser(userId: string): FakeUser {
		const user = this.users.get(userId);
		if (!user) throw new Error(`fake Discord: unknown user ${userId}`);
		return user;
	}

	requireChannel(channelId: string): FakeChannel {
		const channel = this.channels.get(channelId);
		if (!channel) throw new Error(`fake Discord: unknown channel ${channelId}`);
		return channel;
	}

	/** Guild-level permissions of a user, or none for non-members. */
	permissionsOf(userId: string): bigint {
		const member = this.members.get(userId);
		return member ? memberPermissions(member, this.roles, this.guild) : 0n;
	}

	threads(): FakeChannel[] {
		return [...this.channels.values()].filter(isThread);
	}

	messages(channelId: string): StoredMessage[] {
		const ids = this.channelMessageIds.get(channelId) ?? [];
		return ids.flatMap((id) => {
			const message = this.messagesById.get(id);
			return message && !message.deleted ? [message] : [];
		});
	}

	createMessage(input: NewMessage): StoredMessage {
		const message: StoredMessage = {
			...input,
			id: this.nextId(),
			timestamp: new Date().toISOString(),
			edited_timestamp: null,
			edits: 0,
			reactions: [],
			tts: input.tts ?? false,
			mentions: input.mentions ?? [],
		};
		const channel = this.channels.get(message.channel_id);
		if (channel) {
			channel.last_message_id = message.id;
			if (isThread(channel)) {
				message.position = channel.total_message_sent ?? 0;
				channel.message_count = (channel.message_count ?? 0) + 1;
				channel.total_message_sent = (channel.total_message_sent ?? 0) + 1;
			}
		}
		this.messagesById.set(message.id, message);
		const ids = this.channelMessageIds.get(message.channel_id) ?? [];
		ids.push(message.id);
		this.channelMessageIds.set(message.channel_id, ids);
		return message;
	}

	/** Stores uploaded bytes and returns the attachment, with CDN urls carrying Discord-like signature params. */
	createAttachment(
		input: FakeAttachmentInput,
		location: { channelId: string } | { ephemeral: true },
	): StoredAttachment {
		const id = this.nextId();
		const filename = input.filename.replace(/[^\w.-]/g, "_");
		const folder =
			"channelId" in location ? `attachments/${location.channelId}` : `ephemeral-attachments/${this.botUser.id}`;
		const expires = Math.floor(Date.now() / 1000 + 86_400).toString(16);
		const signature = `?ex=${expires}&is=${Math.floor(Date.now() / 1000).toString(16)}&hm=${randomBytes(32).toString("hex")}&`;
		const url = `${this.baseUrl}/cdn/${folder}/${id}/${filename}${signature}`;
		const attachment: StoredAttachment = {
			id,
			filename,
			size: input.data.length,
			url,
			proxy_url: url.replace("/cdn/", "/media/"),
			data: input.data,
		};
		const contentType = input.contentType ?? guessContentType(filename);
		if (contentType) attachment.content_type = contentType;
		if (input.description !== undefined) attachment.description = input.description;
		if (!("channelId" in location)) attachment.ephemeral = true;
		const size = contentType?.startsWith("image/") ? imageSize(input.data) : undefined;
		if (size) Object.assign(attachment, size);
		this.attachments.set(id, attachment);
		return attachment;
	}
}

const CONTENT_TYPES: Record<string, string> = {
	png: "image/png",
	jpg: "image/jpeg",
	jpeg: "image/jpeg",
	gif: "image/gif",
	webp: "image/webp",
	txt: "text/plain; charset=utf-8",
	json: "application/json",
};

/** Discord derives content_type from the file when the upload does not say. */
function guessContentType(filename: string): string | undefined {
	const extension = filename.split(".").pop()?.toLowerCase() ?? "";
	return CONTENT_TYPES[extension];
}
