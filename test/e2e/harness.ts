// test/e2e/harness.ts: the real bot against a fake Discord and a fake Gemini, all on 127.0.0.1.
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import {
	type FakeChannel,
	type FakeDiscord,
	type FakeDiscordOptions,
	type FakeInteraction,
	type StoredMessage,
	startFakeDiscord,
} from "../../fakes/fakeDiscord.js";
import { type FakeGemini, type RecordedRequest, startFakeGemini } from "../../fakes/fakeGemini.js";
import { type RunningBot, startBot } from "../../src/bot.js";
import { loadConfig } from "../../src/config.js";
import { deployCommands } from "../../src/discord/deployCommands.js";
import { createLogger } from "../../src/logger.js";
import { deleteRedisKeys, REDIS_URL } from "../redisKeys.js";

export { REDIS_URL } from "../redisKeys.js";

export type Harness = {
	discord: FakeDiscord;
	gemini: FakeGemini;
	bot: RunningBot;
	env: Record<string, string>;
	/** Stops the bot and starts a fresh one on the same store, as a process restart would. */
	restart(): Promise<RunningBot>;
	close(): Promise<void>;
};

/** Starts both fakes, registers the commands, and starts the bot; `store` picks SQLite (a temp file) or Redis. */
export async function startHarness(
	options: {
		store?: "sqlite" | "redis";
		env?: Record<string, string>;
		/** Collects every log line (JSON) the bot writes at its LOG_LEVEL, instead of writing them to stdout. */
		logLines?: string[];
		/** Options of the fake Discord (its guild's preferred locale, upload limits, …). */
		discord?: FakeDiscordOptions;
	} = {},
): Promise<Harness> {
	const discord = await startFakeDiscord(options.discord);
	const gemini = await startFakeGemini();
	const folder = await mkdtemp(join(tmpdir(), "nbt-e2e-"));
	const namespace = `test-${randomUUID()}`;
	const env: Record<string, string> = {
		DISCORD_TOKEN: discord.token,
		DISCORD_API_URL: discord.apiUrl,
		DISCORD_GUILD_ID: discord.guildId,
		GEMINI_API_KEY: gemini.apiKey,
		GOOGLE_GEMINI_BASE_URL: gemini.baseUrl,
		STORE_URL: options.store === "redis" ? REDIS_URL : `sqlite://${join(folder, "nested", "bot.sqlite")}`,
		STORE_NAMESPACE: namespace,
		GEMINI_MAX_RETRIES: "0",
		// Unlimited unless a test sets limits: most tests run more turns than a member's default daily quota.
		DEFAULT_MEMBER_DAILY_IMAGES: "0",
		DEFAULT_SERVER_DAILY_IMAGES: "0",
		LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? "silent",
		...options.env,
	};
	const config = loadConfig(env);
	const { logLines } = options;
	const logger = createLogger(config.logLevel, logLines ? { write: (line: string) => logLines.push(line) } : undefined);
	await deployCommands(config);
	const harness: Harness = {
		discord,
		gemini,
		env,
		bot: await startBot(config, logger),
		async restart() {
			await harness.bot.stop();
			harness.bot = await startBot(loadConfig(env), logger);
			return harness.bot;
		},
		async close() {
			await harness.bot.stop();
			// Conversations, settings, quota counters and cooldowns all live under this run's namespace.
			if (options.store === "redis") await deleteRedisKeys(`${namespace}:`);
			await discord.close();
			await gemini.close();
			await rm(folder, { recursive: true, force: true });
		},
	};
	return harness;
}

/** Fails the test if either fake saw a route it does not know, or the fake Discord broke inside. */
export function expectNothingStray(h: Harness): void {
	expect(h.discord.unknownRoutes).toEqual([]);
	expect(h.discord.internalErrors).toEqual([]);
	expect(h.gemini.unknownRoutes).toEqual([]);
}

/** Discord's "thinking" flag on a deferred reply (MessageFlags.Loading) before the bot edits in its answer. */
const LOADING = 128;

/** A button as the bot sends it in a message's action rows. */
export type Button = { custom_id: string; label?: string; disabled?: boolean };

/** The bot's own messages in a channel, oldest first. */
export function botMessages(h: Harness, channelId: string): StoredMessage[] {
	return h.discord.messages(channelId).filter((message) => message.author.id === h.discord.botUser.id);
}

/** The bot's messages in a channel that carry at least one attachment (its images), oldest first. */
export function botImages(h: Harness, channelId: string): StoredMessage[] {
	return botMessages(h, channelId).filter((message) => message.attachments.length > 0);
}

/** Every button under a message, or under an interaction callback's data, row after row. */
export function buttonsOf(message: { components?: unknown[] } | undefined): Button[] {
	return ((message?.components ?? []) as { components: Button[] }[]).flatMap((row) => row.components);
}

/** The custom id of the first button whose id starts with `prefix`; throws when the message has none. */
export function buttonId(message: { components?: unknown[] } | undefined, prefix: string): string {
	const found = buttonsOf(message).find((button) => button.custom_id.startsWith(prefix));
	if (!found) throw new Error(`no ${prefix} button`);
	return found.custom_id;
}

/** What an interaction answered, as one string: every callback's data and the original message's content. */
export function interactionText(interaction: Pick<FakeInteraction, "callbacks" | "original">): string {
	return JSON.stringify([interaction.callbacks.map((callback) => callback.data), interaction.original()?.content]);
}

/** Waits for the interaction's original message once it is no longer a deferred "thinking" reply. */
export function finalReply(
	h: Harness,
	interaction: FakeInteraction,
	what = "the command's answer",
): Promise<StoredMessage> {
	return h.discord.waitFor(
		() => {
			const original = interaction.original();
			return original && !(original.flags & LOADING) ? original : undefined;
		},
		{ what },
	);
}

/** Waits for a thread named exactly `name`. */
export function threadNamed(h: Harness, name: string): Promise<FakeChannel> {
	return h.discord.waitFor(() => h.discord.threads().find((thread) => thread.name === name), {
		what: `a thread named "${name}"`,
	});
}

/** Waits for the Gemini request at `index` (0-based, in the order the fake Gemini received them). */
export function geminiRequest(h: Harness, index: number): Promise<RecordedRequest> {
	return h.discord.waitFor(() => h.gemini.requests[index], { what: `Gemini request #${index + 1}` });
}
