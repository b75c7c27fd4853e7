// src/main.ts: composition root. Reads .env once, starts the bot, stops it cleanly on SIGINT/SIGTERM.
import "dotenv/config";
import { startBot } from "./bot.js";
import { createLogger } from "./logger.js";
import { loadConfigOrExit, stopOnSignals } from "./processSignals.js";
import { STOP_MESSAGE } from "./startShards.js";

/** discord.js error codes that mean the operator must change something, with what to change. */
const STARTUP_HINTS: Record<string, string> = {
	TokenInvalid: "DISCORD_TOKEN was refused: copy the token again from the Developer Portal, Bot tab (Reset Token).",
	DisallowedIntents:
		"Discord refused the Message Content intent: enable it in the Developer Portal, Bot tab, Privileged Gateway Intents.",
};

async function main(): Promise<void> {
	const config = loadConfigOrExit(process.env);
	const logger = createLogger(config.logLevel);
	let bot: Awaited<ReturnType<typeof startBot>>;
	try {
		bot = await startBot(config, logger);
	} catch (err) {
		const hint = STARTUP_HINTS[(err as { code?: string }).code ?? ""];
		logger.fatal({ err }, hint ?? "bot failed to start");
		process.exit(1);
	}
	// After a second signal, running turns are left to the crash path (their in-flight markers tell their threads on
	// the next start).
	const signals = stopOnSignals(
		logger,
		{ stop: () => bot.stop() },
		{
			stopping: "shutting down",
			second: "second signal, exiting without waiting for running turns",
			failed: "shutdown failed",
		},
	);
	// A shard's process: the manager asks it to stop over IPC (Ctrl-C may also have sent it SIGINT: one stop, not a
	// second signal), and a manager that died takes its shards with it, so a restarted manager finds none running.
	if (process.send) {
		process.on("message", (message) => message === STOP_MESSAGE && !signals.stopping && signals.shutdown("manager"));
		process.on("disconnect", () => !signals.stopping && signals.shutdown("manager gone"));
	}
	// Every handler catches its own errors; this is the last net, so one missed rejection never takes the bot down.
	process.on("unhandledRejection", (err) => logger.error({ err }, "unhandled rejection"));
}

await main();
