// commands/forget.ts: /forget clears this thread's image conversation, after a confirmation.
import type { ChatInputCommandInteraction } from "discord.js";
import type { Deps } from "../src/deps.js";
import { forgetButtons } from "../src/discord/components.js";
import { textForDiscord } from "../src/discord/i18n/textFor.js";

export const definition = {
	name: "forget",
	description: "Clear this thread's image conversation history",
} as const;

export async function execute(interaction: ChatInputCommandInteraction, deps: Deps): Promise<void> {
	const t = textForDiscord(interaction.locale);
	const conversation = await deps.store.getConversation(interaction.channelId);
	if (!conversation) {
		await interaction.reply({ content: t.messages.notAConversation, flags: "Ephemeral" });
		return;
	}
	await interaction.reply({
		content: t.messages.forgetConfirm,
		components: [forgetButtons(conversation.id, t)],
		flags: "Ephemeral",
	});
}
