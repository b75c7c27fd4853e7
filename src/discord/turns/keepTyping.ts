// src/discord/turns/keepTyping.ts: keeps "Bot is typing…" on while a turn runs (Discord drops it after about 10 s).
import type { Logger } from "../../logger.js";

export const TYPING_RENEW_MS = 8_000;

/** Starts typing in `channel` now and every TYPING_RENEW_MS; returns the function that stops it. */
export function keepTyping(channel: { sendTyping(): Promise<unknown> }, logger: Logger): () => void {
	const send = () => {
		channel.sendTyping().catch((err: unknown) => logger.debug({ err }, "typing indicator failed"));
	};
	send();
	const timer = setInterval(send, TYPING_RENEW_MS);
	return () => clearInterval(timer);
}
