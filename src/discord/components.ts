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
import type { Text } from "./i18n/textFor.js";
import { encodeCustomId, type ModAction } from "./routing/customIds.js";

/** How long the moderation log's "Time out member" silences the member. */
export const MOD_TIMEOUT_MS = 10 * 60_000;

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
export function resultButtons(conversationId: string, turn: number, requesterId: string, t: Text): ButtonRow {
	const id = (action: "reroll" | "undo" | "edit" | "info" | "delete") =>
		encodeCustomId({ kind: "turn", action, conversationId, turn, requesterId });
	return {
		type: ComponentType.ActionRow,
		components: [
			button(id("reroll"), t.labels.reroll, ButtonStyle.Secondary, "🎲"),
			button(id("undo"), t.labels.undo, ButtonStyle.Secondary, "↩️"),
			button(id("edit"), t.labels.edit, ButtonStyle.Primary, "✏️"),
			button(id("info"), t.labels.info, ButtonStyle.Secondary, "ℹ️"),
			button(id("delete"), t.labels.delete, ButtonStyle.Danger, "🗑️"),
		],
	};
}

/** A Cancel button for a turn waiting in line. */
export function cancelButton(conversationId: string, ticket: string, requesterId: string, t: Text): ButtonRow {
	return {
		type: ComponentType.ActionRow,
		components: [
			button(
				encodeCustomId({ kind: "cancel", conversationId, ticket, requesterId }),
				t.labels.cancel,
				ButtonStyle.Secondary,
			),
		],
	};
}

/** "Report a mistake" under a refusal card: sends the case to the moderators once. */
export function appealButton(caseId: string, t: Text): ButtonRow {
	return {
		type: ComponentType.ActionRow,
		components: [
			button(encodeCustomId({ kind: "appeal", caseId }), t.labels.reportMistake, ButtonStyle.Secondary, "🚩"),
		],
	};
}

/** A moderator's quick actions under a moderation-log entry; the actions in `done` show disabled. */
export function modActionButtons(caseId: string, done: readonly ModAction[], t: Text): ButtonRow {
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
			action("delete", t.labels.deleteOutput, ButtonStyle.Danger, "🗑️"),
			action("lock", t.labels.lockThread, ButtonStyle.Secondary, "🔒"),
			action("timeout", t.labels.timeoutMember(MOD_TIMEOUT_MS / 60_000), ButtonStyle.Danger, "⏳"),
		],
	};
}

/** "Use this mask" and "Cancel" under a /background mask preview. */
export function maskButtons(jobId: string, requesterId: string, t: Text): ButtonRow {
	const id = (use: boolean) => encodeCustomId({ kind: "mask", use, jobId, requesterId });
	return {
		type: ComponentType.ActionRow,
		components: [
			button(id(true), t.labels.useMask, ButtonStyle.Primary, "✅"),
			button(id(false), t.labels.cancel, ButtonStyle.Secondary),
		],
	};
}

/** Confirm and keep buttons for /forget. */
export function forgetButtons(conversationId: string, t: Text): ButtonRow {
	return {
		type: ComponentType.ActionRow,
		components: [
			button(
				encodeCustomId({ kind: "forget", confirmed: true, conversationId }),
				t.labels.clearHistory,
				ButtonStyle.Danger,
			),
			button(
				encodeCustomId({ kind: "forget", confirmed: false, conversationId }),
				t.labels.keepHistory,
				ButtonStyle.Secondary,
			),
		],
	};
}

/** The modal asking what to change; `customId` says what the answer applies to. */
export function instructionModal(customId: string, title: string, t: Text): ModalBuilder {
	return new ModalBuilder()
		.setCustomId(customId)
		.setTitle(title)
		.addLabelComponents((label) =>
			label
				.setLabel(t.labels.instructionLabel)
				.setTextInputComponent((input) =>
					input
						.setCustomId("instruction")
						.setStyle(TextInputStyle.Paragraph)
						.setRequired(true)
						.setMaxLength(4_000)
						.setPlaceholder(t.labels.instructionPlaceholder),
				),
		);
}
