// src/discord/routing/handleModal.ts: the Edit modal (next turn) and the "Edit image" modal (a new thread from a message's images).
import { ChannelType, MessageFlags, type ModalSubmitInteraction } from "discord.js";
import type { AttachmentInfo } from "../../conversation/prepareTurn.js";
import { startTurn } from "../../conversation/startTurn.js";
import type { TurnPorts } from "../../conversation/turnRequest.js";
import type { Deps } from "../../deps.js";
import { textForDiscord } from "../i18n/textFor.js";
import { channelView } from "../turns/channelView.js";
import { openThread, threadParentOf } from "../turns/openThread.js";
import { threadTitle } from "../turns/threadTitle.js";
import type { TurnChannel } from "../turns/turnChannel.js";
import type { CustomId } from "./customIds.js";
import { answerOutcome, askerOf, turnPlaceOf } from "./turnRequests.js";

/** Image attachments of a message, by declared type or, when Discord gave none, by name. */
export function imageAttachmentsOf(message: {
	attachments: { values(): Iterable<{ url: string; name: string; size: number; contentType: string | null }> };
}): AttachmentInfo[] {
	return [...message.attachments.values()]
		.filter(
			(attachment) =>
				attachment.contentType?.startsWith("image/") ?? /\.(png|jpe?g|webp|gif|heic|heif|avif)$/i.test(attachment.name),
		)
		.map((attachment) => ({ url: attachment.url, name: attachment.name, size: attachment.size }));
}

async function onEditModal(interaction: ModalSubmitInteraction, conversationId: string, deps: Deps): Promise<void> {
	const t = textForDiscord(interaction.locale);
	const instruction = interaction.fields.getTextInputValue("instruction").trim();
	const channel = interaction.channel as TurnChannel | null;
	if (!channel || channel.id !== conversationId) {
		await interaction.reply({ content: t.messages.notAConversation, flags: MessageFlags.Ephemeral });
		return;
	}
	const logger = deps.logger.child({ module: "turn", entry: "editModal" });
	const requesterId = interaction.user.id;
	let replyTo: string | undefined;
	const ports: TurnPorts = {
		async accepted() {
			const response = await interaction.reply({
				content: t.messages.edited(requesterId, instruction),
				allowedMentions: { parse: [] },
				withResponse: true,
			});
			replyTo = response.resource?.message?.id;
		},
		open: async () => channelView(channel, logger, { requesterId, text: t }),
		view: () => channelView(channel, logger, { requesterId, text: t, ...(replyTo ? { replyTo } : {}) }),
		branch: async () => undefined,
	};
	const outcome = await startTurn(
		deps,
		{
			entry: "editModal",
			place: await turnPlaceOf(channel),
			asker: askerOf(interaction),
			text: instruction,
			attachments: [],
			target: { kind: "continue", conversationId },
		},
		ports,
	);
	await answerOutcome(interaction, outcome, deps.config.gemini.model);
}

async function onEditImageModal(
	interaction: ModalSubmitInteraction,
	channelId: string,
	messageId: string,
	deps: Deps,
): Promise<void> {
	const t = textForDiscord(interaction.locale);
	const instruction = interaction.fields.getTextInputValue("instruction").trim();
	const source = await interaction.client.channels.fetch(channelId);
	if (!source?.isTextBased()) throw new Error("source channel not readable");
	const message = await source.messages.fetch(messageId);
	const isDm = source.type === ChannelType.DM;
	const parent = threadParentOf(source);
	// Checked before the pipeline reserves anything: with nowhere to open a thread, there is no turn to hold a slot for.
	if (!isDm && !parent) {
		await interaction.reply({ content: t.messages.notInConversation, flags: MessageFlags.Ephemeral });
		return;
	}
	const logger = deps.logger.child({ module: "turn", entry: "editImage" });
	const requesterId = interaction.user.id;
	const dmHasConversation = isDm && Boolean(await deps.store.getConversation(source.id));
	const title = threadTitle(instruction, "✏️ ", t.labels.untitledThread);
	const ports: TurnPorts = {
		accepted: () => interaction.deferReply({ flags: MessageFlags.Ephemeral }).then(() => undefined),
		async open({ settings }) {
			if (isDm || !parent) {
				await interaction.editReply(t.messages.editStarted(source.id));
				return channelView(source as TurnChannel, logger, { requesterId, text: t });
			}
			const thread = await openThread(parent, title, {
				reason: t.auditReasons.editImage,
				memberId: requesterId,
				threads: settings.threads,
			});
			await thread.send({
				content: `${t.messages.edited(requesterId, instruction)}\n-# ${message.url}`,
				allowedMentions: { parse: [] },
			});
			await interaction.editReply(t.messages.editStarted(thread.id));
			return channelView(thread, logger, { requesterId, text: t, title: thread.name });
		},
		view: (id) => {
			void interaction.editReply(t.messages.editStarted(id)).catch(() => undefined);
			return channelView(source as TurnChannel, logger, { requesterId, text: t });
		},
		branch: async () => undefined,
	};
	const outcome = await startTurn(
		deps,
		{
			entry: "editImage",
			place: await turnPlaceOf(source),
			asker: askerOf(interaction),
			text: instruction,
			attachments: imageAttachmentsOf(message),
			// A new conversation, in a thread, with the model's defaults: the image's own thread keeps its options.
			options: { output: "image_and_text" },
			target: dmHasConversation ? { kind: "continue", conversationId: source.id } : { kind: "start", title },
		},
		ports,
	);
	await answerOutcome(interaction, outcome, deps.config.gemini.model);
}

/** Routes a modal submission by its custom id. */
export async function handleModal(interaction: ModalSubmitInteraction, id: CustomId, deps: Deps): Promise<void> {
	if (id.kind === "editModal") return onEditModal(interaction, id.conversationId, deps);
	if (id.kind === "editImageModal") return onEditImageModal(interaction, id.channelId, id.messageId, deps);
}
