// src/discord/turns/backgroundNotes.ts: the lines under a /background answer: verification, and each result not posted.
import type { TurnNote } from "../../conversation/turnRequest.js";
import { backgroundMessages, CATEGORY_LABELS } from "../messages.js";

type BackgroundNote = Extract<TurnNote, { code: "backgroundKept" | "backgroundMissed" }>;

/** The line a /background note shows. */
export function backgroundNoteText(note: BackgroundNote): string {
	if (note.code === "backgroundKept") {
		const source = backgroundMessages.sources[note.source] ?? note.source;
		return note.composited ? backgroundMessages.verified(note.count, source) : backgroundMessages.notComposited(source);
	}
	const { index, miss } = note;
	switch (miss.kind) {
		case "blocked":
			return backgroundMessages.resultBlocked(
				index,
				miss.stage,
				miss.category ? CATEGORY_LABELS[miss.category] : undefined,
			);
		case "refused":
			return backgroundMessages.resultRefused(index, miss.text);
		case "failed":
			return backgroundMessages.resultFailed(index);
		case "drifted":
			return backgroundMessages.resultDrifted(index, miss.iou);
		case "tooLarge":
			return backgroundMessages.resultTooLarge(index, miss.bytes / 1_048_576);
	}
}
