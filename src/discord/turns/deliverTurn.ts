// src/discord/turns/deliverTurn.ts: posts a turn's answer: text and images in model order, notes, and its buttons.
import type { TurnDelivery, TurnNote } from "../../conversation/turnRequest.js";
import { appealButton, resultButtons } from "../components.js";
import { messages } from "../messages.js";
import { backgroundNoteText } from "./backgroundNotes.js";
import { renderReply } from "./renderReply.js";
import { sendAll } from "./sendAll.js";
import type { TurnChannel } from "./turnChannel.js";

/** The line a note shows. */
export function noteText(note: TurnNote): string {
	switch (note.code) {
		case "firstFrameOnly":
			return messages.firstFrameOnly(note.names);
		case "imagesDropped":
			return messages.imagesDropped(note.kept);
		case "uploadedVersions":
			return messages.uploadedVersions(note.versions);
		case "backgroundKept":
		case "backgroundMissed":
			return backgroundNoteText(note);
	}
}

/**
 * Renders and sends the answer (replying to `replyTo` when given); a result gets Reroll, Undo, Edit, Info and Delete
 * under its last image, a block or refusal in a server gets "Report a mistake". Resolves the posted message ids.
 */
export async function deliverTurn(channel: TurnChannel, delivery: TurnDelivery, replyTo?: string): Promise<string[]> {
	const { reply } = delivery;
	const outgoing = await renderReply(reply, delivery.notes.map(noteText), delivery.versions?.model ?? []);
	const result = outgoing.findLast((message) => message.files.length > 0) ?? outgoing.at(-1);
	if (reply.kind === "parts" && result) {
		result.components = [resultButtons(delivery.conversationId, delivery.turn, delivery.requesterId)];
	}
	const card = outgoing.at(-1);
	if (delivery.caseId && card) card.components = [appealButton(delivery.caseId)];
	return sendAll(channel, outgoing, replyTo);
}
