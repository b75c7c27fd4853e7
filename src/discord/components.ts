// src/discord/components.ts: the button rows and modals the bot shows.
import {
	type APIActionRowComponent,
	type APIButtonComponentWithCustomId,
	type APIComponentInMessageActionRow,
	ButtonStyle,
	ComponentType,
	ModalBuilder,
	TextInputStyle,
} from "discord.js";
import { encodeCustomId, type ModAction } from "./routing/customIds.js";

export type ButtonRow = APIActionRowComponent<APIComponentInMessageActionRow>;

const button = (
	customId: string,
	label: string,
	style: APIButtonComponentWithCustomId["style"],
	emoji?: string,
): APIButtonComponentWithCustomId => ({
	type: ComponentType.Button,
	custom_id: customId,
	label,
	style,
	...(emoji ? { emoji: { name: emoji } } : {}),
});

/** Reroll, Undo, Edit, Info and Delete under a result. */
export function resultButtons(conversationId: string, turn: number, requesterId: string): ButtonRow {
	const id = (action: "reroll" | "undo" | "edit" | "info" | "delete") =>
		encodeCustomId({ kind: "turn", action, conversationId, turn, requesterId });
	return {
		type: ComponentType.ActionRow,
		components: [
			button(id("reroll"), "Reroll", ButtonStyle.Secondary, "🎲"),
			button(id("undo"), "Undo", ButtonStyle.Secondary, "↩️"),
			button(id("edit"), "Edit", ButtonStyle.Primary, "✏️"),
			button(id("info"), "Info", ButtonStyle.Secondary, "ℹ️"),
			button(id("delete"), "Delete", ButtonStyle.Danger, "🗑️"),
		],
	};
}

/** A Cancel button for a turn waiting in line. */
export function cancelButton(conversationId: string, ticket: string, requesterId: string): ButtonRow {
	return {
		type: ComponentType.ActionRow,
		components: [
			button(encodeCustomId({ kind: "cancel", conversationId, ticket, requesterId }), "Cancel", ButtonStyle.Secondary),
		],
	};
}

/** "Report a mistake" under a refusal card: sends the case to the moderators once. */
export function appealButton(caseId: string): ButtonRow {
	return {
		type: ComponentType.ActionRow,
		components: [button(encodeCustomId({ kind: "appeal", caseId }), "Report a mistake", ButtonStyle.Secondary, "🚩")],
	};
}

/** A moderator's quick actions under a moderation-log entry; the actions in `done` show disabled. */
export function modActionButtons(caseId: string, done: readonly ModAction[] = []): ButtonRow {
	const action = (
		modAction: ModAction,
		label: string,
		style: APIButtonComponentWithCustomId["style"],
		emoji: string,
	) => ({
		...button(encodeCustomId({ kind: "modAction", action: modAction, caseId }), label, style, emoji),
		...(done.includes(modAction) ? { disabled: true } : {}),
	});
	return {
		type: ComponentType.ActionRow,
		components: [
			action("delete", "Delete output", ButtonStyle.Danger, "🗑️"),
			action("lock", "Lock thread", ButtonStyle.Secondary, "🔒"),
			action("timeout", "Time out member (10 minutes)", ButtonStyle.Danger, "⏳"),
		],
	};
}

/** Confirm and keep buttons for /forget. */
export function forgetButtons(conversationId: string): ButtonRow {
	return {
		type: ComponentType.ActionRow,
		components: [
			button(
				encodeCustomId({ kind: "forget", confirmed: true, conversationId }),
				"Clear the history",
				ButtonStyle.Danger,
			),
			button(encodeCustomId({ kind: "forget", confirmed: false, conversationId }), "Keep it", ButtonStyle.Secondary),
		],
	};
}

/** The modal asking what to change; `customId` says what the answer applies to. */
export function instructionModal(customId: string, title: string): ModalBuilder {
	return new ModalBuilder()
		.setCustomId(customId)
		.setTitle(title)
		.addLabelComponents((label) =>
			label
				.setLabel("What should change?")
				.setTextInputComponent((input) =>
					input
						.setCustomId("instruction")
						.setStyle(TextInputStyle.Paragraph)
						.setRequired(true)
						.setMaxLength(4_000)
						.setPlaceholder("make the car yellow"),
				),
		);
}
