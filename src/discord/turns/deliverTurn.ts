// src/discord/turns/deliverTurn.ts: posts a turn's answer: text and images in model order, notes, and its buttons.
import type { TurnDelivery, TurnNote } from "../../conversation/turnRequest.js";
import { appealButton, resultButtons } from "../components.js";
import type { Text } from "../i18n/textFor.js";
import { backgroundNoteText } from "./backgroundNotes.js";
import { renderReply } from "./renderReply.js";
import { sendAll } from "./sendAll.js";
import type { TurnChannel } from "./turnChannel.js";

/** The line a note shows. */
export function noteText(note: TurnNote, t: Text): string {
	switch (note.code) {
		case "firstFrameOnly":
			return t.messages.firstFrameOnly(note.names);
		case "imagesDropped":
			return t.messages.imagesDropped(note.kept);
		case "uploadedVersions":
			return t.messages.uploadedVersions(note.versions);
		case "backgroundKept":
		case "backgroundMissed":
			return backgroundNoteText(note, t);
	}
}

/**
 * Renders and sends the answer (replying to `replyTo` when given); a result gets Reroll, Undo, Edit, Info and Delete
 * under its last image, a block or refusal in a server gets "Report a mistake". Resolves the posted message ids.
 */
export async function deliverTurn(
	channel: TurnChannel,
	delivery: TurnDelivery,
	t: Text,
	replyTo?: string,
): Promise<string[]> {
	const { reply } = delivery;
	const notes = delivery.notes.map((note) => noteText(note, t));
	const outgoing = await renderReply(reply, notes, delivery.versions?.model ?? [], t);
	const result = outgoing.findLast((message) => message.files.length > 0) ?? outgoing.at(-1);
	if (reply.kind === "parts" && result) {
		result.components = [resultButtons(delivery.conversationId, delivery.turn, delivery.requesterId, t)];
	}
	const card = outgoing.at(-1);
	if (delivery.caseId && card) card.components = [appealButton(delivery.caseId, t)];
	return sendAll(channel, outgoing, replyTo);
}
