// commands/undo.ts: /undo drops the last exchange of this thread's conversation, like the Undo button.
import type { ChatInputCommandInteraction } from "discord.js";
import type { Deps } from "../src/deps.js";
import { textForDiscord } from "../src/discord/i18n/textFor.js";
import { undoLast, undoneNotice } from "../src/discord/turns/turnActions.js";
import type { TurnChannel } from "../src/discord/turns/turnChannel.js";

export const definition = {
	name: "undo",
	description: "Take the last turn out of this thread's image conversation",
} as const;

export async function execute(interaction: ChatInputCommandInteraction, deps: Deps): Promise<void> {
	const t = textForDiscord(interaction.locale);
	const channel = interaction.channel as TurnChannel | null;
	if (!channel || !(await deps.store.getConversation(channel.id))) {
		await interaction.reply({ content: t.messages.notAConversation, flags: "Ephemeral" });
		return;
	}
	await interaction.deferReply();
	const result = await undoLast(deps, channel.id);
	if (result.kind !== "undone") {
		await interaction.editReply(t.messages.nothingToUndo);
		return;
	}
	await interaction.editReply({
		content: await undoneNotice(channel, interaction.user.id, result, t),
		allowedMentions: { parse: [] },
	});
}
