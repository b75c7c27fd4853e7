// A fake Discord (REST + gateway + CDN on 127.0.0.1) that the real discord.js Client talks to in tests.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import {
	type ContextMenuOptions,
	runContextMenu,
	runSlashCommand,
	type SlashCommandOptions,
} from "./discord/commandActions.js";
import {
	type ClickButtonOptions,
	runClickButton,
	runSelectMenu,
	runSubmitModal,
	type SelectMenuOptions,
	type SubmitModalOptions,
} from "./discord/componentActions.js";
import type { FakeContext, RestFault } from "./discord/context.js";
import { isRecord } from "./discord/errors.js";
import { dispatchChannel, dispatchMemberUpdate } from "./discord/events.js";
import { Gateway } from "./discord/gateway.js";
import { createRequestHandler } from "./discord/http.js";
import { channelRoutes } from "./discord/routes/channels.js";
import { guildRoutes } from "./discord/routes/guilds.js";
import { interactionRoutes } from "./discord/routes/interactions.js";
import { messageRoutes } from "./discord/routes/messages.js";
import { guildCreateToGateway, memberToApi, userToApi } from "./discord/serialize.js";
import { shardOf } from "./discord/snowflake.js";
import { FakeState } from "./discord/state.js";
import type {
	CdnOverride,
	FakeChannel,
	FakeDiscordOptions,
	FakeInteraction,
	RegisteredCommands,
	RestCall,
	StoredMessage,
} from "./discord/types.js";
import { postUserMessage, type UserMessageOptions } from "./discord/userMessage.js";

export type { RestFault } from "./discord/context.js";
export type {
	CdnOverride,
	FakeAttachmentInput,
	FakeChannel,
	FakeDiscordOptions,
	FakeInteraction,
	FakeUser,
	InteractionCallback,
	RegisteredCommands,
	RestCall,
	StoredAttachment,
	StoredMessage,
} from "./discord/types.js";
export type {
	ClickButtonOptions,
	ContextMenuOptions,
	SelectMenuOptions,
	SlashCommandOptions,
	SubmitModalOptions,
	UserMessageOptions,
};

const DEFAULT_MAX_UPLOAD_BYTES = 10 * 1_024 * 1_024;
const DEFAULT_ACK_TIMEOUT_MS = 3_000;
const DEFAULT_TOKEN_TTL_MS = 15 * 60 * 1_000;
const POLL_INTERVAL_MS = 20;

export interface FakeDiscord {
	/** e.g. "http://127.0.0.1:PORT/api": pass as discord.js `rest.api` (discord.js appends /v10). */
	apiUrl: string;
	/** The bot token the fake accepts ("Bot <token>"); any other gets 401 {code: 0}. */
	token: string;
	applicationId: string;
	botUser: { id: string; username: string };
	guildId: string;
	textChannelId: string;
	/** An age-restricted (nsfw: true) text channel. */
	nsfwChannelId: string;
	userId: string;
	otherUserId: string;
	/** MANAGE_GUILD | MANAGE_MESSAGES | MODERATE_MEMBERS | MANAGE_THREADS, not ADMINISTRATOR. */
	moderatorId: string;
	/** The guild owner (has every permission). */
	ownerId: string;
	/** Another bot account in the guild, the default author of `userMessage({ bot: true })`. */
	otherBotId: string;
	/** The DM channel between userId and the bot. */
	dmChannelId: string;
	restCalls: RestCall[];
	/** "METHOD /path" of every unknown route (answered 404 {code: 0}); tests assert this is empty. */
	unknownRoutes: string[];
	/** Errors thrown inside the fake itself (answered 500); tests may assert this is empty. */
	internalErrors: unknown[];
	channels: Map<string, FakeChannel>;
	registeredCommands: RegisteredCommands;
	/** Channel ids of every POST /channels/{id}/typing, in order. */
	typing: string[];
	/** Per attachment id (or file name, for one not yet sent): simulate slow, failing or lying CDN responses. */
	cdnOverrides: Map<string, CdnOverride>;
	/**
	 * Drops the bytes of every stored attachment and the REST log (benchmarks playing thousands of turns stay in
	 * bounded memory); the CDN then serves empty files.
	 */
	forgetPayloads(): void;
	/** Calls `listener` after each REST call is answered, with its status; returns the function that stops it. */
	onRestCall(listener: (call: RestCall, status: number) => void): () => void;
	/** Makes the next matching REST requests fail with a Discord error (e.g. 403 50013 on thread creation). */
	failNext(fault: RestFault): void;
	messages(channelId: string): StoredMessage[];
	message(messageId: string): StoredMessage | undefined;
	threads(): FakeChannel[];
	interactions(): FakeInteraction[];
	/** Number of gateway sockets currently identified or resumed. */
	connectedSessions(): number;
	/** The [shard id, shard count] each connected gateway session identified with, sorted. */
	connectedShards(): [number, number][];
	addTextChannel(name: string, options?: { nsfw?: boolean; topic?: string }): FakeChannel;
	/** Adds a guild member with @everyone's permissions and returns their user id (interactions carry the member). */
	addMember(username: string): string;
	/** Sets the language of a user's Discord client: their interactions carry it as `locale`. */
	setUserLocale(userId: string, locale: string): void;
	/** Creates a role without permissions (GUILD_ROLE_CREATE) and returns its id. */
	addRole(name: string): string;
	/** Replaces a member's roles; later messages and interactions carry them. */
	setMemberRoles(userId: string, roleIds: string[]): void;
	userMessage(options: UserMessageOptions): Promise<StoredMessage>;
	slashCommand(options: SlashCommandOptions): Promise<FakeInteraction>;
	contextMenu(options: ContextMenuOptions): Promise<FakeInteraction>;
	clickButton(options: ClickButtonOptions): Promise<FakeInteraction>;
	selectMenu(options: SelectMenuOptions): Promise<FakeInteraction>;
	submitModal(options: SubmitModalOptions): Promise<FakeInteraction>;
	waitFor<T>(check: () => T | undefined | false, options?: { timeoutMs?: number; what?: string }): Promise<T>;
	/** Closes every gateway socket (default code 4000, which discord.js answers by resuming). */
	disconnectAll(code?: number): void;
	close(): Promise<void>;
}

/** Starts the fake on 127.0.0.1 with a random port. */
export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
	const { port } = server.address() as AddressInfo;
	const state = new FakeState(`http://127.0.0.1:${port}`);
	if (options.guildLocale) state.guildLocale = options.guildLocale;
	const gateway = new Gateway({
		token: state.token,
		botUserId: state.botUser.id,
		nextId: state.nextId,
		ready: (session) => ({
			v: 10,
			user: { ...userToApi(state.botUser), verified: true, mfa_enabled: false, email: null },
			user_settings: {},
			guilds:
				shardOf(state.guild.id, session.shard[1]) === session.shard[0]
					? [{ id: state.guild.id, unavailable: true }]
					: [],
			private_channels: [],
			relationships: [],
			presences: [],
			guild_join_requests: [],
			geo_ordered_rtc_regions: ["fake"],
			application: { id: state.botUser.id, flags: 1 << 19 },
			_trace: ["fake-gateway"],
		}),
		guildCreates: (session) =>
			shardOf(state.guild.id, session.shard[1]) === session.shard[0]
				? [{ id: state.guild.id, payload: guildCreateToGateway(state) }]
				: [],
		membersChunk: (request) => {
			const wanted = Array.isArray(request.user_ids)
				? request.user_ids.map(String)
				: typeof request.user_ids === "string"
					? [request.user_ids]
					: undefined;
			const query = typeof request.query === "string" ? request.query.toLowerCase() : "";
			const ids = [...state.members.keys()].filter((id) =>
				wanted ? wanted.includes(id) : state.users.get(id)?.username.startsWith(query),
			);
			return {
				guild_id: state.guild.id,
				members: ids.map((id) => memberToApi(state, id)),
				chunk_index: 0,
				chunk_count: 1,
				not_found: wanted?.filter((id) => !state.members.has(id)) ?? [],
				...(request.nonce !== undefined ? { nonce: request.nonce } : {}),
			};
		},
	});
	gateway.url = `ws://127.0.0.1:${port}`;
	const context: FakeContext = {
		state,
		gateway,
		options: {
			maxUploadBytes: options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES,
			interactionAckTimeoutMs: options.interactionAckTimeoutMs ?? DEFAULT_ACK_TIMEOUT_MS,
			interactionTokenTtlMs: options.interactionTokenTtlMs ?? DEFAULT_TOKEN_TTL_MS,
			recommendedShards: options.recommendedShards ?? 1,
		},
		restCalls: [],
		unknownRoutes: [],
		cdnOverrides: new Map(),
		internalErrors: [],
		faults: [],
		restListeners: new Set(),
	};
	const handle = createRequestHandler(context, [
		...guildRoutes(context),
		...channelRoutes(context),
		...messageRoutes(context),
		...interactionRoutes(context),
	]);
	server.on("request", (request, response) => {
		handle(request, response).catch((error: unknown) => {
			context.internalErrors.push(error);
			response.destroy();
		});
	});
	server.on("upgrade", (request, socket, head: Buffer) => gateway.upgrade(request, socket, head));
	return createFacade(context, server);
}

function createFacade(context: FakeContext, server: ReturnType<typeof createServer>): FakeDiscord {
	const { state, gateway } = context;
	return {
		apiUrl: `${state.baseUrl}/api`,
		token: state.token,
		applicationId: state.botUser.id,
		botUser: { id: state.botUser.id, username: state.botUser.username },
		guildId: state.guild.id,
		...state.ids,
		ownerId: state.guild.ownerId,
		restCalls: context.restCalls,
		unknownRoutes: context.unknownRoutes,
		internalErrors: context.internalErrors,
		channels: state.channels,
		registeredCommands: state.registeredCommands,
		typing: state.typing,
		cdnOverrides: context.cdnOverrides,
		forgetPayloads: () => {
			const empty = Buffer.alloc(0);
			for (const attachment of state.attachments.values()) attachment.data = empty;
			for (const message of state.messagesById.values())
				for (const attachment of message.attachments) attachment.data = empty;
			context.restCalls.length = 0;
		},
		onRestCall: (listener) => {
			context.restListeners.add(listener);
			return () => context.restListeners.delete(listener);
		},
		failNext: (fault) => {
			context.faults.push({ ...fault });
		},
		messages: (channelId) => state.messages(channelId),
		message: (messageId) => state.messagesById.get(messageId),
		threads: () => state.threads(),
		interactions: () => [...state.interactions.values()],
		connectedSessions: () => gateway.connectedSessions().length,
		connectedShards: () =>
			gateway
				.connectedSessions()
				.map((session) => session.shard)
				.sort((a, b) => a[0] - b[0]),
		addTextChannel: (name, channelOptions) => {
			const channel = state.addTextChannel(name, channelOptions);
			dispatchChannel(context, "CREATE", channel);
			return channel;
		},
		addMember: (username) => state.addGuildMember(username).id,
		setUserLocale: (userId, locale) => {
			state.userLocales.set(userId, locale);
		},
		addRole: (name) => {
			const position = state.roles.size;
			const role = state.addRole({ name, permissions: 0n, position });
			gateway.dispatch("GUILD_ROLE_CREATE", { guild_id: state.guild.id, role }, { guildId: state.guild.id, intent: 1 });
			return role.id;
		},
		setMemberRoles: (userId, roleIds) => {
			const member = state.members.get(userId);
			if (!member) throw new Error(`fake Discord: no member ${userId}`);
			member.roles = [...roleIds];
			dispatchMemberUpdate(context, userId);
		},
		userMessage: async (messageOptions) => postUserMessage(context, messageOptions),
		slashCommand: async (commandOptions) => runSlashCommand(context, commandOptions),
		contextMenu: async (menuOptions) => runContextMenu(context, menuOptions),
		clickButton: async (buttonOptions) => runClickButton(context, buttonOptions),
		selectMenu: async (selectOptions) => runSelectMenu(context, selectOptions),
		submitModal: async (modalOptions) => runSubmitModal(context, modalOptions),
		waitFor,
		disconnectAll: (code) => gateway.disconnectAll(code),
		close: async () => {
			await gateway.close();
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

/** Polls `check` every ~20 ms until it returns something other than undefined or false. */
async function waitFor<T>(
	check: () => T | undefined | false,
	options: { timeoutMs?: number; what?: string } = {},
): Promise<T> {
	const timeoutMs = options.timeoutMs ?? 10_000;
	const deadline = Date.now() + timeoutMs;
	let lastError: unknown;
	for (;;) {
		try {
			const value = check();
			if (value !== undefined && value !== false) return value;
		} catch (error) {
			lastError = error;
		}
		if (Date.now() > deadline) {
			const cause =
				lastError instanceof Error
					? ` (last error: ${lastError.message})`
					: isRecord(lastError)
						? ` (last error: ${JSON.stringify(lastError)})`
						: "";
			throw new Error(
				`fake Discord: timed out after ${timeoutMs} ms waiting for ${options.what ?? "a condition"}${cause}`,
			);
		}
		await sleep(POLL_INTERVAL_MS);
	}
}
