// src/discord/turns/backgroundNotes.ts: the lines under a /background answer: verification, and each result not posted.
import type { TurnNote } from "../../conversation/turnRequest.js";
import type { Text } from "../i18n/textFor.js";

type BackgroundNote = Extract<TurnNote, { code: "backgroundKept" | "backgroundMissed" }>;

/** The line a /background note shows. */
export function backgroundNoteText(note: BackgroundNote, t: Text): string {
	if (note.code === "backgroundKept") {
		const source = t.backgroundMessages.sources[note.source] ?? note.source;
		return note.composited
			? t.backgroundMessages.verified(note.count, source)
			: t.backgroundMessages.notComposited(source);
	}
	const { index, miss } = note;
	switch (miss.kind) {
		case "blocked":
			return t.backgroundMessages.resultBlocked(
				index,
				miss.stage,
				miss.category ? t.CATEGORY_LABELS[miss.category] : undefined,
			);
		case "refused":
			return t.backgroundMessages.resultRefused(index, miss.text);
		case "failed":
			return t.backgroundMessages.resultFailed(index);
		case "drifted":
			return t.backgroundMessages.resultDrifted(index, miss.iou);
		case "tooLarge":
			return t.backgroundMessages.resultTooLarge(index, miss.bytes / 1_048_576);
	}
}
