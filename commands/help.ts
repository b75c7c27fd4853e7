// commands/help.ts: what the bot does and how to use it, privately.
import type { ChatInputCommandInteraction } from "discord.js";
import { messages } from "../src/discord/messages.js";

export const definition = {
	name: "help",
	description: "How to make and edit images with this bot",
} as const;

export async function execute(interaction: ChatInputCommandInteraction): Promise<void> {
	await interaction.reply({ content: messages.help, flags: "Ephemeral" });
}
