// Interaction callbacks and the interaction webhook (@original, follow-ups), with Discord's timing and ack rules.
import type { FakeContext, Route, RouteRequest, RouteResponse } from "../context.js";
import { noContent, ok } from "../context.js";
import { apiErrors, asRecord, invalidForm, isRecord, optionalNumber } from "../errors.js";
import { dispatchMessageCreate, dispatchMessageDelete, dispatchMessageUpdate } from "../events.js";
import type { InteractionRecord } from "../interactionRecord.js";
import {
	applyEdit,
	assertNotEmpty,
	computeMentions,
	MESSAGE_FLAGS,
	type MessageFields,
	readMessageBody,
	resolveAttachments,
	settableFlags,
} from "../messageBody.js";
import { messageToApi } from "../serialize.js";
import type { StoredMessage } from "../types.js";

const CALLBACK = {
	Pong: 1,
	ChannelMessage: 4,
	DeferredChannelMessage: 5,
	DeferredUpdate: 6,
	UpdateMessage: 7,
	Autocomplete: 8,
	Modal: 9,
} as const;
const INTERACTION = { Ping: 1, Command: 2, Component: 3, Autocomplete: 4, ModalSubmit: 5 } as const;

/** Which callback types each interaction type accepts. */
const ALLOWED_CALLBACKS: Record<number, number[]> = {
	[INTERACTION.Ping]: [CALLBACK.Pong],
	[INTERACTION.Command]: [CALLBACK.ChannelMessage, CALLBACK.DeferredChannelMessage, CALLBACK.Modal],
	[INTERACTION.Component]: [
		CALLBACK.ChannelMessage,
		CALLBACK.DeferredChannelMessage,
		CALLBACK.DeferredUpdate,
		CALLBACK.UpdateMessage,
		CALLBACK.Modal,
	],
	[INTERACTION.Autocomplete]: [CALLBACK.Autocomplete],
	[INTERACTION.ModalSubmit]: [
		CALLBACK.ChannelMessage,
		CALLBACK.DeferredChannelMessage,
		CALLBACK.DeferredUpdate,
		CALLBACK.UpdateMessage,
	],
};

/** Creates a message authored by the application's webhook for an interaction. */
function createResponseMessage(
	context: FakeContext,
	record: InteractionRecord,
	fields: MessageFields,
	files: RouteRequest["files"],
	flags: number,
): StoredMessage {
	const { state } = context;
	const attachments = resolveAttachments(context, record.channelId, [], fields.attachments, files);
	if (!(flags & MESSAGE_FLAGS.Loading)) assertNotEmpty(fields, attachments);
	const user = state.requireUser(record.init.userId);
	const message = state.createMessage({
		channel_id: record.channelId,
		...(record.init.guildId ? { guild_id: record.init.guildId } : {}),
		author: { id: state.botUser.id, username: state.botUser.username, bot: true },
		content: fields.content ?? "",
		embeds: fields.embeds ?? [],
		components: fields.components ?? [],
		attachments,
		flags,
		type: record.init.messageType,
		webhook_id: state.botUser.id,
		application_id: state.botUser.id,
		interactionId: record.id,
		mentions: computeMentions(fields.content ?? "", fields.allowed_mentions, undefined),
		interaction_metadata: {
			id: record.id,
			type: record.type,
			user,
			authorizing_integration_owners: { "0": record.init.guildId ?? "0" },
			...(record.init.commandName ? { name: record.init.commandName } : {}),
			...(record.init.commandType ? { command_type: record.init.commandType } : {}),
			...(record.init.componentMessageId ? { interacted_message_id: record.init.componentMessageId } : {}),
		},
		...(fields.allowed_mentions !== undefined ? { allowed_mentions: fields.allowed_mentions } : {}),
	});
	dispatchMessageCreate(context, message);
	return message;
}

function callback(context: FakeContext, request: RouteRequest): RouteResponse {
	const record = context.state.interactions.get(request.param("interactionId"));
	if (!record || record.token !== request.param("token")) throw apiErrors.unknownInteraction();
	if (record.acknowledged) throw apiErrors.alreadyAcknowledged();
	if (Date.now() > record.init.ackDeadline) throw apiErrors.unknownInteraction();
	const body = asRecord(request.body);
	const type = optionalNumber(body, "type");
	if (type === undefined || !(ALLOWED_CALLBACKS[record.type] ?? []).includes(type)) {
		throw invalidForm(
			"type",
			"BASE_TYPE_CHOICES",
			"Value is not a valid interaction callback type for this interaction.",
		);
	}
	if (type === CALLBACK.UpdateMessage || type === CALLBACK.DeferredUpdate) {
		if (!record.init.componentMessageId)
			throw invalidForm("type", "INTERACTION_NO_MESSAGE", "This interaction has no message to update.");
	}
	const data = body.data;
	let message: StoredMessage | undefined;
	if (type === CALLBACK.ChannelMessage) {
		const fields = readMessageBody(data);
		message = createResponseMessage(context, record, fields, request.files, settableFlags(fields.flags, true));
	} else if (type === CALLBACK.DeferredChannelMessage) {
		const wanted = isRecord(data) ? (optionalNumber(data, "flags") ?? 0) : 0;
		message = createResponseMessage(
			context,
			record,
			{ hasPollOrSticker: false },
			[],
			(wanted & MESSAGE_FLAGS.Ephemeral) | MESSAGE_FLAGS.Loading,
		);
	} else if (type === CALLBACK.UpdateMessage || type === CALLBACK.DeferredUpdate) {
		message = context.state.messagesById.get(record.init.componentMessageId ?? "");
		if (!message || message.deleted) throw apiErrors.unknownMessage();
		if (type === CALLBACK.UpdateMessage) {
			applyEdit(context, message, readMessageBody(data), request.files);
			dispatchMessageUpdate(context, message);
		}
	} else if (type === CALLBACK.Modal) {
		validateModal(data);
		record.modal = data;
	}
	record.callbacks.push(data === undefined ? { type } : { type, data });
	if (message) {
		record.originalId = message.id;
		record.ephemeral =
			(message.flags & MESSAGE_FLAGS.Ephemeral) !== 0 &&
			type !== CALLBACK.UpdateMessage &&
			type !== CALLBACK.DeferredUpdate;
	}
	if (request.query.get("with_response") !== "true") return noContent;
	const created =
		type === CALLBACK.ChannelMessage || type === CALLBACK.DeferredChannelMessage || type === CALLBACK.UpdateMessage;
	return ok({
		interaction: {
			id: record.id,
			type: record.type,
			...(message && created
				? {
						response_message_id: message.id,
						response_message_loading: (message.flags & MESSAGE_FLAGS.Loading) !== 0,
						response_message_ephemeral: (message.flags & MESSAGE_FLAGS.Ephemeral) !== 0,
					}
				: {}),
		},
		resource: { type, ...(message && created ? { message: messageToApi(context.state, message) } : {}) },
	});
}

function validateModal(data: unknown): void {
	const modal = asRecord(data);
	if (typeof modal.custom_id !== "string" || modal.custom_id.length > 100)
		throw invalidForm("data.custom_id", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.");
	if (typeof modal.title !== "string" || modal.title.length > 45)
		throw invalidForm("data.title", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 45 in length.");
	if (!Array.isArray(modal.components) || modal.components.length < 1 || modal.components.length > 5) {
		throw invalidForm("data.components", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 5 in length.");
	}
}

/** The interaction behind a webhook token; tokens of other applications or past their lifetime are refused. */
function webhookRecord(context: FakeContext, request: RouteRequest): InteractionRecord {
	if (request.param("applicationId") !== context.state.botUser.id) throw apiErrors.unknownWebhook();
	const token = request.param("token");
	const record = [...context.state.interactions.values()].find((candidate) => candidate.token === token);
	if (!record) throw apiErrors.unknownWebhook();
	if (Date.now() > record.init.expiresAt) throw apiErrors.invalidWebhookToken();
	if (!record.acknowledged) throw apiErrors.unknownWebhook();
	return record;
}

function webhookMessage(
	context: FakeContext,
	request: RouteRequest,
): { record: InteractionRecord; message: StoredMessage } {
	const record = webhookRecord(context, request);
	const wanted = request.param("messageId");
	const id = wanted === "@original" ? record.originalId : record.followUpIds.find((candidate) => candidate === wanted);
	const message = id === undefined ? undefined : context.state.messagesById.get(id);
	if (!message || message.deleted) throw apiErrors.unknownMessage();
	return { record, message };
}

function editWebhookMessage(context: FakeContext, request: RouteRequest): RouteResponse {
	const { message } = webhookMessage(context, request);
	const fields = readMessageBody(request.body);
	applyEdit(context, message, fields, request.files, { clearLoading: true });
	dispatchMessageUpdate(context, message);
	return ok(messageToApi(context.state, message));
}

/** A follow-up right after a deferred reply fills the "thinking…" message instead (its ephemeral flag is ignored). */
function followUp(context: FakeContext, request: RouteRequest): RouteResponse {
	const record = webhookRecord(context, request);
	const fields = readMessageBody(request.body);
	const original = record.original();
	let message: StoredMessage;
	if (original && !original.deleted && original.flags & MESSAGE_FLAGS.Loading) {
		applyEdit(context, original, { ...fields, flags: settableFlags(fields.flags, false) }, request.files, {
			clearLoading: true,
		});
		dispatchMessageUpdate(context, original);
		message = original;
	} else {
		message = createResponseMessage(context, record, fields, request.files, settableFlags(fields.flags, true));
		record.followUpIds.push(message.id);
	}
	return request.query.get("wait") === "true" ? ok(messageToApi(context.state, message)) : noContent;
}

function deleteWebhookMessage(context: FakeContext, request: RouteRequest): RouteResponse {
	const { message } = webhookMessage(context, request);
	message.deleted = true;
	dispatchMessageDelete(context, message);
	return noContent;
}

export function interactionRoutes(context: FakeContext): Route[] {
	const message = "/webhooks/:applicationId/:token/messages/:messageId";
	return [
		{
			method: "POST",
			pattern: "/interactions/:interactionId/:token/callback",
			auth: false,
			handler: (request) => callback(context, request),
		},
		{
			method: "POST",
			pattern: "/webhooks/:applicationId/:token",
			auth: false,
			handler: (request) => followUp(context, request),
		},
		{
			method: "GET",
			pattern: message,
			auth: false,
			handler: (request) => ok(messageToApi(context.state, webhookMessage(context, request).message)),
		},
		{ method: "PATCH", pattern: message, auth: false, handler: (request) => editWebhookMessage(context, request) },
		{ method: "DELETE", pattern: message, auth: false, handler: (request) => deleteWebhookMessage(context, request) },
	];
}
