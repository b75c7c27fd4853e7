// src/discord/routing/handleInteraction.ts: routes interactions to commands, buttons and modals; the one boundary where their errors are answered.
import type { ChatInputCommandInteraction, Interaction, MessageContextMenuCommandInteraction } from "discord.js";
import type { Deps } from "../../deps.js";
import { CodedError } from "../../errors.js";
import { rememberLocale, textForDiscord } from "../i18n/textFor.js";
import { parseCustomId } from "./customIds.js";
import { describeError } from "./describeError.js";
import { handleButton } from "./handleComponent.js";
import { handleModal } from "./handleModal.js";

type Handler<I> = { definition: { name: string }; execute(interaction: I, deps: Deps): Promise<void> };

/** The commands the router knows, handed over by the composition root. */
export type CommandList = {
	chat: readonly Handler<ChatInputCommandInteraction>[];
	message: readonly Handler<MessageContextMenuCommandInteraction>[];
};

function route(
	interaction: Interaction,
	deps: Deps,
	commands: CommandList,
): { name: string; run: () => Promise<void> } | undefined {
	if (interaction.isChatInputCommand()) {
		const command = commands.chat.find((candidate) => candidate.definition.name === interaction.commandName);
		return command && { name: interaction.commandName, run: () => command.execute(interaction, deps) };
	}
	if (interaction.isMessageContextMenuCommand()) {
		const command = commands.message.find((candidate) => candidate.definition.name === interaction.commandName);
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

/**
 * Runs what an interaction names; any error is answered privately, never as a stack. An expected refusal (a coded
 * error) is logged at info as its code alone; anything else with the error and a ref the member also sees.
 */
export async function handleInteraction(interaction: Interaction, deps: Deps, commands: CommandList): Promise<void> {
	const target = route(interaction, deps, commands);
	if (!target || !interaction.isRepliable()) return;
	const logger = deps.logger.child({ module: "interaction", command: target.name });
	// The member's language in this conversation, for their later plain messages there (which carry no locale).
	if (interaction.channel?.isThread() || interaction.channel?.isDMBased()) {
		const where = { conversationId: interaction.channel.id, userId: interaction.user.id };
		void rememberLocale(deps.store.keyv, { ...where, discordLocale: interaction.locale }).catch((err: unknown) =>
			logger.debug({ err }, "could not remember the member's locale"),
		);
	}
	try {
		await target.run();
	} catch (err) {
		const described = describeError(err, deps.config.gemini.model, textForDiscord(interaction.locale));
		const fields = { ref: described.ref, kind: described.kind, user: interaction.user.id };
		if (err instanceof CodedError) logger.info(fields, "interaction refused");
		else logger[described.level]({ ...fields, err }, "interaction failed");
		const payload = { content: described.text, allowedMentions: { parse: [] } };
		try {
			if (interaction.deferred || interaction.replied) await interaction.followUp({ ...payload, flags: "Ephemeral" });
			else await interaction.reply({ ...payload, flags: "Ephemeral" });
		} catch (replyErr) {
			logger.warn({ err: replyErr, ref: described.ref }, "could not answer the failed interaction");
		}
	}
}
