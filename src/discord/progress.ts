// src/discord/progress.ts: one status line in the channel for a long turn: elapsed time, quota waits; gone when done.
import type { Message } from "discord.js";
import type { Logger } from "../logger.js";
import type { TurnChannel } from "./takeTurn.js";

/** When a generation starts showing its elapsed time, and how often the line is refreshed. */
export const SHOW_ELAPSED_AFTER_MS = 30_000;
export const ELAPSED_REFRESH_MS = 15_000;

export type Progress = { note(text: string): void; stop(): Promise<void> };

/** Starts the clock for a turn; the status message appears after SHOW_ELAPSED_AFTER_MS, or at once on note(). */
export function trackProgress(channel: TurnChannel, logger: Logger, started = Date.now()): Progress {
	let message: Message | undefined;
	let extra = "";
	let stopped = false;
	// Edits are chained so they land in order and never race the final delete.
	let chain: Promise<unknown> = Promise.resolve();
	const render = () => {
		const seconds = Math.round((Date.now() - started) / 1_000);
		return [`⏳ Still working… ${seconds} s`, extra].filter(Boolean).join("\n");
	};
	const refresh = () => {
		chain = chain
			.then(async () => {
				if (stopped) return;
				const payload = { content: render(), allowedMentions: { parse: [] } };
				message = message ? await message.edit(payload) : await channel.send(payload);
			})
			.catch((err: unknown) => logger.debug({ err }, "progress update failed"));
	};
	let timer: NodeJS.Timeout | undefined;
	const first = setTimeout(() => {
		refresh();
		timer = setInterval(refresh, ELAPSED_REFRESH_MS);
	}, SHOW_ELAPSED_AFTER_MS);
	return {
		note(text) {
			extra = text;
			refresh();
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
