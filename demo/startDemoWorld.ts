// demo/startDemoWorld.ts: the real bot on the local fake Discord and fake Gemini, with a throwaway SQLite store.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type FakeDiscord, startFakeDiscord } from "../fakes/fakeDiscord.js";
import { type FakeGemini, startFakeGemini } from "../fakes/fakeGemini.js";
import { promptImageResponder } from "../fakes/promptImage.js";
import { type RunningBot, startBot } from "../src/bot.js";
import { loadConfig } from "../src/config.js";
import { deployCommands } from "../src/discord/deployCommands.js";
import { createLogger } from "../src/logger.js";

export type DemoWorld = { discord: FakeDiscord; gemini: FakeGemini; bot: RunningBot; stop(): Promise<void> };

/**
 * Starts both fakes on 127.0.0.1, registers the commands and starts the bot on them. The config comes from the
 * env written here, never from .env or the process's environment: the demo needs no account and no network.
 * The bot logs warnings and errors to stderr.
 */
export async function startDemoWorld(): Promise<DemoWorld> {
	const discord = await startFakeDiscord();
	const gemini = await startFakeGemini();
	gemini.respondWith(promptImageResponder());
	const folder = await mkdtemp(join(tmpdir(), "nbt-demo-store-"));
	const config = loadConfig({
		DISCORD_TOKEN: discord.token,
		DISCORD_API_URL: discord.apiUrl,
		DISCORD_GUILD_ID: discord.guildId,
		GEMINI_API_KEY: gemini.apiKey,
		GOOGLE_GEMINI_BASE_URL: gemini.baseUrl,
		STORE_URL: `sqlite://${join(folder, "bot.sqlite")}`,
		GEMINI_MAX_RETRIES: "0",
		DEFAULT_MEMBER_DAILY_IMAGES: "0",
		DEFAULT_SERVER_DAILY_IMAGES: "0",
		LOG_LEVEL: "warn",
	});
	const stopFakes = async () => {
		await discord.close();
		await gemini.close();
		await rm(folder, { recursive: true, force: true });
	};
	try {
		await deployCommands(config);
		const bot = await startBot(config, createLogger(config.logLevel, process.stderr));
		return {
			discord,
			gemini,
			bot,
			async stop() {
				await bot.stop();
				await stopFakes();
			},
		};
	} catch (err) {
		await stopFakes();
		throw err;
	}
}
