// commands/editImage.ts: the "Edit image" message command: asks what to change, then opens a thread with those images.
import { ApplicationCommandType, type MessageContextMenuCommandInteraction } from "discord.js";
import type { Deps } from "../src/deps.js";
import { instructionModal } from "../src/discord/components.js";
import { textForDiscord } from "../src/discord/i18n/textFor.js";
import { encodeCustomId } from "../src/discord/routing/customIds.js";
import { imageAttachmentsOf } from "../src/discord/routing/handleModal.js";

export const definition = {
	name: "Edit image",
	type: ApplicationCommandType.Message,
} as const;

export async function execute(interaction: MessageContextMenuCommandInteraction, _deps: Deps): Promise<void> {
	const t = textForDiscord(interaction.locale);
	const target = interaction.targetMessage;
	if (imageAttachmentsOf(target).length === 0) {
		await interaction.reply({ content: t.messages.editNoImages, flags: "Ephemeral" });
		return;
	}
	const customId = encodeCustomId({ kind: "editImageModal", channelId: target.channelId, messageId: target.id });
	await interaction.showModal(instructionModal(customId, t.labels.editImageTitle, t));
}
