// Public shapes of the fake Discord: what tests read back and pass in.

export interface FakeAttachmentInput {
	filename: string;
	contentType?: string;
	data: Buffer;
	description?: string;
}

export interface StoredAttachment {
	id: string;
	filename: string;
	content_type?: string;
	size: number;
	url: string;
	proxy_url: string;
	data: Buffer;
	width?: number;
	height?: number;
	description?: string;
	/** Slash-command attachment options are ephemeral attachments on real Discord. */
	ephemeral?: boolean;
}

export interface FakeUser {
	id: string;
	username: string;
	global_name: string | null;
	discriminator: string;
	avatar: string | null;
	bot?: boolean;
}

export interface StoredReaction {
	emoji: string;
	userIds: string[];
}

export interface InteractionMetadata {
	id: string;
	type: number;
	user: FakeUser;
	authorizing_integration_owners: Record<string, string>;
	name?: string;
	command_type?: number;
	interacted_message_id?: string;
	original_response_message_id?: string;
}

export interface StoredMessage {
	id: string;
	channel_id: string;
	guild_id?: string;
	author: { id: string; username: string; bot?: boolean };
	content: string;
	embeds: unknown[];
	components: unknown[];
	attachments: StoredAttachment[];
	flags: number;
	message_reference?: { message_id: string; channel_id: string; guild_id?: string };
	webhook_id?: string;
	application_id?: string;
	interactionId?: string;
	interaction_metadata?: InteractionMetadata;
	allowed_mentions?: unknown;
	deleted?: boolean;
	edits: number;
	/** Discord message type: 0 default, 18 thread created, 19 reply, 20 slash command, 23 context menu. */
	type: number;
	timestamp: string;
	edited_timestamp: string | null;
	tts: boolean;
	/** Ids of the users this message actually mentions (after allowed_mentions). */
	mentions: string[];
	reactions: StoredReaction[];
	/** Id of the thread started from this message, if any. */
	thread_id?: string;
	/** Position inside a thread (real Discord sets it on thread messages). */
	position?: number;
	nonce?: string | number;
}

export interface RestCall {
	method: string;
	/** Path after /api/v10, e.g. "/channels/1/messages". */
	path: string;
	/** Raw query string without the leading "?". */
	query: string;
	/** Parsed JSON body, or the parsed payload_json of a multipart body. */
	body?: unknown;
	files?: { name: string; filename: string; size: number }[];
	auth?: string;
}

export interface ThreadMetadata {
	archived: boolean;
	auto_archive_duration: number;
	archive_timestamp: string;
	locked: boolean;
	invitable?: boolean;
	create_timestamp?: string;
}

/** A Discord-shaped channel object (text channel, DM or thread). */
export interface FakeChannel {
	id: string;
	type: number;
	/** Empty for DM channels, which have no name on Discord. */
	name: string;
	guild_id?: string;
	parent_id?: string | null;
	owner_id?: string;
	nsfw?: boolean;
	topic?: string | null;
	position?: number;
	permission_overwrites?: unknown[];
	rate_limit_per_user?: number;
	last_message_id?: string | null;
	flags: number;
	thread_metadata?: ThreadMetadata;
	member_count?: number;
	message_count?: number;
	total_message_sent?: number;
	recipients?: FakeUser[];
	applied_tags?: string[];
}

export interface FakeRole {
	id: string;
	name: string;
	permissions: string;
	position: number;
	color: number;
	hoist: boolean;
	managed: boolean;
	mentionable: boolean;
	flags: number;
	tags?: Record<string, string | null>;
}

export interface FakeMember {
	userId: string;
	roles: string[];
	nick: string | null;
	joined_at: string;
	communication_disabled_until: string | null;
}

export interface InteractionCallback {
	type: number;
	data?: unknown;
}

export interface FakeInteraction {
	id: string;
	token: string;
	type: number;
	channelId: string;
	/** Every callback posted, in order (types 4, 5, 6, 7, 9...). */
	callbacks: InteractionCallback[];
	/** The message created by the first response (or the component's message) and edited by PATCH @original. */
	original(): StoredMessage | undefined;
	/** Messages created via POST /webhooks/{app}/{token}. */
	followUps(): StoredMessage[];
	/** Whether the first response had flags & 64. */
	ephemeral: boolean;
	/** Data of a type 9 (modal) response. */
	modal?: unknown;
}

export interface CdnOverride {
	status?: number;
	delayMs?: number;
	body?: Buffer;
	omitLength?: boolean;
	/** Serve this Content-Type instead of the stored one (a CDN that lies about the type). */
	contentType?: string;
}

export interface RegisteredCommands {
	global: unknown[];
	guild: Map<string, unknown[]>;
}

export interface FakeDiscordOptions {
	/** Largest accepted file, in bytes; bigger files get 413 with code 40005. Default 10 MiB. */
	maxUploadBytes?: number;
	/** Time a bot has to acknowledge an interaction before it becomes "Unknown interaction". Default 3000. */
	interactionAckTimeoutMs?: number;
	/** How long an interaction token (webhook) stays usable. Default 15 minutes. */
	interactionTokenTtlMs?: number;
	/** The `shards` GET /gateway/bot recommends (what SHARD_COUNT=auto uses). Default 1. */
	recommendedShards?: number;
	/** The guild's preferred locale (Community servers' language). Default en-US. */
	guildLocale?: string;
}
