// src/discord/turns/renderReply.ts: lays a model reply out as Discord messages, text and images in the model's order.
import type { ContentPart, ModelReply } from "../../gemini/types.js";
import { fitForUpload } from "../../images/fitForUpload.js";
import type { ButtonRow } from "../components.js";
import type { Text } from "../i18n/textFor.js";
import { MAX_MESSAGE_CHARS, splitMessage } from "./splitMessage.js";

/** Discord's limits: 10 attachments per message and about 25 MB per request body. */
export const MAX_FILES_PER_MESSAGE = 10;
export const MAX_MESSAGE_UPLOAD_BYTES = 24 * 1_024 * 1_024;
/** Room kept in each text chunk for the labels of the images under it: 10 × "v99999 · " plus "\n-# ". */
const LABEL_ROOM = 100;

export type OutgoingFile = { name: string; data: Buffer };
export type Outgoing = {
	content: string;
	files: OutgoingFile[];
	/** Versions of the images in `files`. */
	versions?: number[];
	components?: ButtonRow[];
};

/** "-# v3 · v4": Discord's small print, under the text and above the images it names. */
const labelOf = (versions: readonly number[]) => `-# ${versions.map((version) => `v${version}`).join(" · ")}`;

/**
 * Renders parts into messages: each text chunk opens a message, the images after it ride along with it
 * (Discord shows attachments under the text), so the reading order is the model's order. `versions` numbers
 * the images in order; each message names the versions it carries. Notes go at the end of the last message.
 */
export async function renderParts(
	parts: readonly ContentPart[],
	notes: readonly string[] = [],
	versions: readonly number[] = [],
): Promise<Outgoing[]> {
	const outgoing: Outgoing[] = [];
	let current: Outgoing | undefined;
	let currentBytes = 0;
	let imageIndex = 0;
	const open = (content: string) => {
		current = { content, files: [], versions: [] } satisfies Outgoing;
		currentBytes = 0;
		outgoing.push(current);
		return current;
	};
	for (const part of parts) {
		if (part.kind === "text") {
			for (const chunk of splitMessage(part.text, MAX_MESSAGE_CHARS - LABEL_ROOM)) open(chunk);
			continue;
		}
		const fitted = await fitForUpload(part.data, part.mimeType);
		const version = versions[imageIndex];
		imageIndex++;
		let target = current;
		if (
			!target ||
			target.files.length >= MAX_FILES_PER_MESSAGE ||
			currentBytes + fitted.data.length > MAX_MESSAGE_UPLOAD_BYTES
		) {
			target = open("");
		}
		const name = version === undefined ? `image-${imageIndex}` : `v${version}`;
		target.files.push({ name: `${name}.${fitted.extension}`, data: fitted.data });
		if (version !== undefined) target.versions?.push(version);
		currentBytes += fitted.data.length;
	}
	for (const message of outgoing) {
		if (message.versions?.length)
			message.content = [message.content, labelOf(message.versions)].filter(Boolean).join("\n");
	}
	// A note rides in the last message when it fits there (one REST call fewer per note), else in its own.
	for (const note of notes) {
		const last = outgoing.at(-1);
		if (last && last.content.length + 1 + note.length <= MAX_MESSAGE_CHARS) {
			last.content = last.content ? `${last.content}\n${note}` : note;
			continue;
		}
		for (const chunk of splitMessage(note)) outgoing.push({ content: chunk, files: [] });
	}
	return outgoing;
}

/** Lays out any reply: images with their versions, or the notice for a block, a refusal or a failure. */
export async function renderReply(
	reply: ModelReply,
	notes: string[],
	versions: number[],
	t: Text,
): Promise<Outgoing[]> {
	switch (reply.kind) {
		case "parts":
			return renderParts(reply.parts, reply.truncated ? [...notes, t.messages.truncated] : notes, versions);
		// Notes follow the notice (a /background job's per-result lines when none of its results could be posted).
		case "blocked":
			return renderParts([], [t.blockedMessage(reply.stage, reply.reason, reply.category), ...notes]);
		case "refused":
			return renderParts([{ kind: "text", text: reply.text }], [t.messages.refusedHint, ...notes]);
		case "failed":
			return renderParts(reply.text ? [{ kind: "text", text: reply.text }] : [], [
				t.failureMessages[reply.reason],
				...notes,
			]);
	}
}
