// commands/help.ts: what the bot does and how to use it, privately.
import type { ChatInputCommandInteraction } from "discord.js";
import { textForDiscord } from "../src/discord/i18n/textFor.js";

export const definition = {
	name: "help",
	description: "How to make and edit images with this bot",
} as const;

export async function execute(interaction: ChatInputCommandInteraction): Promise<void> {
	const t = textForDiscord(interaction.locale);
	await interaction.reply({ content: t.messages.help, flags: "Ephemeral" });
}
