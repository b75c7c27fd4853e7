// commands/forget.ts: /forget clears this thread's image conversation, after a confirmation.
import type { ChatInputCommandInteraction } from "discord.js";
import type { Deps } from "../src/deps.js";
import { forgetButtons } from "../src/discord/components.js";
import { messages } from "../src/discord/messages.js";

export const definition = {
	name: "forget",
	description: "Clear this thread's image conversation history",
} as const;

export async function execute(interaction: ChatInputCommandInteraction, deps: Deps): Promise<void> {
	const conversation = await deps.store.getConversation(interaction.channelId);
	if (!conversation) {
		await interaction.reply({ content: messages.notAConversation, flags: "Ephemeral" });
		return;
	}
	await interaction.reply({
		content: messages.forgetConfirm,
		components: [forgetButtons(conversation.id)],
		flags: "Ephemeral",
	});
}
