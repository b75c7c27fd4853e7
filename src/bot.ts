// src/bot.ts: builds store, Gemini and Discord from a Config, starts them, and stops them cleanly.
import { setTimeout as sleep } from "node:timers/promises";
import { Client, Events, GatewayIntentBits, Partials } from "discord.js";
import { chatCommands, messageCommands } from "../commands/index.js";
import { createPixelWorker } from "./background/pixelWorker.js";
import type { Config } from "./config.js";
import { claimSqliteFile } from "./conversation/claimSqliteFile.js";
import { createInFlight, inFlightKey } from "./conversation/inFlight.js";
import { createLifecycle } from "./conversation/lifecycle.js";
import { startSweeping } from "./conversation/retention.js";
import { createStore } from "./conversation/store.js";
import { isStoreUnavailable } from "./conversation/storeUnavailable.js";
import { createTurnQueue } from "./conversation/turnQueue.js";
import type { Deps } from "./deps.js";
import { gatewayCheck } from "./discord/health/gatewayCheck.js";
import { reportCase } from "./discord/moderation/modlog.js";
import { handleInteraction } from "./discord/routing/handleInteraction.js";
import { handleMessage } from "./discord/routing/handleMessage.js";
import { announceInterrupted } from "./discord/turns/announceInterrupted.js";
import { createGeminiBudget } from "./gemini/geminiBudget.js";
import { createGeminiClient, createGenerate } from "./gemini/generate.js";
import { observeCalls } from "./gemini/observeCalls.js";
import { createMetrics } from "./http/metrics.js";
import { storeCheck } from "./http/readiness.js";
import { type HttpServer, startHttp } from "./http/startHttp.js";
import { timeStore } from "./http/timeStore.js";
import type { Logger } from "./logger.js";
import { createQuotas } from "./moderation/quotas.js";
import { createSettingsStore } from "./moderation/settingsStore.js";

export type RunningBot = { client: Client; deps: Deps; http?: HttpServer; stop(): Promise<void> };

/** Creates the discord.js client the bot needs: guild messages with content, DMs, and no mention ever pinging. */
export function createClient(config: Config): Client {
	const client = new Client({
		intents: [
			GatewayIntentBits.Guilds,
			GatewayIntentBits.GuildMessages,
			GatewayIntentBits.MessageContent,
			GatewayIntentBits.DirectMessages,
		],
		// DM channels arrive uncached; without the Channel partial discord.js drops their messages.
		partials: [Partials.Channel],
		rest: { api: config.discordApiUrl },
		allowedMentions: { parse: [], repliedUser: false },
	});
	// discord.js reads SHARDS and SHARD_COUNT from process.env itself; the config already parsed them (and ignores
	// them outside the ShardingManager, where SHARD_COUNT=auto would make discord.js run no shard at all).
	client.options.shards = config.shards.ids;
	client.options.shardCount = config.shards.count;
	return client;
}

/**
 * A port another process holds must not stop the bot (nor send a shard into a crash loop): it runs without HTTP and
 * says so; any other failure to listen is thrown.
 */
function unlessPortInUse(log: Logger, port: number) {
	return (err: unknown): undefined => {
		if ((err as { code?: string }).code !== "EADDRINUSE") throw err;
		log.error(
			{ port },
			"HTTP_PORT is in use by another process: health, metrics and the HTTP API are off in this process (with shards, each process listens on HTTP_PORT + its shard id)",
		);
		return undefined;
	};
}

/**
 * Starts the bot and resolves once Discord is ready, after telling threads whose turn a crash cut short.
 * `stop()` takes no new turns (members who write are told the bot is restarting), gives running turns
 * SHUTDOWN_GRACE_MS to finish, interrupts the rest (their members are told), then closes everything.
 */
export async function startBot(config: Config, logger: Logger): Promise<RunningBot> {
	// An SQLite store serves one process: a second bot on the same file refuses to start.
	const claim = await claimSqliteFile(config.storeUrl);
	const store = await createStore(config.storeUrl, config.storeNamespace).catch((err: unknown) => {
		claim?.release();
		throw err;
	});
	const metrics = createMetrics();
	const gemini = observeCalls(createGeminiClient(config.gemini), (call) => metrics.geminiCall(call));
	const client = createClient(config);
	const { concurrency, requestsPerMinute } = config.gemini.globalCap;
	// The config refuses a global cap without Redis; with it, every process shares one budget.
	const budget =
		store.redis && (concurrency > 0 || requestsPerMinute > 0)
			? createGeminiBudget({
					client: store.redis,
					limiters: store.limiters,
					namespace: config.storeNamespace,
					concurrency,
					requestsPerMinute,
					logger: logger.child({ module: "gemini" }),
				})
			: undefined;
	const deps: Deps = {
		config,
		discord: client,
		logger,
		store: timeStore(store, metrics.storeCall),
		generate: createGenerate(gemini, {
			...config.gemini,
			logger: logger.child({ module: "gemini" }),
			...(budget ? { budget } : {}),
		}),
		turns: createTurnQueue(),
		arrivals: createTurnQueue(),
		metrics,
		settings: createSettingsStore({ keyv: store.keyv, config: config.moderation }),
		quotas: createQuotas({ limiters: store.limiters, namespace: config.storeNamespace, keyv: store.keyv }),
		inFlight: createInFlight(store.keyv, inFlightKey(config.shards.ids)),
		lifecycle: createLifecycle(),
		pixels: createPixelWorker({ logger: logger.child({ module: "background" }) }),
		reportCase: (moderationCase, modlog) => reportCase(deps, moderationCase, modlog),
	};
	const log = logger.child({ module: "discord" });
	const sweeper = startSweeping(
		() => store.sweep(config.retention.conversationTtlDays),
		logger.child({ module: "retention" }),
	);
	const commands = { chat: chatCommands, message: messageCommands };
	// Handlers in flight, so that stop() lets running turns post and commit before the store closes.
	const inFlight = new Set<Promise<void>>();
	const track = (work: Promise<void>, what: string) => {
		const tracked = work.catch((err: unknown) => log.error({ err }, `${what} handler crashed`));
		inFlight.add(tracked);
		void tracked.finally(() => inFlight.delete(tracked));
	};
	client.on(Events.InteractionCreate, (interaction) =>
		track(handleInteraction(interaction, deps, commands), "interaction"),
	);
	client.on(Events.MessageCreate, (message) => track(handleMessage(message, deps), "message"));
	client.on(Events.Error, (err) => log.error({ err }, "discord client error"));
	client.on(Events.ShardDisconnect, (event, shard) => log.warn({ code: event.code, shard }, "gateway disconnected"));
	metrics.observeQueue(() => deps.turns.counts());
	const http =
		config.httpPort > 0
			? await startHttp({
					port: config.httpPort,
					metrics,
					logger,
					readiness: {
						gateway: gatewayCheck(client),
						store: storeCheck(store.keyv, isStoreUnavailable),
						shutdown: () => (deps.lifecycle.stopping ? { ok: false, reason: "shutting down" } : { ok: true }),
					},
					// API requests are held like Discord handlers, so shutdown's grace period covers their turns.
					...(config.httpApi
						? {
								api: {
									deps,
									config: config.httpApi,
									track: (work) =>
										track(
											work.then(() => {}),
											"http",
										),
								},
							}
						: {}),
				}).catch(unlessPortInUse(log, config.httpPort))
			: undefined;
	const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
	try {
		await client.login(config.discordToken);
		await ready;
	} catch (err) {
		await client.destroy();
		await http?.close();
		await sweeper.stop();
		await store.close();
		claim?.release();
		throw err;
	}
	log.info(
		{ user: client.user?.id, guilds: client.guilds.cache.size, model: config.gemini.model, shards: config.shards.ids },
		"bot ready",
	);
	await announceInterrupted(deps);
	return {
		client,
		deps,
		...(http ? { http } : {}),
		async stop() {
			deps.lifecycle.stop();
			const graceOver = new AbortController();
			await Promise.race([
				Promise.allSettled(inFlight),
				sleep(config.turns.shutdownGraceMs, undefined, { signal: graceOver.signal }).catch(() => undefined),
			]);
			graceOver.abort();
			deps.lifecycle.interruptTurns();
			// No more arrivals; then every handler, late ones included, finishes (interrupted turns tell their threads).
			client.removeAllListeners(Events.InteractionCreate).removeAllListeners(Events.MessageCreate);
			await Promise.allSettled(inFlight);
			await deps.pixels.close();
			await client.destroy();
			await http?.close();
			await sweeper.stop();
			await store.close();
			claim?.release();
		},
	};
}
