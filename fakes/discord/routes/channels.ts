// /channels/{id}: fetch, edit, delete, typing, thread creation and thread membership.
import type { FakeContext, Route, RouteRequest } from "../context.js";
import { noContent, ok } from "../context.js";
import { apiErrors, asRecord, invalidForm, optionalBoolean, optionalNumber, optionalString } from "../errors.js";
import { dispatchChannel, dispatchMessageCreate, dispatchMessageUpdate } from "../events.js";
import { channelToApi } from "../serialize.js";
import { CHANNEL_TYPES, isThread } from "../state.js";
import type { FakeChannel } from "../types.js";
import { findMessage } from "./messages.js";

const HAS_THREAD = 1 << 5;
const AUTO_ARCHIVE_DURATIONS = [60, 1_440, 4_320, 10_080];
const THREAD_PARENT_TYPES: number[] = [CHANNEL_TYPES.GuildText, CHANNEL_TYPES.GuildAnnouncement];

function requireChannel(context: FakeContext, channelId: string): FakeChannel {
	const channel = context.state.channels.get(channelId);
	if (!channel) throw apiErrors.unknownChannel();
	return channel;
}

function checkName(name: string | undefined): string | undefined {
	if (name === undefined) return undefined;
	if (name.length < 1 || name.length > 100)
		throw invalidForm("name", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.");
	return name;
}

function checkAutoArchive(duration: number | undefined): number | undefined {
	if (duration !== undefined && !AUTO_ARCHIVE_DURATIONS.includes(duration)) {
		throw invalidForm(
			"auto_archive_duration",
			"BASE_TYPE_CHOICES",
			`Value must be one of {${AUTO_ARCHIVE_DURATIONS.join(", ")}}.`,
		);
	}
	return duration;
}

function createThread(context: FakeContext, request: RouteRequest, fromMessage: boolean) {
	const { state } = context;
	const parent = requireChannel(context, request.param("channelId"));
	if (!THREAD_PARENT_TYPES.includes(parent.type)) throw apiErrors.invalidChannelType();
	const body = asRecord(request.body);
	const name = checkName(optionalString(body, "name") ?? "");
	const autoArchive = checkAutoArchive(optionalNumber(body, "auto_archive_duration")) ?? 4_320;
	const starter = fromMessage ? findMessage(context, parent.id, request.param("messageId")) : undefined;
	if (starter?.thread_id) throw apiErrors.threadAlreadyCreated();
	const type = starter
		? parent.type === CHANNEL_TYPES.GuildAnnouncement
			? 10
			: CHANNEL_TYPES.PublicThread
		: (optionalNumber(body, "type") ?? CHANNEL_TYPES.PrivateThread);
	if (type !== CHANNEL_TYPES.PublicThread && type !== CHANNEL_TYPES.PrivateThread && type !== 10) {
		throw invalidForm("type", "BASE_TYPE_CHOICES", "Value must be one of {10, 11, 12}.");
	}
	const now = new Date().toISOString();
	const thread: FakeChannel = {
		// A thread started from a message shares the message's id, as on Discord.
		id: starter?.id ?? state.nextId(),
		type,
		name: name ?? "",
		guild_id: state.guild.id,
		parent_id: parent.id,
		owner_id: state.botUser.id,
		last_message_id: null,
		rate_limit_per_user: optionalNumber(body, "rate_limit_per_user") ?? 0,
		flags: 0,
		member_count: 1,
		message_count: 0,
		total_message_sent: 0,
		thread_metadata: {
			archived: false,
			auto_archive_duration: autoArchive,
			archive_timestamp: now,
			locked: false,
			create_timestamp: now,
			...(type === CHANNEL_TYPES.PrivateThread ? { invitable: optionalBoolean(body, "invitable") ?? true } : {}),
		},
	};
	state.channels.set(thread.id, thread);
	state.threadMembers.set(thread.id, new Set([state.botUser.id]));
	if (starter) {
		// The starter message gains HAS_THREAD and a `thread` field, announced with MESSAGE_UPDATE.
		starter.thread_id = thread.id;
		starter.flags |= HAS_THREAD;
	} else if (type === CHANNEL_TYPES.PublicThread) {
		// Discord announces a public thread made without a message with a "started a thread" system message.
		const notice = state.createMessage({
			channel_id: parent.id,
			guild_id: state.guild.id,
			author: { id: state.botUser.id, username: state.botUser.username, bot: true },
			content: thread.name,
			embeds: [],
			components: [],
			attachments: [],
			flags: 0,
			type: 18,
			message_reference: { message_id: thread.id, channel_id: thread.id, guild_id: state.guild.id },
		});
		dispatchMessageCreate(context, notice);
	}
	dispatchChannel(context, "CREATE", thread);
	if (starter) dispatchMessageUpdate(context, starter);
	return { status: 201, body: channelToApi(thread) };
}

function editChannel(context: FakeContext, request: RouteRequest) {
	const channel = requireChannel(context, request.param("channelId"));
	const body = asRecord(request.body);
	const name = checkName(optionalString(body, "name"));
	if (name !== undefined) channel.name = name;
	const slowmode = optionalNumber(body, "rate_limit_per_user");
	if (slowmode !== undefined) channel.rate_limit_per_user = slowmode;
	const metadata = channel.thread_metadata;
	if (metadata) {
		const archived = optionalBoolean(body, "archived");
		if (archived !== undefined && archived !== metadata.archived) {
			metadata.archived = archived;
			metadata.archive_timestamp = new Date().toISOString();
		}
		metadata.locked = optionalBoolean(body, "locked") ?? metadata.locked;
		metadata.auto_archive_duration =
			checkAutoArchive(optionalNumber(body, "auto_archive_duration")) ?? metadata.auto_archive_duration;
		const invitable = optionalBoolean(body, "invitable");
		if (invitable !== undefined && channel.type === CHANNEL_TYPES.PrivateThread) metadata.invitable = invitable;
	} else {
		const nsfw = optionalBoolean(body, "nsfw");
		if (nsfw !== undefined) channel.nsfw = nsfw;
		if ("topic" in body) channel.topic = optionalString(body, "topic") ?? null;
	}
	dispatchChannel(context, "UPDATE", channel);
	return ok(channelToApi(channel));
}

function deleteChannel(context: FakeContext, request: RouteRequest) {
	const channel = requireChannel(context, request.param("channelId"));
	if (channel.type === CHANNEL_TYPES.DM) throw apiErrors.invalidChannelType();
	context.state.channels.delete(channel.id);
	context.state.threadMembers.delete(channel.id);
	dispatchChannel(context, "DELETE", channel);
	return ok(channelToApi(channel));
}

function threadMembership(context: FakeContext, request: RouteRequest, join: boolean) {
	const thread = requireChannel(context, request.param("channelId"));
	if (!isThread(thread)) throw apiErrors.invalidChannelType();
	if (thread.thread_metadata?.archived) throw apiErrors.archivedThread();
	const userParam = request.param("userId");
	const userId = userParam === "@me" ? context.state.botUser.id : userParam;
	if (!context.state.members.has(userId)) throw apiErrors.unknownMember();
	const members = context.state.threadMembers.get(thread.id) ?? new Set<string>();
	if (join) members.add(userId);
	else members.delete(userId);
	context.state.threadMembers.set(thread.id, members);
	thread.member_count = members.size;
	return noContent;
}

function threadMember(context: FakeContext, request: RouteRequest) {
	const thread = requireChannel(context, request.param("channelId"));
	const userParam = request.param("userId");
	const userId = userParam === "@me" ? context.state.botUser.id : userParam;
	if (!context.state.threadMembers.get(thread.id)?.has(userId)) throw apiErrors.unknownMember();
	return ok({ id: thread.id, user_id: userId, join_timestamp: thread.thread_metadata?.create_timestamp, flags: 0 });
}

function archivedThreads(context: FakeContext, request: RouteRequest, type: number) {
	const parent = requireChannel(context, request.param("channelId"));
	const threads = context.state
		.threads()
		.filter((thread) => thread.parent_id === parent.id && thread.type === type && thread.thread_metadata?.archived);
	return ok({ threads: threads.map(channelToApi), members: [], has_more: false });
}

export function channelRoutes(context: FakeContext): Route[] {
	const routes: Route[] = [
		{
			method: "GET",
			pattern: "/channels/:channelId",
			handler: (request) => ok(channelToApi(requireChannel(context, request.param("channelId")))),
		},
		{ method: "PATCH", pattern: "/channels/:channelId", handler: (request) => editChannel(context, request) },
		{ method: "DELETE", pattern: "/channels/:channelId", handler: (request) => deleteChannel(context, request) },
		{
			method: "POST",
			pattern: "/channels/:channelId/typing",
			handler: (request) => {
				context.state.typing.push(requireChannel(context, request.param("channelId")).id);
				return noContent;
			},
		},
		{
			method: "POST",
			pattern: "/channels/:channelId/threads",
			handler: (request) => createThread(context, request, false),
		},
		{
			method: "POST",
			pattern: "/channels/:channelId/messages/:messageId/threads",
			handler: (request) => createThread(context, request, true),
		},
		{
			method: "GET",
			pattern: "/channels/:channelId/threads/archived/public",
			handler: (request) => archivedThreads(context, request, CHANNEL_TYPES.PublicThread),
		},
		{
			method: "GET",
			pattern: "/channels/:channelId/threads/archived/private",
			handler: (request) => archivedThreads(context, request, CHANNEL_TYPES.PrivateThread),
		},
		{
			method: "GET",
			pattern: "/channels/:channelId/thread-members/:userId",
			handler: (request) => threadMember(context, request),
		},
	];
	for (const [method, join] of [
		["PUT", true],
		["DELETE", false],
	] as const) {
		routes.push({
			method,
			pattern: "/channels/:channelId/thread-members/:userId",
			handler: (request) => threadMembership(context, request, join),
		});
	}
	return routes;
}
