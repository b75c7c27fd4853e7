// src/discord/handleModal.ts: the Edit modal (next turn) and the "Edit image" modal (a new thread from a message's images).
import { ChannelType, MessageFlags, type ModalSubmitInteraction } from "discord.js";
import { newConversation } from "../conversation/newConversation.js";
import { type AttachmentInfo, checkTurnInput } from "../conversation/prepareTurn.js";
import type { Deps } from "../deps.js";
import { admitTurn, askerOf, loadAdmittedImages, settingsFor } from "./admitTurn.js";
import type { CustomId } from "./customIds.js";
import { messages } from "./messages.js";
import { openThread, threadParentOf } from "./openThread.js";
import { type TurnChannel, takeTurn } from "./takeTurn.js";
import { threadTitle } from "./threadTitle.js";

const OUTPUT_DEFAULT = { output: "image_and_text" } as const;

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
	const instruction = interaction.fields.getTextInputValue("instruction").trim();
	const conversation = await deps.store.getConversation(conversationId);
	const channel = interaction.channel as TurnChannel | null;
	if (!conversation || !channel) {
		await interaction.reply({ content: messages.notAConversation, flags: MessageFlags.Ephemeral });
		return;
	}
	checkTurnInput({ text: instruction, attachments: [], options: conversation.options, model: conversation.model });
	const admission = await admitTurn(deps, { channel, asker: askerOf(interaction), prompt: instruction, conversation });
	const response = await interaction.reply({
		content: messages.edited(interaction.user.id, instruction),
		allowedMentions: { parse: [] },
		withResponse: true,
	});
	await takeTurn(deps, {
		channel,
		requesterId: interaction.user.id,
		text: instruction,
		images: [],
		options: conversation.options,
		admission,
		...(response.resource?.message ? { replyTo: response.resource.message.id } : {}),
	});
}

async function onEditImageModal(
	interaction: ModalSubmitInteraction,
	channelId: string,
	messageId: string,
	deps: Deps,
): Promise<void> {
	const instruction = interaction.fields.getTextInputValue("instruction").trim();
	const source = await interaction.client.channels.fetch(channelId);
	if (!source?.isTextBased()) throw new Error("source channel not readable");
	const message = await source.messages.fetch(messageId);
	const attachments = imageAttachmentsOf(message);
	const { settings } = await settingsFor(deps, source);
	const model = source.type === ChannelType.DM ? deps.config.gemini.model : settings.model;
	checkTurnInput({ text: instruction, attachments, options: OUTPUT_DEFAULT, model });
	const parent = threadParentOf(source);
	// Checked before the policy reserves anything: with nowhere to open a thread, there is no turn to hold a slot for.
	if (source.type !== ChannelType.DM && !parent) {
		await interaction.reply({ content: messages.notInConversation, flags: MessageFlags.Ephemeral });
		return;
	}
	const admission = await admitTurn(deps, { channel: source, asker: askerOf(interaction), prompt: instruction });
	await interaction.deferReply({ flags: MessageFlags.Ephemeral });
	const images = await loadAdmittedImages(deps, admission, attachments);
	let channel: TurnChannel;
	if (source.type === ChannelType.DM) {
		channel = source;
		if (!(await deps.store.getConversation(source.id))) {
			await deps.store.saveConversation(
				newConversation({
					id: source.id,
					ownerId: interaction.user.id,
					model,
					title: threadTitle(instruction),
					options: OUTPUT_DEFAULT,
				}),
			);
		}
	} else {
		if (!parent) return;
		const thread = await openThread(parent, threadTitle(instruction, "✏️ "), {
			reason: "Edit image",
			memberId: interaction.user.id,
			threads: admission.settings.threads,
		});
		await deps.store.saveConversation(
			newConversation({
				id: thread.id,
				guildId: interaction.guildId,
				ownerId: interaction.user.id,
				model,
				title: thread.name,
				options: OUTPUT_DEFAULT,
			}),
		);
		await thread.send({
			content: `${messages.edited(interaction.user.id, instruction)}\n-# ${message.url}`,
			allowedMentions: { parse: [] },
		});
		channel = thread;
	}
	await interaction.editReply(messages.editStarted(channel.id));
	await takeTurn(deps, {
		channel,
		requesterId: interaction.user.id,
		text: instruction,
		images,
		options: OUTPUT_DEFAULT,
	});
}

/** Routes a modal submission by its custom id. */
export async function handleModal(interaction: ModalSubmitInteraction, id: CustomId, deps: Deps): Promise<void> {
	if (id.kind === "editModal") return onEditModal(interaction, id.conversationId, deps);
	if (id.kind === "editImageModal") return onEditImageModal(interaction, id.channelId, id.messageId, deps);
}
