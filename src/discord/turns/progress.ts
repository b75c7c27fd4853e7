// src/discord/turns/progress.ts: one status message for a running turn (working or waiting, the answer as it streams, thoughts and drafts); gone when done.
import type { Message } from "discord.js";
import sharp from "sharp";
import type { GeminiWait, StreamPreview } from "../../gemini/generate.js";
import type { Logger } from "../../logger.js";
import type { ButtonRow } from "../components.js";
import type { Text } from "../i18n/textFor.js";
import type { TurnChannel } from "./turnChannel.js";

/** When a generation starts showing its elapsed time, and how often the line is refreshed. */
export const SHOW_ELAPSED_AFTER_MS = 30_000;
export const ELAPSED_REFRESH_MS = 15_000;
/** The fewest milliseconds between two edits of the message: streamed chunks in between are coalesced. */
export const PREVIEW_EDIT_MS = 1_500;
/**
 * How long a turn runs before its streamed preview shows: a quick turn posts its answer with no message that
 * flashes up and vanishes (and no extra REST calls).
 */
export const PREVIEW_AFTER_MS = 1_500;
/** The draft image's longest side in the preview: a thumbnail, not a result. */
export const DRAFT_PREVIEW_PX = 320;
/** Room the streamed text may take in the message (Discord's 2,000 characters, less the status lines). */
const MAX_PREVIEW_TEXT = 1_500;
const MAX_THOUGHT = 120;

export type Progress = { show(wait: GeminiWait): void; preview(preview: StreamPreview): void; stop(): Promise<void> };

/** A thought summary in one line: its bold heading when it has one ("**Composing the scene**"), else its first line. */
export function thoughtLine(thought: string): string {
	const heading = thought.match(/\*\*(.+?)\*\*/)?.[1];
	const line = (heading ?? thought.split("\n").find((candidate) => candidate.trim()) ?? "")
		.replace(/[*_`]/g, "")
		.trim();
	return line.length > MAX_THOUGHT ? `${line.slice(0, MAX_THOUGHT - 1)}…` : line;
}

async function draftFile(draft: NonNullable<StreamPreview["draft"]>) {
	const small = await sharp(draft.data)
		.resize(DRAFT_PREVIEW_PX, DRAFT_PREVIEW_PX, { fit: "inside", withoutEnlargement: true })
		.jpeg({ quality: 70 })
		.toBuffer();
	return { attachment: small, name: "draft.jpg" };
}

/**
 * Starts the clock for a turn. The status message appears after SHOW_ELAPSED_AFTER_MS, at once when the turn has to
 * wait (a quota wait or a retry says when it tries again, never "working" while nothing runs), or once the turn has
 * run PREVIEW_AFTER_MS with its answer streaming in: its text, a one-line summary of the model's latest thought, and
 * its latest draft as a small image marked as a draft. Edits are at least PREVIEW_EDIT_MS apart, so a fast stream costs a handful of edits;
 * a retry clears what the failed attempt showed. `cancel` rides under the message so the member can stop the turn.
 */
export function trackProgress(
	channel: TurnChannel,
	logger: Logger,
	t: Text,
	started = Date.now(),
	cancel?: ButtonRow,
): Progress {
	let message: Message | undefined;
	let state: GeminiWait = { kind: "running" };
	let preview: StreamPreview | undefined;
	/** The draft number the message's attachment shows; 0 = none. */
	let shownDraft = 0;
	let stopped = false;
	// Edits are chained so they land in order and never race the final delete; one waits at a time, coalescing.
	let chain: Promise<unknown> = Promise.resolve();
	let queued = false;
	let lastEditAt = 0;
	let pending: NodeJS.Timeout | undefined;
	const statusLine = () => {
		if (state.kind === "quota") return t.messages.progressQuotaWait(state.retryAt);
		if (state.kind === "retry") return t.messages.progressRetry(state.retryAt);
		if (state.kind === "globalCap") return t.messages.progressGlobalCap(state.position);
		if (state.kind === "globalRate") return t.messages.progressGlobalRate(state.retryAt);
		return t.messages.progressWorking(Math.round((Date.now() - started) / 1_000));
	};
	const render = () => {
		const lines = [statusLine()];
		const thought = preview?.thought ? thoughtLine(preview.thought) : "";
		if (thought) lines.push(t.messages.progressThinking(thought));
		const text = preview?.text.trim() ?? "";
		if (text) lines.push(text.length > MAX_PREVIEW_TEXT ? `${text.slice(0, MAX_PREVIEW_TEXT - 1)}…` : text);
		if (preview?.draft) lines.push(t.messages.progressDraft(preview.drafts));
		return lines.join("\n");
	};
	const send = async () => {
		queued = false;
		if (stopped) return;
		lastEditAt = Date.now();
		const content = render();
		const components = cancel ? [cancel] : [];
		const allowedMentions = { parse: [] };
		const draft = preview?.draft ? preview.drafts : 0;
		// A new draft replaces the old one; a retry's fresh start removes it; otherwise the attachment stays.
		const files = draft !== shownDraft && preview?.draft ? [await draftFile(preview.draft)] : [];
		if (!message) {
			message = await channel.send({ content, components, allowedMentions, files });
		} else if (draft !== shownDraft) {
			message = await message.edit({ content, components, allowedMentions, files, attachments: [] });
		} else {
			message = await message.edit({ content, components, allowedMentions });
		}
		shownDraft = draft;
	};
	/** Sends or edits the message now, or once PREVIEW_EDIT_MS has passed since the last edit and not before `notBefore`. */
	const refresh = (notBefore = 0) => {
		if (queued || stopped) return;
		const wait = Math.max(lastEditAt + PREVIEW_EDIT_MS, notBefore) - Date.now();
		if (wait > 0) {
			pending ??= setTimeout(() => {
				pending = undefined;
				refresh(notBefore);
			}, wait);
			return;
		}
		queued = true;
		chain = chain.then(send).catch((err: unknown) => logger.debug({ err }, "progress update failed"));
	};
	let timer: NodeJS.Timeout | undefined;
	const first = setTimeout(() => {
		refresh();
		// Only the working line counts seconds; a wait's line names its retry time, which Discord keeps current.
		timer = setInterval(() => state.kind === "running" && refresh(), ELAPSED_REFRESH_MS);
	}, SHOW_ELAPSED_AFTER_MS);
	return {
		show(wait) {
			const wasShown = message !== undefined || queued || wait.kind !== "running";
			state = wait;
			// The attempt that streamed this preview failed: the next one starts afresh.
			if (wait.kind === "retry") preview = undefined;
			if (wasShown) refresh();
		},
		preview(next) {
			preview = next;
			refresh(started + PREVIEW_AFTER_MS);
		},
		async stop() {
			// No edit starts from here on; one already on its way lands, then the message goes.
			stopped = true;
			clearTimeout(first);
			clearTimeout(pending);
			clearInterval(timer);
			await chain;
			await message?.delete().catch((err: unknown) => logger.debug({ err }, "progress delete failed"));
		},
	};
}
