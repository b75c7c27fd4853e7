// src/discord/routing/handleComponent.ts: result buttons (reroll, undo, edit, info, delete), Cancel, and /forget's confirmation.
import { type ButtonInteraction, MessageFlags, PermissionFlagsBits } from "discord.js";
import { startTurn } from "../../conversation/startTurn.js";
import type { Deps } from "../../deps.js";
import { instructionModal } from "../components.js";
import { textForDiscord } from "../i18n/textFor.js";
import { handleAppeal, handleModAction } from "../moderation/modlogActions.js";
import { channelView } from "../turns/channelView.js";
import { describeResult, forgetHistory, undoLast, undoneNotice, versionsOf } from "../turns/turnActions.js";
import type { TurnChannel } from "../turns/turnChannel.js";
import { type CustomId, encodeCustomId } from "./customIds.js";
import { onMaskButton } from "./maskButton.js";
import { answerOutcome, askerOf, turnPlaceOf } from "./turnRequests.js";

type TurnButton = Extract<CustomId, { kind: "turn" }>;

const privately = (content: string) =>
	({ content, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } }) as const;

async function onTurnButton(interaction: ButtonInteraction, id: TurnButton, deps: Deps): Promise<void> {
	const t = textForDiscord(interaction.locale);
	const channel = interaction.channel as TurnChannel | null;
	const conversation = await deps.store.getConversation(id.conversationId);
	if (!channel || !conversation) {
		await interaction.reply(privately(t.messages.notAConversation));
		return;
	}
	const latest = conversation.exchanges.at(-1);
	switch (id.action) {
		case "info": {
			// A result posted a moment ago may still be committing: its turn is not stored yet. Wait for its line.
			const settled =
				id.turn >= conversation.nextTurn
					? ((await deps.turns.run(id.conversationId, () => deps.store.getConversation(id.conversationId))) ??
						conversation)
					: conversation;
			await interaction.reply(privately(describeResult(settled, id.turn, t) ?? t.messages.notInHistory));
			return;
		}
		case "delete": {
			const mayDelete =
				interaction.user.id === id.requesterId ||
				interaction.memberPermissions?.has(PermissionFlagsBits.ManageMessages);
			if (!mayDelete) {
				await interaction.reply(privately(t.messages.deleteNotAllowed));
				return;
			}
			await interaction.deferReply({ flags: MessageFlags.Ephemeral });
			const exchange = conversation.exchanges.find((candidate) => candidate.turn === id.turn);
			for (const messageId of exchange?.messageIds ?? [interaction.message.id]) {
				await channel.messages.delete(messageId).catch(() => undefined);
			}
			await interaction.editReply(t.messages.deleted);
			return;
		}
		default:
			break;
	}
	if (id.action === "edit") {
		// A result whose commit is still in flight has a turn number above the stored latest: it is the newest.
		if (latest && id.turn < latest.turn) {
			await interaction.reply(privately(t.messages.staleButton(versionsOf(latest))));
			return;
		}
		await interaction.showModal(
			instructionModal(
				encodeCustomId({ kind: "editModal", conversationId: id.conversationId, turn: id.turn }),
				t.labels.editThisImageTitle,
				t,
			),
		);
		return;
	}
	// Reroll and Undo check that their turn is still the latest inside the conversation's queue, after earlier turns commit.
	if (id.action === "reroll") {
		const logger = deps.logger.child({ module: "turn", entry: "reroll" });
		const requesterId = interaction.user.id;
		const view = () => channelView(channel, logger, { requesterId, text: t });
		const outcome = await startTurn(
			deps,
			{
				entry: "reroll",
				place: await turnPlaceOf(channel),
				asker: askerOf(interaction),
				text: "",
				attachments: [],
				target: { kind: "continue", conversationId: id.conversationId, reroll: { turn: id.turn } },
			},
			{
				accepted: () => interaction.deferUpdate().then(() => undefined),
				open: async () => view(),
				view,
				branch: async () => undefined,
			},
		);
		await answerOutcome(interaction, outcome, conversation.model);
		return;
	}
	await interaction.deferUpdate();
	const result = await undoLast(deps, id.conversationId, id.turn);
	if (result.kind === "stale") {
		await interaction.followUp(privately(t.messages.staleButton(versionsOf(result.conversation.exchanges.at(-1)))));
	} else if (result.kind === "empty") {
		await interaction.followUp(privately(t.messages.nothingToUndo));
	} else {
		await channel.send({
			content: await undoneNotice(channel, interaction.user.id, result, t),
			allowedMentions: { parse: [] },
		});
	}
}

/** Routes a button press by its custom id; every state it needs comes from the id and the store. */
export async function handleButton(interaction: ButtonInteraction, id: CustomId, deps: Deps): Promise<void> {
	const t = textForDiscord(interaction.locale);
	switch (id.kind) {
		case "turn":
			return onTurnButton(interaction, id, deps);
		case "cancel": {
			if (interaction.user.id !== id.requesterId) {
				await interaction.reply(privately(t.messages.cancelNotYours));
				return;
			}
			const cancelled = deps.turns.cancel(id.conversationId, id.ticket);
			await interaction.update({
				content: cancelled ? t.messages.cancelled : t.messages.notQueuedAnymore,
				components: [],
			});
			return;
		}
		case "forget": {
			if (!id.confirmed) {
				await interaction.update({ content: t.messages.forgetKept, components: [] });
				return;
			}
			await interaction.deferUpdate();
			const cleared = await forgetHistory(deps, id.conversationId);
			await interaction.editReply({
				content: cleared ? t.messages.historyCleared : t.messages.notAConversation,
				components: [],
			});
			if (cleared && interaction.channel?.isSendable()) {
				await interaction.channel.send({
					content: t.messages.forgotten(interaction.user.id),
					allowedMentions: { parse: [] },
				});
			}
			return;
		}
		case "appeal":
			return handleAppeal(interaction, id.caseId, deps);
		case "modAction":
			return handleModAction(interaction, id, deps);
		case "mask":
			return onMaskButton(interaction, id, deps);
		default:
			return;
	}
}
