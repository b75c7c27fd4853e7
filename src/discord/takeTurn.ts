// src/discord/takeTurn.ts: runs one turn of a thread's (or DM's) conversation and posts what came of it.
import type { DMChannel, MessageCreateOptions, PartialDMChannel, ThreadChannel } from "discord.js";
import { commitTurn, runTurn } from "../conversation/runTurn.js";
import type { InputImage, TurnOptions, UserTurn } from "../conversation/types.js";
import type { Deps } from "../deps.js";
import { capabilitiesOf } from "../gemini/models.js";
import type { ModelReply } from "../gemini/types.js";
import { describeError } from "./describeError.js";
import { keepTyping } from "./keepTyping.js";
import { blockedMessage, failureMessages, messages } from "./messages.js";
import { type Outgoing, renderParts } from "./renderReply.js";

export type TurnChannel = ThreadChannel | DMChannel | PartialDMChannel;

export type TurnRequest = {
	channel: TurnChannel;
	requesterId: string;
	text: string;
	images: (InputImage & { name: string })[];
	options: TurnOptions;
	/** The member's message, when the turn came from one: errors answer it as a reply. */
	replyTo?: string;
};

/** Sends rendered messages in order; nobody is ever pinged. */
export async function sendAll(channel: TurnChannel, outgoing: readonly Outgoing[], replyTo?: string): Promise<void> {
	for (const [index, message] of outgoing.entries()) {
		const options: MessageCreateOptions = {
			content: message.content || undefined,
			files: message.files.map((file) => ({ attachment: file.data, name: file.name })),
			allowedMentions: { parse: [], repliedUser: false },
		};
		if (replyTo && index === 0) options.reply = { messageReference: replyTo, failIfNotExists: false };
		await channel.send(options);
	}
}

async function render(reply: ModelReply, notes: string[]): Promise<Outgoing[]> {
	switch (reply.kind) {
		case "parts":
			return renderParts(reply.parts, reply.truncated ? [...notes, messages.truncated] : notes);
		case "blocked":
			return renderParts([], [blockedMessage(reply.stage, reply.reason, reply.category)]);
		case "refused":
			return renderParts([{ kind: "text", text: reply.text }], [messages.refusedHint]);
		case "failed":
			return renderParts(reply.text ? [{ kind: "text", text: reply.text }] : [], [failureMessages[reply.reason]]);
	}
}

/** Queues the turn behind the conversation's earlier ones, then runs it, posts the reply and commits it if it made an image. */
export async function takeTurn(deps: Deps, request: TurnRequest): Promise<void> {
	const { channel } = request;
	const logger = deps.logger.child({ module: "turn", conversation: channel.id });
	await deps.turns.run(channel.id, async () => {
		const started = Date.now();
		const stopTyping = keepTyping(channel, logger);
		let model = deps.config.gemini.model;
		try {
			const conversation = await deps.store.getConversation(channel.id);
			if (!conversation) throw new Error("conversation record missing");
			model = conversation.model;
			const turn: UserTurn = {
				text: request.text,
				images: request.images,
				requesterId: request.requesterId,
				options: request.options,
			};
			const { reply, droppedImages } = await runTurn(deps, conversation, turn);
			const notes: string[] = [];
			const animated = request.images.filter((image) => image.firstFrameOnly).map((image) => image.name);
			if (animated.length > 0) notes.push(messages.firstFrameOnly(animated));
			if (reply.kind === "parts" && droppedImages > 0 && !conversation.droppedImagesNotified) {
				notes.push(messages.imagesDropped(capabilitiesOf(model).maxContextImages));
			}
			await sendAll(channel, await render(reply, notes), request.replyTo);
			if (reply.kind === "parts") await commitTurn(deps.store, conversation, turn, reply, { droppedImages });
			deps.metrics.turns.inc({ outcome: reply.kind });
			logger.info(
				{
					model,
					imagesIn: request.images.length,
					imagesOut: reply.kind === "parts" ? reply.parts.filter((part) => part.kind === "image").length : 0,
					outcome: reply.kind === "blocked" ? `blocked:${reply.reason}` : reply.kind,
					promptChars: request.text.length,
					ms: Date.now() - started,
				},
				"turn finished",
			);
		} catch (err) {
			const described = describeError(err, model);
			deps.metrics.turns.inc({ outcome: "error" });
			logger[described.level](
				{ err, ref: described.ref, kind: described.kind, ms: Date.now() - started },
				"turn failed",
			);
			await sendAll(channel, [{ content: described.text, files: [] }], request.replyTo).catch((sendErr: unknown) =>
				logger.warn({ err: sendErr, ref: described.ref }, "could not report the failure in the channel"),
			);
		} finally {
			stopTyping();
		}
	});
}
