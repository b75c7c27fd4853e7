// src/discord/handleInteraction.ts: routes interactions to commands; the one boundary where their errors are answered.
import type { Interaction } from "discord.js";
import { chatCommands } from "../../commands/index.js";
import type { Deps } from "../deps.js";
import { describeError } from "./describeError.js";

/** Runs the command an interaction names; any error is logged with a ref and answered privately, never as a stack. */
export async function handleInteraction(interaction: Interaction, deps: Deps): Promise<void> {
	if (!interaction.isChatInputCommand()) return;
	const command = chatCommands.find((candidate) => candidate.definition.name === interaction.commandName);
	if (!command) return;
	const logger = deps.logger.child({ module: "interaction", command: interaction.commandName });
	try {
		await command.execute(interaction, deps);
	} catch (err) {
		const described = describeError(err, deps.config.gemini.model);
		logger[described.level](
			{ err, ref: described.ref, kind: described.kind, user: interaction.user.id },
			"command failed",
		);
		const payload = { content: described.text, allowedMentions: { parse: [] } };
		try {
			if (interaction.deferred) await interaction.editReply(payload);
			else if (interaction.replied) await interaction.followUp({ ...payload, flags: "Ephemeral" });
			else await interaction.reply({ ...payload, flags: "Ephemeral" });
		} catch (replyErr) {
			logger.warn({ err: replyErr, ref: described.ref }, "could not answer the failed command");
		}
	}
}
