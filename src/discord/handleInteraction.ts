// src/discord/handleInteraction.ts: routes interactions to commands, buttons and modals; the one boundary where their errors are answered.
import type { Interaction } from "discord.js";
import { chatCommands, messageCommands } from "../../commands/index.js";
import type { Deps } from "../deps.js";
import { parseCustomId } from "./customIds.js";
import { describeError } from "./describeError.js";
import { handleButton } from "./handleComponent.js";
import { handleModal } from "./handleModal.js";

function route(interaction: Interaction, deps: Deps): { name: string; run: () => Promise<void> } | undefined {
	if (interaction.isChatInputCommand()) {
		const command = chatCommands.find((candidate) => candidate.definition.name === interaction.commandName);
		return command && { name: interaction.commandName, run: () => command.execute(interaction, deps) };
	}
	if (interaction.isMessageContextMenuCommand()) {
		const command = messageCommands.find((candidate) => candidate.definition.name === interaction.commandName);
		return command && { name: interaction.commandName, run: () => command.execute(interaction, deps) };
	}
	if (interaction.isButton() || interaction.isModalSubmit()) {
		const id = parseCustomId(interaction.customId);
		if (!id) return undefined;
		const name = `${interaction.isButton() ? "button" : "modal"}:${id.kind}`;
		return {
			name,
			run: () => (interaction.isButton() ? handleButton(interaction, id, deps) : handleModal(interaction, id, deps)),
		};
	}
	return undefined;
}

/** Runs what an interaction names; any error is logged with a ref and answered privately, never as a stack. */
export async function handleInteraction(interaction: Interaction, deps: Deps): Promise<void> {
	const target = route(interaction, deps);
	if (!target || !interaction.isRepliable()) return;
	const logger = deps.logger.child({ module: "interaction", command: target.name });
	try {
		await target.run();
	} catch (err) {
		const described = describeError(err, deps.config.gemini.model);
		logger[described.level](
			{ err, ref: described.ref, kind: described.kind, user: interaction.user.id },
			"interaction failed",
		);
		const payload = { content: described.text, allowedMentions: { parse: [] } };
		try {
			if (interaction.deferred || interaction.replied) await interaction.followUp({ ...payload, flags: "Ephemeral" });
			else await interaction.reply({ ...payload, flags: "Ephemeral" });
		} catch (replyErr) {
			logger.warn({ err: replyErr, ref: described.ref }, "could not answer the failed interaction");
		}
	}
}
