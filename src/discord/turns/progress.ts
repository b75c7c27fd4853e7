// src/discord/turns/progress.ts: one status line for a long turn (working, or waiting for Gemini, and when); gone when done.
import type { Message } from "discord.js";
import type { GeminiWait } from "../../gemini/generate.js";
import type { Logger } from "../../logger.js";
import type { ButtonRow } from "../components.js";
import type { Text } from "../i18n/textFor.js";
import type { TurnChannel } from "./turnChannel.js";

/** When a generation starts showing its elapsed time, and how often the line is refreshed. */
export const SHOW_ELAPSED_AFTER_MS = 30_000;
export const ELAPSED_REFRESH_MS = 15_000;

export type Progress = { show(wait: GeminiWait): void; stop(): Promise<void> };

/**
 * Starts the clock for a turn; the status message appears after SHOW_ELAPSED_AFTER_MS, or at once when the turn has
 * to wait (a quota wait or a retry says when it tries again, never "working" while nothing runs). `cancel` rides
 * under the line so the member can stop the turn.
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
	let stopped = false;
	// Edits are chained so they land in order and never race the final delete.
	let chain: Promise<unknown> = Promise.resolve();
	const render = () => {
		if (state.kind === "quota") return t.messages.progressQuotaWait(state.retryAt);
		if (state.kind === "retry") return t.messages.progressRetry(state.retryAt);
		if (state.kind === "globalCap") return t.messages.progressGlobalCap(state.position);
		if (state.kind === "globalRate") return t.messages.progressGlobalRate(state.retryAt);
		return t.messages.progressWorking(Math.round((Date.now() - started) / 1_000));
	};
	const refresh = () => {
		chain = chain
			.then(async () => {
				if (stopped) return;
				const payload = { content: render(), components: cancel ? [cancel] : [], allowedMentions: { parse: [] } };
				message = message ? await message.edit(payload) : await channel.send(payload);
			})
			.catch((err: unknown) => logger.debug({ err }, "progress update failed"));
	};
	let timer: NodeJS.Timeout | undefined;
	const first = setTimeout(() => {
		refresh();
		// Only the working line counts seconds; a wait's line names its retry time, which Discord keeps current.
		timer = setInterval(() => state.kind === "running" && refresh(), ELAPSED_REFRESH_MS);
	}, SHOW_ELAPSED_AFTER_MS);
	return {
		show(wait) {
			const wasShown = message !== undefined || wait.kind !== "running";
			state = wait;
			if (wasShown) refresh();
		},
		async stop() {
			clearTimeout(first);
			clearInterval(timer);
			await chain;
			stopped = true;
			await message?.delete().catch((err: unknown) => logger.debug({ err }, "progress delete failed"));
		},
	};
}
