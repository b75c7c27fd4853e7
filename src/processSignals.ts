// src/processSignals.ts: what both entry processes (the bot, the shard manager) do with their config and with signals.
import { type Config, ConfigError, loadConfig } from "./config.js";
import type { Logger } from "./logger.js";

/** The environment's config, or the process exits 1 after printing every problem (never a secret's value). */
export function loadConfigOrExit(env: Record<string, string | undefined>): Config {
	try {
		return loadConfig(env);
	} catch (err) {
		if (!(err instanceof ConfigError)) throw err;
		console.error(err.message);
		process.exit(1);
	}
}

export type StopOnSignals = {
	/** Starts the one clean stop (exit 0 when it ends, 1 if it fails); a second call means "now" and exits 1. */
	shutdown(reason: string): void;
	readonly stopping: boolean;
};

/**
 * Runs `stop` once on SIGINT or SIGTERM and exits 0 when it is done (1 if it fails). A second signal, a second Ctrl-C
 * or SIGINT after SIGTERM, means "now": `now()` runs and the process exits 1 at once.
 */
export function stopOnSignals(
	logger: Logger,
	handlers: { stop(): Promise<void>; now?(): void },
	words: { stopping: string; second: string; failed: string },
): StopOnSignals {
	let stopping = false;
	const shutdown = (signal: string) => {
		if (stopping) {
			logger.warn({ signal }, words.second);
			handlers.now?.();
			process.exit(1);
		}
		stopping = true;
		logger.info({ signal }, words.stopping);
		handlers.stop().then(
			() => process.exit(0),
			(err: unknown) => {
				logger.error({ err }, words.failed);
				process.exit(1);
			},
		);
	};
	process.on("SIGINT", shutdown);
	process.on("SIGTERM", shutdown);
	return {
		shutdown,
		get stopping() {
			return stopping;
		},
	};
}
