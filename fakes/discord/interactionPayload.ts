// Builds and dispatches INTERACTION_CREATE payloads the way Discord shapes them for a guild channel or a DM.
import { randomBytes } from "node:crypto";
import type { FakeContext } from "./context.js";
import { type InteractionInit, InteractionRecord } from "./interactionRecord.js";
import { BASIC_MEMBER_PERMISSIONS } from "./permissions.js";
import { channelToApi, memberToApi, messageToApi, userToApi } from "./serialize.js";
import { CHANNEL_TYPES, isThread } from "./state.js";
import type { StoredMessage } from "./types.js";

export interface InteractionSpec {
	type: number;
	channelId: string;
	userId: string;
	data: Record<string, unknown>;
	messageType: number;
	commandName?: string;
	commandType?: number;
	message?: StoredMessage;
}

/** Fails like the Discord client would refuse: a non-member, or a member without the permission, cannot act here. */
export function assertMayAct(
	context: FakeContext,
	userId: string,
	channelId: string,
	permission: bigint,
	what: string,
): void {
	const { state } = context;
	state.requireUser(userId);
	const channel = state.requireChannel(channelId);
	if (channel.type === CHANNEL_TYPES.DM) {
		if (!channel.recipients?.some((user) => user.id === userId))
			throw new Error(`fake Discord: user ${userId} is not in DM ${channelId}`);
		return;
	}
	if (!state.members.has(userId)) throw new Error(`fake Discord: user ${userId} is not a member of the guild`);
	if ((state.permissionsOf(userId) & permission) === 0n) {
		throw new Error(`fake Discord: user ${userId} lacks the permission to ${what} (timed out?)`);
	}
	if (isThread(channel) && channel.thread_metadata?.locked && what === "send messages") {
		throw new Error(`fake Discord: thread ${channelId} is locked`);
	}
}

export function dispatchInteraction(context: FakeContext, spec: InteractionSpec): InteractionRecord {
	const { state, options } = context;
	const channel = state.requireChannel(spec.channelId);
	const user = state.requireUser(spec.userId);
	const guildId = channel.guild_id;
	const now = Date.now();
	const init: InteractionInit = {
		id: state.nextId(),
		token: `aW50ZXJhY3Rpb246${randomBytes(48).toString("base64url")}`,
		type: spec.type,
		channelId: channel.id,
		userId: user.id,
		messageType: spec.messageType,
		ackDeadline: now + options.interactionAckTimeoutMs,
		expiresAt: now + options.interactionTokenTtlMs,
		...(guildId ? { guildId } : {}),
		...(spec.commandName ? { commandName: spec.commandName } : {}),
		...(spec.commandType ? { commandType: spec.commandType } : {}),
		...(spec.message ? { componentMessageId: spec.message.id } : {}),
	};
	const record = new InteractionRecord(init, (id) => state.messagesById.get(id));
	state.interactions.set(record.id, record);
	const payload: Record<string, unknown> = {
		id: record.id,
		application_id: state.botUser.id,
		type: spec.type,
		data: spec.data,
		token: record.token,
		version: 1,
		channel: channelToApi(channel),
		channel_id: channel.id,
		app_permissions: (guildId ? state.permissionsOf(state.botUser.id) : BASIC_MEMBER_PERMISSIONS).toString(),
		locale: state.userLocales.get(user.id) ?? "en-US",
		entitlements: [],
		authorizing_integration_owners: { "0": guildId ?? "0" },
		context: guildId ? 0 : 1,
		attachment_size_limit: options.maxUploadBytes,
	};
	if (guildId) {
		payload.guild_id = guildId;
		payload.guild = { id: guildId, locale: state.guildLocale, features: [] };
		payload.guild_locale = state.guildLocale;
		payload.member = { ...memberToApi(state, user.id), permissions: state.permissionsOf(user.id).toString() };
	} else {
		payload.user = userToApi(user);
	}
	if (spec.message) payload.message = messageToApi(state, spec.message);
	context.gateway.dispatch("INTERACTION_CREATE", payload, guildId ? { guildId } : {});
	return record;
}
