// /channels/{id}/messages: send (JSON or multipart), fetch, list, edit, delete, react.
import type { FakeContext, Route, RouteRequest } from "../context.js";
import { noContent, ok } from "../context.js";
import { apiErrors, asRecord, invalidForm } from "../errors.js";
import {
	dispatchChannel,
	dispatchMessageCreate,
	dispatchMessageDelete,
	dispatchMessageUpdate,
	dispatchReaction,
} from "../events.js";
import {
	applyEdit,
	assertNotEmpty,
	computeMentions,
	readMessageBody,
	resolveAttachments,
	settableFlags,
} from "../messageBody.js";
import { PERMISSIONS } from "../permissions.js";
import { messageToApi } from "../serialize.js";
import { CHANNEL_TYPES, isThread } from "../state.js";
import type { FakeChannel, StoredMessage } from "../types.js";

const TEXT_BASED_TYPES: number[] = [
	CHANNEL_TYPES.GuildText,
	CHANNEL_TYPES.DM,
	CHANNEL_TYPES.GuildAnnouncement,
	10,
	11,
	12,
];
const EPHEMERAL = 1 << 6;

/** A channel the bot can post in; sending into an archived, unlocked thread unarchives it as on Discord. */
export function writableChannel(context: FakeContext, channelId: string): FakeChannel {
	const channel = context.state.channels.get(channelId);
	if (!channel) throw apiErrors.unknownChannel();
	if (!TEXT_BASED_TYPES.includes(channel.type)) throw apiErrors.invalidChannelType();
	const metadata = channel.thread_metadata;
	if (metadata?.archived) {
		if (metadata.locked) throw apiErrors.archivedThread();
		metadata.archived = false;
		metadata.archive_timestamp = new Date().toISOString();
		dispatchChannel(context, "UPDATE", channel);
	}
	return channel;
}

/** A visible (not deleted, not ephemeral) message of a channel. */
export function findMessage(context: FakeContext, channelId: string, messageId: string): StoredMessage {
	if (!context.state.channels.has(channelId)) throw apiErrors.unknownChannel();
	const message = context.state.messagesById.get(messageId);
	if (!message || message.deleted || message.channel_id !== channelId || message.flags & EPHEMERAL)
		throw apiErrors.unknownMessage();
	return message;
}

function createMessage(context: FakeContext, request: RouteRequest) {
	const { state } = context;
	const channel = writableChannel(context, request.param("channelId"));
	const fields = readMessageBody(request.body);
	const attachments = resolveAttachments(context, channel.id, [], fields.attachments, request.files);
	assertNotEmpty(fields, attachments);
	let reference: StoredMessage["message_reference"];
	let repliedAuthorId: string | undefined;
	const wanted = fields.message_reference;
	if (wanted && typeof wanted.message_id === "string") {
		const target = state.messagesById.get(wanted.message_id);
		const exists = target && !target.deleted && target.channel_id === (wanted.channel_id ?? channel.id);
		if (exists) {
			reference = {
				message_id: target.id,
				channel_id: target.channel_id,
				...(channel.guild_id ? { guild_id: channel.guild_id } : {}),
			};
			repliedAuthorId = target.author.id;
		} else if (wanted.fail_if_not_exists !== false) {
			throw invalidForm("message_reference", "MESSAGE_REFERENCE_UNKNOWN_MESSAGE", "Unknown message");
		}
	}
	const message = state.createMessage({
		channel_id: channel.id,
		...(channel.guild_id ? { guild_id: channel.guild_id } : {}),
		author: { id: state.botUser.id, username: state.botUser.username, bot: true },
		content: fields.content ?? "",
		embeds: fields.embeds ?? [],
		components: fields.components ?? [],
		attachments,
		flags: settableFlags(fields.flags, false),
		type: reference ? 19 : 0,
		mentions: computeMentions(fields.content ?? "", fields.allowed_mentions, repliedAuthorId),
		...(reference ? { message_reference: reference } : {}),
		...(fields.allowed_mentions !== undefined ? { allowed_mentions: fields.allowed_mentions } : {}),
		...(fields.tts ? { tts: true } : {}),
		...(fields.nonce !== undefined ? { nonce: fields.nonce } : {}),
	});
	dispatchMessageCreate(context, message);
	return ok(messageToApi(state, message));
}

function listMessages(context: FakeContext, request: RouteRequest) {
	const channelId = request.param("channelId");
	if (!context.state.channels.has(channelId)) throw apiErrors.unknownChannel();
	const limit = Number(request.query.get("limit") ?? 50);
	if (!Number.isInteger(limit) || limit < 1 || limit > 100)
		throw invalidForm("limit", "NUMBER_TYPE_MAX", "int value should be less than or equal to 100.");
	const before = request.query.get("before");
	const after = request.query.get("after");
	const around = request.query.get("around");
	let visible = context.state.messages(channelId).filter((message) => !(message.flags & EPHEMERAL));
	if (before) visible = visible.filter((message) => BigInt(message.id) < BigInt(before));
	if (after) visible = visible.filter((message) => BigInt(message.id) > BigInt(after)).slice(0, limit);
	if (around) {
		const index = visible.findIndex((message) => BigInt(message.id) >= BigInt(around));
		const start = Math.max(0, (index === -1 ? visible.length : index) - Math.floor(limit / 2));
		visible = visible.slice(start, start + limit);
	}
	// Discord lists newest first.
	return ok(
		visible
			.slice(-limit)
			.reverse()
			.map((message) => messageToApi(context.state, message)),
	);
}

function editMessage(context: FakeContext, request: RouteRequest) {
	const message = findMessage(context, request.param("channelId"), request.param("messageId"));
	const fields = readMessageBody(request.body);
	if (message.author.id !== context.state.botUser.id) {
		const onlyFlags = Object.keys(asRecord(request.body)).every((key) => key === "flags");
		if (!onlyFlags || request.files.length > 0) throw apiErrors.cannotEditOthers();
	}
	applyEdit(context, message, fields, request.files);
	dispatchMessageUpdate(context, message);
	return ok(messageToApi(context.state, message));
}

function deleteMessage(context: FakeContext, request: RouteRequest) {
	const message = findMessage(context, request.param("channelId"), request.param("messageId"));
	const isOwn = message.author.id === context.state.botUser.id;
	const isDirect = context.state.channels.get(message.channel_id)?.type === CHANNEL_TYPES.DM;
	const canManage = (context.state.permissionsOf(context.state.botUser.id) & PERMISSIONS.ManageMessages) !== 0n;
	if (!isOwn && (isDirect || !canManage)) throw apiErrors.missingPermissions();
	message.deleted = true;
	const channel = context.state.channels.get(message.channel_id);
	if (channel && isThread(channel)) channel.message_count = Math.max(0, (channel.message_count ?? 1) - 1);
	dispatchMessageDelete(context, message);
	return noContent;
}

function react(context: FakeContext, request: RouteRequest, add: boolean) {
	const message = findMessage(context, request.param("channelId"), request.param("messageId"));
	const emoji = request.param("emoji");
	const userId = context.state.botUser.id;
	let reaction = message.reactions.find((candidate) => candidate.emoji === emoji);
	if (add && !reaction) {
		reaction = { emoji, userIds: [] };
		message.reactions.push(reaction);
	}
	if (!reaction || reaction.userIds.includes(userId) === add) return noContent;
	reaction.userIds = add ? [...reaction.userIds, userId] : reaction.userIds.filter((id) => id !== userId);
	message.reactions = message.reactions.filter((candidate) => candidate.userIds.length > 0);
	dispatchReaction(context, add ? "MESSAGE_REACTION_ADD" : "MESSAGE_REACTION_REMOVE", message, userId, emoji);
	return noContent;
}

export function messageRoutes(context: FakeContext): Route[] {
	return [
		{ method: "POST", pattern: "/channels/:channelId/messages", handler: (request) => createMessage(context, request) },
		{ method: "GET", pattern: "/channels/:channelId/messages", handler: (request) => listMessages(context, request) },
		{
			method: "GET",
			pattern: "/channels/:channelId/messages/:messageId",
			handler: (request) =>
				ok(messageToApi(context.state, findMessage(context, request.param("channelId"), request.param("messageId")))),
		},
		{
			method: "PATCH",
			pattern: "/channels/:channelId/messages/:messageId",
			handler: (request) => editMessage(context, request),
		},
		{
			method: "DELETE",
			pattern: "/channels/:channelId/messages/:messageId",
			handler: (request) => deleteMessage(context, request),
		},
		{
			method: "PUT",
			pattern: "/channels/:channelId/messages/:messageId/reactions/:emoji/@me",
			handler: (request) => react(context, request, true),
		},
		{
			method: "DELETE",
			pattern: "/channels/:channelId/messages/:messageId/reactions/:emoji/@me",
			handler: (request) => react(context, request, false),
		},
	];
}
