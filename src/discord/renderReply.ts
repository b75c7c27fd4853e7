// src/discord/renderReply.ts: lays a model reply out as Discord messages, text and images in the model's order.
import type { ContentPart } from "../gemini/types.js";
import { fitForUpload } from "../images/fitForUpload.js";
import { splitMessage } from "./splitMessage.js";

/** Discord's limits: 10 attachments per message and about 25 MB per request body. */
export const MAX_FILES_PER_MESSAGE = 10;
export const MAX_MESSAGE_UPLOAD_BYTES = 24 * 1_024 * 1_024;

export type OutgoingFile = { name: string; data: Buffer };
export type Outgoing = { content: string; files: OutgoingFile[] };

/**
 * Renders parts into messages: each text chunk opens a message, the images after it ride along with it
 * (Discord shows attachments under the text), so the reading order is the model's order.
 */
export async function renderParts(parts: readonly ContentPart[], notes: readonly string[] = []): Promise<Outgoing[]> {
	const outgoing: Outgoing[] = [];
	let current: Outgoing | undefined;
	let currentBytes = 0;
	let imageNumber = 0;
	const open = (content: string) => {
		current = { content, files: [] };
		currentBytes = 0;
		outgoing.push(current);
		return current;
	};
	for (const part of parts) {
		if (part.kind === "text") {
			for (const chunk of splitMessage(part.text)) open(chunk);
			continue;
		}
		const fitted = await fitForUpload(part.data, part.mimeType);
		imageNumber++;
		let target = current;
		if (
			!target ||
			target.files.length >= MAX_FILES_PER_MESSAGE ||
			currentBytes + fitted.data.length > MAX_MESSAGE_UPLOAD_BYTES
		) {
			target = open("");
		}
		target.files.push({ name: `image-${imageNumber}.${fitted.extension}`, data: fitted.data });
		currentBytes += fitted.data.length;
	}
	for (const note of notes) for (const chunk of splitMessage(note)) outgoing.push({ content: chunk, files: [] });
	return outgoing;
}
